import type { Executor } from '../db';
import { env } from '../env';
import { getOrganizationSettings } from '../settings/queries';
import { type DeliveryAttempt, type MailTransport, mailTransport } from './transport';

/** The app's public address, without a trailing slash: every link in an email starts with it. */
export const appUrl = (path: string) => `${env.APP_URL.replace(/\/$/, '')}${path}`;

export type AccountEmail = {
  organizationId: string;
  to: string;
  subject: string;
  text: string;
  kind: 'invitation' | 'password_reset';
  /** One key per message meant: a retried send of the same message files/sends it once. */
  idempotencyKey: string;
};

/** The organization's sender (Settings), else EMAIL_FROM: account mail comes from where replies do. */
async function senderOf(db: Executor, organizationId: string) {
  const settings = await getOrganizationSettings(db, organizationId);
  if (settings.senderEmail) {
    return settings.senderName ? `${settings.senderName} <${settings.senderEmail}>` : settings.senderEmail;
  }
  return env.EMAIL_FROM;
}

/**
 * Sends an invitation or a password reset through the same transport as replies (Resend, or the
 * development mailbox). Called after the change that asked for it has committed; the caller
 * decides what a failed attempt means (the admin can resend an invitation).
 */
export async function sendAccountEmail(
  db: Executor,
  email: AccountEmail,
  transport: MailTransport = mailTransport(db),
): Promise<DeliveryAttempt> {
  return transport.send({
    organizationId: email.organizationId,
    emailId: null,
    kind: email.kind,
    from: await senderOf(db, email.organizationId),
    to: email.to,
    subject: email.subject,
    text: email.text,
    headers: {},
    idempotencyKey: email.idempotencyKey,
  });
}

const roleNames: Record<string, string> = { agent: 'an agent', manager: 'a manager', admin: 'an admin' };

export function invitationEmail(params: {
  inviterName: string;
  organizationName: string;
  role: string;
  invitationId: string;
  expiresAt: Date;
}) {
  const link = appUrl(`/invite/${encodeURIComponent(params.invitationId)}`);
  const role = roleNames[params.role] ?? params.role;
  return {
    subject: `${params.inviterName} invited you to ${params.organizationName} on Echo`,
    text: [
      'Hello,',
      '',
      `${params.inviterName} invited you to join ${params.organizationName} on Echo as ${role}.`,
      '',
      `Accept the invitation and set your password here:`,
      link,
      '',
      `The link works until ${params.expiresAt.toUTCString()}.`,
      'If you were not expecting this, you can ignore this email.',
    ].join('\n'),
    link,
  };
}

export function passwordResetEmail(params: { name: string; token: string; expiresInMinutes: number }) {
  const link = appUrl(`/reset-password?token=${encodeURIComponent(params.token)}`);
  return {
    subject: 'Reset your Echo password',
    text: [
      `Hello ${params.name},`,
      '',
      'Someone asked to reset the password of your Echo account. Choose a new one here:',
      link,
      '',
      `The link works for ${params.expiresInMinutes} minutes and only once. Resetting signs you out everywhere.`,
      'If you did not ask for this, ignore this email: your password stays as it is.',
    ].join('\n'),
    link,
  };
}
