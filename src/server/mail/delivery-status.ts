import type { DeliveryStatus } from '../../../db/schema';

/**
 * How far delivery got. Provider events arrive out of order, so a status only ever moves forward:
 * a late `sent` after `delivered` changes nothing. Final outcomes share the top rank.
 */
const progress: Record<DeliveryStatus, number> = {
  queued: 0,
  sent: 1,
  delayed: 2,
  delivered: 3,
  bounced: 4,
  complained: 4,
  failed: 4,
  cancelled: 4,
};

/** True when `next` is news after `current`. A failed delivery may be queued again (retry). */
export function canAdvanceDelivery(current: DeliveryStatus | null, next: DeliveryStatus): boolean {
  if (current === null) return true;
  if (current === 'failed' && next === 'queued') return true;
  return progress[next] > progress[current];
}
