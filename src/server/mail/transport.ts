import type { Executor } from '../db';
import { env } from '../env';
import { devMailboxTransport } from './dev-mailbox';
import { resendTransport } from './resend';
import type { MailTransport } from './types';

export type { DeliveryAttempt, MailTransport, OutgoingEmail } from './types';

/** Resend when a key is configured; otherwise the development mailbox (`/dev/mailbox`). */
export function mailTransport(db: Executor): MailTransport {
  if (env.RESEND_API_KEY) {
    return resendTransport({ apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL });
  }
  return devMailboxTransport(db);
}
