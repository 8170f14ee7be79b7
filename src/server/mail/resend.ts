import { Resend } from 'resend';
import { DELIVERY_ATTEMPT_TIMEOUT_MS } from '../queue';
import type { DeliveryAttempt, MailTransport, OutgoingEmail } from './types';

/** Seconds from a Retry-After header (seconds or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = new Date()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, (at - now.getTime()) / 1000);
}

/**
 * Sends through the Resend SDK. The SDK never throws for HTTP failures: it returns `{ error }`
 * with the status code from the body (null when the request never got an answer).
 */
export function resendTransport(options: {
  apiKey: string;
  baseUrl?: string;
  timeoutMs?: number;
}): MailTransport {
  const client = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return {
    name: 'resend',
    async send(email: OutgoingEmail): Promise<DeliveryAttempt> {
      const { data, error, headers } = await client.emails.send(
        {
          from: email.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          headers: email.headers,
          ...(email.replyTo ? { replyTo: email.replyTo } : {}),
        },
        // The SDK sets no timeout of its own; a hung request would hold a worker slot for good. The
        // `email.deliver` job expiry is derived from this timeout (see src/server/queue.ts).
        {
          idempotencyKey: email.idempotencyKey,
          signal: AbortSignal.timeout(options.timeoutMs ?? DELIVERY_ATTEMPT_TIMEOUT_MS),
        },
      );
      if (data) return { outcome: 'accepted', providerMessageId: data.id, status: 'sent' };
      const statusCode = error?.statusCode ?? null;
      const message = `Resend${statusCode ? ` ${statusCode}` : ''}: ${error?.message ?? 'no answer'}`;
      // 409 `concurrent_idempotent_requests`: the same key is still in flight at Resend; ask again later.
      const isConcurrent = statusCode === 409 && error?.name === 'concurrent_idempotent_requests';
      if (statusCode === null || statusCode === 429 || statusCode >= 500 || isConcurrent) {
        return {
          outcome: 'retryable',
          message,
          retryAfterSeconds: parseRetryAfter(headers?.['retry-after']),
        };
      }
      return { outcome: 'rejected', message };
    },
  };
}
