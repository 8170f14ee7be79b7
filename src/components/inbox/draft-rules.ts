import type { RouterOutputs } from '@/trpc/react';

/**
 * The draft types the inbox uses, taken from the router's outputs. What the viewer may do with a
 * draft comes from the server (`drafts.get` → `can`), never from a copy of the state machine here.
 */
export type Draft = RouterOutputs['drafts']['get'];
export type DraftCan = Draft['can'];
export type Role = RouterOutputs['me']['role'];
export type DraftStatus = Draft['status'];
export type ValidationStatus = Draft['validationStatus'];

/** Delivery states that will still change on their own: keep polling while the email is in one. */
export function isDeliveryInFlight(status: string | null | undefined) {
  return status === 'queued' || status === 'sent' || status === 'delayed';
}
