import { recordAudit, userActor } from '../audit';
import { type Executor, withTransaction } from '../db';
import { passwordResetEmail, sendAccountEmail } from '../mail/account-mail';
import { ownOrganizationId } from './queries';

export const RESET_TOKEN_MINUTES = 60;

/**
 * better-auth's `sendResetPassword`: the link goes out through the reply mail path, filed under the
 * user's organization (its admins see it in the development mailbox). A user who belongs to no
 * organization cannot use Echo, so nothing is sent.
 */
export async function sendPasswordResetEmail(
  db: Executor,
  params: { userId: string; name: string; email: string; token: string },
) {
  const organizationId = await ownOrganizationId(db, params.userId);
  if (!organizationId) return;
  const message = passwordResetEmail({
    name: params.name,
    token: params.token,
    expiresInMinutes: RESET_TOKEN_MINUTES,
  });
  const attempt = await sendAccountEmail(db, {
    organizationId,
    to: params.email,
    subject: message.subject,
    text: message.text,
    kind: 'password_reset',
    idempotencyKey: `password-reset/${params.token}`,
  });
  if (attempt.outcome !== 'accepted') {
    console.error(`Password reset email for user ${params.userId} was not sent: ${attempt.message}`);
  }
}

/** Audits a password change or reset in the user's organization (better-auth wrote the change itself). */
export async function auditPasswordChange(
  db: Executor,
  params: { userId: string; action: 'user.password_reset' | 'user.password_changed' },
) {
  const organizationId = await ownOrganizationId(db, params.userId);
  if (!organizationId) return;
  // A transaction for the audit row alone: better-auth committed the password on its own connection.
  await withTransaction(db, (tx) =>
    recordAudit(tx, {
      organizationId,
      actor: userActor(params.userId),
      action: params.action,
      entityType: 'organization',
      entityId: organizationId,
      details: { userId: params.userId },
    }),
  );
}
