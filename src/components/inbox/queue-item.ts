import type { RouterOutputs } from '@/trpc/react';

/** One row of the inbox queue, as drafts.list gives it. */
export type QueueItem = RouterOutputs['drafts']['list']['items'][number];

/** What the inbox may ask of the queue. */
export type QueueHandle = { scrollToIndex: (index: number) => void };

/** The id of a draft's row in the queue (focus moves to it by keyboard). */
export function rowId(draftId: number) {
  return `draft-row-${draftId}`;
}
