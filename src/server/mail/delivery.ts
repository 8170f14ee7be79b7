import { and, eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { type DeliveryStatus, emails } from '../../../db/schema';
import { type Actor as AuditActor, recordAudit, SYSTEM } from '../audit';
import { type Executor, type Transaction, withTransaction } from '../db';
import { cancelQueued, type DeliverEmailPayload, deliverEmailPayload, enqueue, queues } from '../queue';
import { getOrganizationSettings } from '../settings/queries';
import { canAdvanceDelivery } from './delivery-status';
import type { MailTransport } from './transport';

/** The `email.deliver` payload; its schema lives with the queue in `src/server/queue.ts`. */
export const deliverEmailData = deliverEmailPayload;
export type DeliverEmailData = DeliverEmailPayload;

/** Derived from the draft: every attempt at one send, and every retry of it, carries the same key. */
export const deliveryIdempotencyKey = (draftId: number) => `send/${draftId}`;

/** Attempts per send before the email is marked failed (the first try plus the queue's retries). */
export const DEFAULT_MAX_ATTEMPTS = queues.deliverEmail.retryLimit + 1;

/** 2 s, 4 s, 8 s … after the nth failed attempt. */
export const defaultBackoffSeconds = (attempt: number) => queues.deliverEmail.retryDelay * 2 ** (attempt - 1);

/**
 * Queues a delivery through the caller's transaction, so the job exists exactly when the change
 * that asked for it commits. Every attempt at one send carries the draft's idempotency key.
 */
export async function enqueueDelivery(
  tx: Transaction,
  params: { data: DeliverEmailData; startAfterSeconds: number; boss?: PgBoss },
): Promise<string> {
  return enqueue(tx, 'deliverEmail', params.data, {
    startAfterSeconds: params.startAfterSeconds,
    singletonKey: deliveryIdempotencyKey(params.data.draftId),
    boss: params.boss,
  });
}

/** Cancels the delivery jobs of a draft that no worker has picked up yet; returns their ids. */
export function cancelQueuedDeliveries(
  tx: Transaction,
  params: { draftId: number; boss?: PgBoss },
): Promise<string[]> {
  return cancelQueued(tx, 'deliverEmail', {
    singletonKey: deliveryIdempotencyKey(params.draftId),
    boss: params.boss,
  });
}

export type DeliveryOptions = {
  transport: MailTransport;
  maxAttempts?: number;
  backoffSeconds?: (attempt: number) => number;
  boss?: PgBoss;
  now?: () => Date;
};

export type DeliveryOutcome =
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'accepted'; status: DeliveryStatus; providerMessageId: string }
  | { outcome: 'retrying'; attempt: number; delaySeconds: number }
  | { outcome: 'failed'; message: string };

/** Moves the email's delivery status forward (never back) and writes the audit event, in one transaction. */
async function recordDeliveryStatus(
  db: Executor,
  params: {
    emailId: number;
    organizationId: string;
    status: DeliveryStatus;
    now: Date;
    providerMessageId?: string;
    error?: string | null;
    details: Record<string, unknown>;
    actor?: AuditActor;
  },
): Promise<boolean> {
  // The status and its audit event stand or fall together.
  return withTransaction(db, async (tx) => {
    const [email] = await tx
      .select({ deliveryStatus: emails.deliveryStatus, providerMessageId: emails.providerMessageId })
      .from(emails)
      .where(and(eq(emails.id, params.emailId), eq(emails.organizationId, params.organizationId)))
      .for('update');
    if (!email || !canAdvanceDelivery(email.deliveryStatus, params.status)) return false;
    await tx
      .update(emails)
      .set({
        deliveryStatus: params.status,
        deliveryUpdatedAt: params.now,
        deliveryError: params.error ?? null,
        providerMessageId: email.providerMessageId ?? params.providerMessageId ?? null,
      })
      .where(eq(emails.id, params.emailId));
    await recordAudit(tx, {
      organizationId: params.organizationId,
      actor: params.actor ?? SYSTEM,
      action: `email.delivery_${params.status}`,
      entityType: 'email',
      entityId: params.emailId,
      details: params.details,
    });
    return true;
  });
}

/**
 * One delivery attempt of one outbound email. The provider call happens with no transaction open;
 * transient failures (429, 5xx, no answer) queue the next attempt after the provider's Retry-After
 * or the backoff; a refusal or the last attempt marks the email failed (the draft stays sent).
 */
export async function deliverEmail(
  db: Executor,
  data: DeliverEmailData,
  options: DeliveryOptions,
): Promise<DeliveryOutcome> {
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  // Claiming the email (attempts + 1 while still queued) is what makes an undo impossible from here on.
  const [email] = await db
    .update(emails)
    .set({ deliveryAttempts: sql`${emails.deliveryAttempts} + 1`, deliveryUpdatedAt: now() })
    .where(
      and(
        eq(emails.id, data.emailId),
        eq(emails.organizationId, data.organizationId),
        eq(emails.direction, 'outbound'),
        eq(emails.deliveryStatus, 'queued'),
      ),
    )
    .returning();
  if (!email)
    return { outcome: 'skipped', reason: 'the email is not queued (cancelled, delivered or failed)' };

  const headers: Record<string, string> = { 'Message-ID': email.messageId };
  if (email.inReplyTo) headers['In-Reply-To'] = email.inReplyTo;
  if (email.references.length) headers.References = email.references.join(' ');
  const from = email.fromName ? `${email.fromName} <${email.fromAddress}>` : email.fromAddress;
  // The seeker's answer must reach Echo: it goes to the inbound address, not to the sender address.
  const { inboundAddress } = await getOrganizationSettings(db, email.organizationId);

  const result = await options.transport.send({
    organizationId: email.organizationId,
    emailId: email.id,
    from,
    to: email.toAddress,
    subject: email.subject,
    text: email.body,
    replyTo: inboundAddress ?? undefined,
    headers,
    idempotencyKey: deliveryIdempotencyKey(data.draftId),
  });

  const details = { draftId: data.draftId, attempt: data.attempt, transport: options.transport.name };
  if (result.outcome === 'accepted') {
    await recordDeliveryStatus(db, {
      emailId: email.id,
      organizationId: email.organizationId,
      status: result.status,
      now: now(),
      providerMessageId: result.providerMessageId,
      details: { ...details, providerMessageId: result.providerMessageId },
    });
    return { outcome: 'accepted', status: result.status, providerMessageId: result.providerMessageId };
  }

  if (result.outcome === 'retryable' && data.attempt < maxAttempts) {
    const delaySeconds =
      result.retryAfterSeconds ?? (options.backoffSeconds ?? defaultBackoffSeconds)(data.attempt);
    // The error shown on the email and the next attempt's job: both or neither.
    const queued = await withTransaction(db, async (tx) => {
      const [still] = await tx
        .update(emails)
        .set({ deliveryError: result.message, deliveryUpdatedAt: now() })
        .where(and(eq(emails.id, email.id), eq(emails.deliveryStatus, 'queued')))
        .returning({ id: emails.id });
      if (!still) return false;
      await enqueueDelivery(tx, {
        data: { ...data, attempt: data.attempt + 1 },
        startAfterSeconds: delaySeconds,
        boss: options.boss,
      });
      return true;
    });
    if (!queued) return { outcome: 'skipped', reason: 'the email left the queue while this attempt ran' };
    return { outcome: 'retrying', attempt: data.attempt + 1, delaySeconds };
  }

  await recordDeliveryStatus(db, {
    emailId: email.id,
    organizationId: email.organizationId,
    status: 'failed',
    now: now(),
    error: result.message,
    details: { ...details, error: result.message },
  });
  return { outcome: 'failed', message: result.message };
}
