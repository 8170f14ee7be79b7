/** What the editor does when the server's copy of the draft moves while the agent may be typing. */

export type ReconcileInput = {
  /** The draft as the server has it now. */
  serverBody: string;
  serverRevision: number;
  /** The revision the editor's text is based on. */
  baseRevision: number;
  /** The body the server last had from us (or we from it). */
  lastSaved: string;
  /** What is in the editor. */
  text: string;
};

export type Reconcile =
  /** Nothing new. */
  | { kind: 'keep' }
  /** Same body, new revision (an approval, a status change): keep typing on the new revision. */
  | { kind: 'rebase'; revision: number }
  /** No unsaved text: show the server's body. */
  | { kind: 'take'; body: string; revision: number }
  /** Unsaved text and a different body on the server: the agent chooses; nothing is overwritten. */
  | { kind: 'conflict'; theirs: string; revision: number };

export function reconcile(input: ReconcileInput): Reconcile {
  if (input.serverRevision === input.baseRevision) return { kind: 'keep' };
  if (input.serverBody === input.lastSaved) return { kind: 'rebase', revision: input.serverRevision };
  if (input.text === input.lastSaved)
    return { kind: 'take', body: input.serverBody, revision: input.serverRevision };
  if (input.text === input.serverBody) return { kind: 'rebase', revision: input.serverRevision };
  return { kind: 'conflict', theirs: input.serverBody, revision: input.serverRevision };
}
