import { type GetReceivingEmailResponseSuccess, Resend } from 'resend';
import { env } from '../env';
import type { InboundMessage } from './service';

export type ReceivedEmail = GetReceivingEmailResponseSuccess;

/** Resend could not hand us the received email; the webhook answers 502 so Resend retries. */
export class ReceivedEmailUnavailableError extends Error {}

export type FetchReceivedEmail = (emailId: string) => Promise<ReceivedEmail>;

/** The receiving API of the Resend SDK (`GET /emails/receiving/:id`), at `RESEND_BASE_URL` when set. */
export function resendReceiving(
  apiKey: string | undefined = env.RESEND_API_KEY,
  baseUrl: string | undefined = env.RESEND_BASE_URL,
): FetchReceivedEmail {
  return async (emailId) => {
    if (!apiKey) throw new ReceivedEmailUnavailableError('RESEND_API_KEY is not configured');
    const resend = new Resend(apiKey, baseUrl ? { baseUrl: baseUrl.replace(/\/$/, '') } : undefined);
    const { data, error } = await resend.emails.receiving.get(emailId);
    if (error || !data) {
      throw new ReceivedEmailUnavailableError(
        `Resend did not return received email ${emailId}: ${error?.message ?? 'no data'}`,
      );
    }
    return data;
  };
}

function header(headers: Record<string, string> | null, name: string) {
  if (!headers) return null;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key ? (headers[key] ?? null) : null;
}

/** Every address the email was delivered to, most specific first. */
export function receivingAddresses(email: Pick<ReceivedEmail, 'received_for' | 'to'>): string[] {
  return [...(email.received_for ?? []), ...(email.to ?? [])];
}

export function toInboundMessage(email: ReceivedEmail, to: string): InboundMessage {
  const references = header(email.headers, 'references');
  const receivedAt = new Date(email.created_at);
  return {
    from: email.from,
    to,
    subject: email.subject ?? '',
    text: email.text,
    html: email.html,
    messageId: email.message_id || header(email.headers, 'message-id'),
    inReplyTo: header(email.headers, 'in-reply-to'),
    references: references ? [references] : [],
    receivedAt: Number.isNaN(receivedAt.getTime()) ? new Date() : receivedAt,
    providerMessageId: email.id,
  };
}
