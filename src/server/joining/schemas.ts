import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

export const passwordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters`);
export const personNameField = z.string().trim().min(1, 'Enter your name').max(100);
export const emailField = z.email().trim().toLowerCase().max(254);
export const organizationNameField = z.string().trim().min(1, 'Enter the organization’s name').max(100);

/** `/setup` and `/signup`: an organization and its first admin. */
export const createOrganizationInput = z.object({
  organizationName: organizationNameField,
  name: personNameField,
  email: emailField,
  password: passwordField,
});
export type CreateOrganizationInput = z.infer<typeof createOrganizationInput>;

export const invitationIdInput = z.object({ id: z.string().trim().min(1).max(200) });

/** A new account gives a name; an existing one only its password. */
export const acceptInvitationInput = z.object({
  id: z.string().trim().min(1).max(200),
  name: personNameField.optional(),
  password: passwordField,
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;
