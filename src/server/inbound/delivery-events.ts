import { and, eq, sql } from 'drizzle-orm';
import { type DeliveryStatus, emails } from '../../../db/schema';
import { recordAudit, SYSTEM } from '../audit';
import type { Transaction } from '../db';
import { canAdvanceDelivery } from '../mail/delivery-status';

/** Resend's delivery event types and the status each one means. */
export const deliveryEventStatus = {
  'email.sent': 'sent',
  'email.delivered': 'delivered',
  'email.delivery_delayed': 'delayed',
  'email.bounced': 'bounced',
  'email.complained': 'complained',
  'email.failed': 'failed',
} as const satisfies Record<string, DeliveryStatus>;
export type DeliveryEventType = keyof typeof deliveryEventStatus;

export function isDeliveryEventType(type: string): type is DeliveryEventType {
  return Object.hasOwn(deliveryEventStatus, type);
}

export type DeliveryEventOutcome =
  | { status: 'updated'; emailId: number; from: DeliveryStatus | null; to: DeliveryStatus }
  | { status: 'stale'; emailId: number; current: DeliveryStatus | null }
  | { status: 'unmatched' };

/**
 * Moves an outbound email's delivery status forward. Events arrive out of order, so the row is
 * locked, the move checked with `canAdvanceDelivery`, and a late one (sent after delivered) ignored.
 */
export async function applyDeliveryEvent(
  tx: Transaction,
  event: { providerMessageId: string; status: DeliveryStatus; error: string | null; at: Date },
): Promise<DeliveryEventOutcome> {
  const [email] = await tx
    .select({ id: emails.id, organizationId: emails.organizationId, deliveryStatus: emails.deliveryStatus })
    .from(emails)
    .where(and(eq(emails.providerMessageId, event.providerMessageId), eq(emails.direction, 'outbound')))
    .for('update')
    .limit(1);
  if (!email) return { status: 'unmatched' };
  if (!canAdvanceDelivery(email.deliveryStatus, event.status)) {
    return { status: 'stale', emailId: email.id, current: email.deliveryStatus };
  }
  const isProblem = event.status === 'bounced' || event.status === 'failed' || event.status === 'complained';
  const [updated] = await tx
    .update(emails)
    .set({
      deliveryStatus: event.status,
      deliveryError: isProblem ? (event.error ?? event.status) : sql`${emails.deliveryError}`,
      deliveryUpdatedAt: event.at,
    })
    .where(
      and(
        eq(emails.id, email.id),
        email.deliveryStatus === null
          ? sql`${emails.deliveryStatus} is null`
          : eq(emails.deliveryStatus, email.deliveryStatus),
      ),
    )
    .returning({ id: emails.id });
  if (!updated) return { status: 'stale', emailId: email.id, current: email.deliveryStatus };
  await recordAudit(tx, {
    organizationId: email.organizationId,
    actor: SYSTEM,
    action: 'email.delivery_updated',
    entityType: 'email',
    entityId: email.id,
    details: { from: email.deliveryStatus, to: event.status, error: isProblem ? event.error : null },
  });
  return { status: 'updated', emailId: email.id, from: email.deliveryStatus, to: event.status };
}
