import { eq } from 'drizzle-orm';
import { Webhook, WebhookVerificationError } from 'svix';
import { db as defaultDb } from '../../../db/client';
import { webhookEvents } from '../../../db/schema';
import type { Executor, Transaction } from '../db';
import { withTransaction } from '../db';
import { env } from '../env';
import { getBoss } from '../queue';
import { findOrganizationByInboundAddress } from '../settings/queries';
import { parseAddress } from './clean';
import { applyDeliveryEvent, deliveryEventStatus, isDeliveryEventType } from './delivery-events';
import {
  type FetchReceivedEmail,
  ReceivedEmailUnavailableError,
  receivingAddresses,
  resendReceiving,
  toInboundMessage,
} from './resend-receiving';
import { receiveInboundEmail } from './service';

/** What the route answers: an HTTP status and a small JSON body. */
export type WebhookResponse = { status: number; body: Record<string, unknown> };

/**
 * Resend event types we accept but do not act on: answered 200 so Resend does not retry them,
 * and nothing is written. Any other type we do not know is 422.
 */
const acknowledgedOnly = new Set(['email.scheduled', 'email.opened', 'email.clicked', 'email.suppressed']);
const acknowledgedPrefixes = ['contact.', 'domain.', 'suppression.', 'topic.', 'inbox.'];

type WebhookEvent = { type: string; created_at?: unknown; data: Record<string, unknown> };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function reply(status: number, body: Record<string, unknown>): WebhookResponse {
  return { status, body };
}

function eventTime(event: WebhookEvent) {
  const value = typeof event.data.created_at === 'string' ? event.data.created_at : event.created_at;
  const at = typeof value === 'string' ? new Date(value) : new Date();
  return Number.isNaN(at.getTime()) ? new Date() : at;
}

/** Records the delivery by its svix-id in the same transaction as its effect; false when it was already there. */
async function claimDelivery(tx: Transaction, svixId: string, event: WebhookEvent) {
  const [row] = await tx
    .insert(webhookEvents)
    .values({ svixId, type: event.type, payload: event })
    .onConflictDoNothing()
    .returning({ svixId: webhookEvents.svixId });
  return row !== undefined;
}

/**
 * One Resend webhook delivery: verified over the raw body with the svix scheme (a timestamp more
 * than 5 minutes off is refused), then processed at most once per svix-id.
 * Status codes: 401 bad or missing signature, 400 malformed JSON or event, 422 unknown event type,
 * 502 when Resend will not hand us a received email (Resend retries), 503 when no secret is set.
 */
export async function handleResendWebhook(request: {
  rawBody: string;
  headers: Headers;
  db?: Executor;
  secret?: string;
  fetchReceivedEmail?: FetchReceivedEmail;
}): Promise<WebhookResponse> {
  const input = {
    ...request,
    db: request.db ?? defaultDb,
    secret: request.secret ?? env.RESEND_WEBHOOK_SECRET,
    fetchReceivedEmail: request.fetchReceivedEmail ?? resendReceiving(),
  };
  if (!input.secret) return reply(503, { error: 'RESEND_WEBHOOK_SECRET is not configured' });

  const svixId = input.headers.get('svix-id');
  const svixTimestamp = input.headers.get('svix-timestamp');
  const svixSignature = input.headers.get('svix-signature');
  if (!svixId || !svixTimestamp || !svixSignature)
    return reply(401, { error: 'Missing svix signature headers' });
  try {
    new Webhook(input.secret).verify(input.rawBody, {
      'svix-id': svixId,
      'svix-timestamp': svixTimestamp,
      'svix-signature': svixSignature,
    });
  } catch (error) {
    if (error instanceof WebhookVerificationError)
      return reply(401, { error: `Invalid signature: ${error.message}` });
    // svix 1.x parses the body only once the signature checked out: a syntax error means signed but not JSON.
    if (error instanceof SyntaxError) return reply(400, { error: 'The body is not valid JSON' });
    throw error;
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(input.rawBody);
  } catch {
    return reply(400, { error: 'The body is not valid JSON' });
  }
  if (!isRecord(parsed) || typeof parsed.type !== 'string' || !isRecord(parsed.data)) {
    return reply(400, { error: 'The event needs a string `type` and an object `data`' });
  }
  const event: WebhookEvent = { type: parsed.type, created_at: parsed.created_at, data: parsed.data };

  const isReceived = event.type === 'email.received';
  if (!isReceived && !isDeliveryEventType(event.type)) {
    if (
      acknowledgedOnly.has(event.type) ||
      acknowledgedPrefixes.some((prefix) => event.type.startsWith(prefix))
    ) {
      return reply(200, { ok: true, status: 'ignored', type: event.type });
    }
    return reply(422, { error: `Unknown event type "${event.type}"` });
  }

  const emailId = event.data.email_id;
  if (typeof emailId !== 'string' || !emailId) return reply(400, { error: 'The event has no data.email_id' });

  const [seen] = await input.db
    .select({ svixId: webhookEvents.svixId })
    .from(webhookEvents)
    .where(eq(webhookEvents.svixId, svixId))
    .limit(1);
  if (seen) return reply(200, { ok: true, status: 'duplicate' });

  if (isDeliveryEventType(event.type)) {
    const status = deliveryEventStatus[event.type];
    const error = deliveryError(event.data);
    // One transaction: the svix-id is claimed exactly when the status change is written.
    return withTransaction(input.db, async (tx) => {
      if (!(await claimDelivery(tx, svixId, event))) return reply(200, { ok: true, status: 'duplicate' });
      const outcome = await applyDeliveryEvent(tx, {
        providerMessageId: emailId,
        status,
        error,
        at: eventTime(event),
      });
      return reply(200, { ok: true, ...outcome });
    });
  }

  // The full message comes from Resend's receiving API, before any transaction opens.
  let received: Awaited<ReturnType<FetchReceivedEmail>>;
  try {
    received = await input.fetchReceivedEmail(emailId);
  } catch (error) {
    if (error instanceof ReceivedEmailUnavailableError) return reply(502, { error: error.message });
    throw error;
  }
  let organizationId: string | null = null;
  let recipient: string | null = null;
  for (const candidate of receivingAddresses(received)) {
    const address = parseAddress(candidate)?.address;
    if (!address) continue;
    organizationId = await findOrganizationByInboundAddress(input.db, address);
    if (organizationId) {
      recipient = address;
      break;
    }
  }
  await getBoss();

  // One transaction: the svix-id is claimed exactly when the email, its deal and its draft job are written.
  return withTransaction(input.db, async (tx) => {
    if (!(await claimDelivery(tx, svixId, event))) return reply(200, { ok: true, status: 'duplicate' });
    if (!organizationId || !recipient) {
      console.warn(
        `[webhooks/resend] no organization receives mail at ${receivingAddresses(received).join(', ')}`,
      );
      return reply(200, { ok: true, status: 'unroutable' });
    }
    const result = await receiveInboundEmail(tx, {
      organizationId,
      message: toInboundMessage(received, recipient),
    });
    return reply(200, { ok: true, ...result });
  });
}

function deliveryError(data: Record<string, unknown>): string | null {
  const bounce = data.bounce;
  if (isRecord(bounce) && typeof bounce.message === 'string') return bounce.message;
  const failed = data.failed;
  if (isRecord(failed) && typeof failed.reason === 'string') return failed.reason;
  return null;
}
