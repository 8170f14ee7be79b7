import { z } from 'zod';
import { roles } from '../auth';

/** An empty field in the form means "none". */
const emptyToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

export const settingsFields = {
  replyTargetHours: z.number().int().min(1).max(168),
  regenerationLimit: z.number().int().min(0).max(50),
  regenerationCooldownHours: z.number().int().min(0).max(720),
  undoWindowSeconds: z.number().int().min(0).max(300),
  senderName: z.string().trim().max(100),
  senderEmail: z.union([z.literal(''), z.email().trim().toLowerCase()]),
  inboundAddress: z.preprocess(emptyToNull, z.email().trim().toLowerCase().nullable()),
  signature: z.string().max(2000),
  budgetTolerancePercent: z.number().int().min(0).max(100),
};

/** Any subset of the settings; the ones left out keep their value. */
export const updateSettingsInput = z.object(settingsFields).partial().strict();
export type UpdateSettingsInput = z.infer<typeof updateSettingsInput>;

export const roleInput = z.enum(roles);

export const changeRoleInput = z.object({ memberId: z.string().min(1).max(200), role: roleInput });
export type ChangeRoleInput = z.infer<typeof changeRoleInput>;

export const inviteMemberInput = z.object({ email: z.email().trim().toLowerCase(), role: roleInput });
export type InviteMemberInput = z.infer<typeof inviteMemberInput>;

export const invitationInput = z.object({ invitationId: z.string().min(1).max(200) });
export const cancelInvitationInput = invitationInput;

export const memberInput = z.object({ memberId: z.string().min(1).max(200) });

export const signatureInput = z.object({ signature: settingsFields.signature });
