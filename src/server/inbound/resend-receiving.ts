import { type GetReceivingEmailResponseSuccess, Resend } from 'resend';
import { env } from '../env';
import { needsRepair, normalizeMessageId, parseMessageIdList, toStorable } from './clean';
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

/**
 * One header's text. Resend types headers as strings, but a header given twice arrives as an
 * array (seen with In-Reply-To): its values are joined, and anything else that is not text is absent.
 */
function header(headers: unknown, name: string): string | null {
  if (typeof headers !== 'object' || headers === null) return null;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  const value: unknown = key ? (headers as Record<string, unknown>)[key] : null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((item) => typeof item === 'string').join(' ') || null;
  return null;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? toStorable(value) : null);
const texts = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((item) => typeof item === 'string').map((item) => toStorable(item))
    : [];

/** Every address the email was delivered to, most specific first. */
export function receivingAddresses(email: Pick<ReceivedEmail, 'received_for' | 'to'>): string[] {
  return [...texts(email.received_for), ...texts(email.to)];
}

/** The first Message-ID in a header's text (In-Reply-To names one; some clients put more). */
function firstMessageId(value: string | null) {
  return parseMessageIdList(value)[0] ?? normalizeMessageId(value);
}

/**
 * The received email as our receive service takes it, read defensively: values of the wrong type
 * are absent, NUL and lone surrogates are removed (`repairs` names the fields that needed it).
 */
export function toInboundMessage(email: ReceivedEmail, to: string): InboundMessage {
  const raw = email as unknown as Record<string, unknown>;
  const repairs = ['from', 'subject', 'text', 'html'].filter((field) => {
    const value = raw[field];
    return typeof value === 'string' && needsRepair(value);
  });
  const references = header(raw.headers, 'references');
  const createdAt = typeof raw.created_at === 'string' ? new Date(raw.created_at) : new Date(Number.NaN);
  const messageId = text(raw.message_id) || text(header(raw.headers, 'message-id'));
  return {
    from: text(raw.from) ?? '',
    to,
    subject: text(raw.subject) ?? '',
    text: text(raw.text),
    html: text(raw.html),
    messageId: normalizeMessageId(messageId),
    inReplyTo: firstMessageId(text(header(raw.headers, 'in-reply-to'))),
    references: references ? [toStorable(references)] : [],
    receivedAt: Number.isNaN(createdAt.getTime()) ? new Date() : createdAt,
    providerMessageId: text(raw.id),
    repairs,
  };
}
