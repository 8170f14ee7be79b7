import { z } from 'zod';
import { draftStatuses, presenceStates } from '../../../db/schema';
import { draftId } from '../drafts/schemas';

/** The NOTIFY channel the triggers of drizzle/0013_live_notify.sql write to. */
export const LIVE_CHANNEL = 'echo_events';

/** What a trigger announces (ids only); parsed, since anyone with a connection may NOTIFY. */
export const liveEventSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['draft.created', 'draft.updated']),
    organizationId: z.string().min(1),
    draftId: z.number().int().positive(),
    dealId: z.number().int().positive(),
    status: z.enum(draftStatuses),
  }),
  z.object({
    kind: z.literal('email.created'),
    organizationId: z.string().min(1),
    count: z.number().int().positive(),
  }),
  z.object({
    kind: z.literal('presence'),
    organizationId: z.string().min(1),
    draftId: z.number().int().positive(),
  }),
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;

/**
 * What a browser receives on /api/events: the organization's events without the organization,
 * plus `resync` after the listener reconnected (notifications sent meanwhile are lost: refetch all).
 */
export type StreamEvent =
  | Omit<Extract<LiveEvent, { kind: 'draft.created' | 'draft.updated' }>, 'organizationId'>
  | Omit<Extract<LiveEvent, { kind: 'email.created' }>, 'organizationId'>
  | Omit<Extract<LiveEvent, { kind: 'presence' }>, 'organizationId'>
  | { kind: 'resync' };

export const presenceInput = z.object({ id: draftId });
export const heartbeatInput = z.object({ id: draftId, state: z.enum(presenceStates) });
