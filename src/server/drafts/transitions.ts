import type { DraftStatus } from '../../../db/schema';
import { InvalidTransitionError } from '../errors';

/**
 * The draft state machine, in one place:
 *
 *   pending ──approve──> approved ──send──> sent ──undoSend──> approved
 *      ^                    │
 *      └──edit/regenerate/switchVersion──┘
 *   any status ──archive──> archived ──restore──> (status before archiving)
 *   pending ──requestOverride──> pending (flagged for a manager until approved or a new version)
 *
 * Editing an approved draft sends it back to pending: approval is for the exact content approved.
 */
export const draftTransitions = {
  edit: { from: ['pending', 'approved'], to: 'pending', verb: 'edit' },
  regenerate: { from: ['pending', 'approved'], to: 'pending', verb: 'regenerate' },
  switchVersion: { from: ['pending', 'approved'], to: 'pending', verb: 'switch the version of' },
  approve: { from: ['pending'], to: 'approved', verb: 'approve' },
  send: { from: ['approved'], to: 'sent', verb: 'send' },
  undoSend: { from: ['sent'], to: 'approved', verb: 'undo the send of' },
  retryDelivery: { from: ['sent'], to: 'sent', verb: 'retry the delivery of' },
  archive: { from: ['pending', 'approved', 'sent'], to: 'archived', verb: 'archive' },
  restore: { from: ['archived'], to: 'statusBeforeArchive', verb: 'restore' },
  /** An agent's "Ask a manager": only a draft still waiting for approval can be overridden. */
  requestOverride: { from: ['pending'], to: 'pending', verb: 'ask a manager about' },
} as const satisfies Record<
  string,
  { from: readonly DraftStatus[]; to: DraftStatus | 'statusBeforeArchive'; verb: string }
>;

export type DraftAction = keyof typeof draftTransitions;

export function allowedFrom(action: DraftAction): DraftStatus[] {
  return [...draftTransitions[action].from];
}

export function canTransition(action: DraftAction, current: DraftStatus): boolean {
  return (draftTransitions[action].from as readonly DraftStatus[]).includes(current);
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'An' : 'A');

/** What to tell someone who asked for the wrong thing: where the draft is and what it allows. */
export function describeRefusal(action: DraftAction, current: DraftStatus): string {
  const possible = (Object.keys(draftTransitions) as DraftAction[]).filter((other) =>
    canTransition(other, current),
  );
  const from = draftTransitions[action].from.join(' or ');
  return (
    `Cannot ${draftTransitions[action].verb} a draft that is ${current}: only a ${from} draft allows it.` +
    (possible.length ? ` ${article(current)} ${current} draft allows: ${possible.join(', ')}.` : '')
  );
}

export function assertTransition(action: DraftAction, current: DraftStatus): void {
  if (!canTransition(action, current)) throw new InvalidTransitionError(describeRefusal(action, current));
}
