import { eq } from 'drizzle-orm';
import { Webhook, WebhookVerificationError } from 'svix';
import { type UnroutedReason, webhookEvents } from '../../../db/schema';
import type { Executor, Transaction } from '../db';
import { db as defaultDb, withTransaction } from '../db';
import { env } from '../env';
import { ServiceError } from '../errors';
import { getBoss } from '../queue';
import { findOrganizationByInboundAddress } from '../settings/queries';
import { parseAddress, parseMessageIdList, toStorable } from './clean';
import { applyDeliveryEvent, deliveryEventStatus, isDeliveryEventType } from './delivery-events';
import { findOrganizationByOurMessageIds } from './queries';
import {
  type FetchReceivedEmail,
  ReceivedEmailUnavailableError,
  receivingAddresses,
  resendReceiving,
  toInboundMessage,
} from './resend-receiving';
import { holdUnroutedEmail, type InboundMessage, receiveInboundEmail } from './service';

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
    .values({ svixId, type: toStorable(event.type), payload: toStorable(event) })
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
  const recipients = receivingAddresses(received);
  const message = toInboundMessage(received, '');
  const route = await routeReceivedEmail(input.db, message, recipients);
  await getBoss();

  // One transaction: the svix-id is claimed exactly when the email, its deal and its draft job are written
  // (or the email is held).
  return withTransaction(input.db, async (tx) => {
    if (!(await claimDelivery(tx, svixId, event))) return reply(200, { ok: true, status: 'duplicate' });
    if (route.kind === 'held') {
      const heldId = await holdUnroutedEmail(tx, {
        reason: route.reason,
        message,
        recipients,
        svixId,
        payload: received,
      });
      console.warn(
        `[webhooks/resend] held email ${heldId} (${route.reason}) sent to ${recipients.join(', ') || 'no address'}`,
      );
      return reply(200, { ok: true, status: 'held', reason: route.reason, heldId });
    }
    const result = await receiveInboundEmail(tx, {
      organizationId: route.organizationId,
      message: { ...message, to: route.recipient },
    });
    return reply(200, { ok: true, routedBy: route.kind, ...result });
  }).catch((error: unknown) => {
    // A rule of ours refused the content (never a 5xx for what an email contains); nothing was written.
    if (error instanceof ServiceError) {
      return reply(error.code === 'CONFLICT' ? 409 : 422, { error: error.message });
    }
    throw error;
  });
}

type Route =
  | { kind: 'address' | 'thread'; organizationId: string; recipient: string }
  | { kind: 'held'; reason: UnroutedReason };

/**
 * Which organization takes a received email: the one whose inbound address it was sent to, else
 * the one whose sent message it answers (In-Reply-To / References name our Message-ID), whatever
 * address it went to. A sender that is not an address, or no organization at all: held.
 */
async function routeReceivedEmail(
  db: Executor,
  message: InboundMessage,
  recipients: string[],
): Promise<Route> {
  if (!parseAddress(message.from)) return { kind: 'held', reason: 'unreadable_sender' };
  const addresses = recipients.flatMap((candidate) => parseAddress(candidate)?.address ?? []);
  for (const address of addresses) {
    const organizationId = await findOrganizationByInboundAddress(db, address);
    if (organizationId) return { kind: 'address', organizationId, recipient: address };
  }
  const threadIds = [
    ...(message.inReplyTo ? [message.inReplyTo] : []),
    ...(message.references ?? []).flatMap((value) => parseMessageIdList(value)),
  ];
  const organizationId = await findOrganizationByOurMessageIds(db, threadIds);
  if (organizationId) {
    return { kind: 'thread', organizationId, recipient: addresses[0] ?? recipients[0] ?? '(unknown)' };
  }
  return { kind: 'held', reason: 'no_organization' };
}

function deliveryError(data: Record<string, unknown>): string | null {
  const bounce = data.bounce;
  if (isRecord(bounce) && typeof bounce.message === 'string') return bounce.message;
  const failed = data.failed;
  if (isRecord(failed) && typeof failed.reason === 'string') return failed.reason;
  return null;
}
