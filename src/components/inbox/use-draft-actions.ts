'use client';

import { useRef, useState } from 'react';
import { toast } from '@/components/ui/toast';
import { api } from '@/trpc/react';
import type { EditorHandle } from './body-editor';
import type { Draft } from './draft-rules';
import { describeError } from './errors';

/**
 * A draft's mutations in one place (the shape of antiwork/helper's conversationContext): every
 * action goes through `run`, which toasts a refusal in words and refreshes the draft and the
 * list, so the pane only renders.
 */
export function useDraftActions({
  draft,
  editor,
  onSent,
  onUndo,
  onDone,
}: {
  draft: Draft;
  editor: React.RefObject<EditorHandle | null>;
  onSent: (draftId: number, undoUntil: Date) => void;
  onUndo: (draftId: number) => void;
  /** The draft is dealt with (sent, archived): the inbox moves on to the next one. */
  onDone: (draftId: number) => void;
}) {
  const utils = api.useUtils();
  const [archiveOpen, setArchiveOpen] = useState(false);
  const [overrideOpen, setOverrideOpen] = useState(false);
  const [confirmSendOpen, setConfirmSendOpen] = useState(false);
  const [askOpen, setAskOpen] = useState(false);
  const invalidate = () =>
    Promise.all([utils.drafts.get.invalidate({ id: draft.id }), utils.drafts.list.invalidate()]);

  const regenerate = api.drafts.regenerate.useMutation();
  const switchVersion = api.drafts.switchVersion.useMutation();
  const approve = api.drafts.approve.useMutation({
    // The agent sees "Approved" at once; a refusal puts the draft back and says why.
    onMutate: async () => {
      await utils.drafts.get.cancel({ id: draft.id });
      const previous = utils.drafts.get.getData({ id: draft.id });
      utils.drafts.get.setData({ id: draft.id }, (old) => (old ? { ...old, status: 'approved' } : old));
      return { previous };
    },
    onError: (error, _input, context) => {
      if (context?.previous) utils.drafts.get.setData({ id: draft.id }, context.previous);
      toast.error(`Not approved: ${describeError(error)}`);
    },
    onSuccess: () => toast.success('Approved. Press s to send.'),
    onSettled: () => invalidate(),
  });
  const send = api.drafts.send.useMutation();
  const archive = api.drafts.archive.useMutation();
  const restore = api.drafts.restore.useMutation();
  const retryDelivery = api.drafts.retryDelivery.useMutation();
  const assign = api.drafts.assign.useMutation();
  const requestOverride = api.drafts.requestOverride.useMutation();

  /** The one try/toast/refresh: `label` completes "Not …" when the server refuses. */
  async function run<T>(label: string, action: () => Promise<T>): Promise<T | undefined> {
    try {
      return await action();
    } catch (error) {
      toast.error(`Not ${label}: ${describeError(error)}`);
      return undefined;
    } finally {
      await invalidate();
    }
  }

  /**
   * The actions of this draft, one after another: a quick "a" then "s" sends once the approval
   * (and the refetch that brings the server's new `can`) is done, instead of being refused for a
   * status the server has not reported yet. A queued action reads the draft as the last one left it.
   */
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.current.then(work, work);
    queue.current = next.catch(() => undefined);
    return next;
  }
  const latest = () => utils.drafts.get.getData({ id: draft.id }) ?? draft;
  /** The revision the server last answered with, in case the refetch after it has not landed. */
  const answeredRevision = useRef(0);

  /** The revision to act on: after saving pending edits. */
  async function currentRevision(): Promise<number | null> {
    const flushed = editor.current
      ? await editor.current.flush()
      : { saved: false, revision: latest().revision };
    if (flushed === null) {
      toast.error('Save or resolve your edits first.');
      return null;
    }
    if (flushed.saved) return flushed.revision;
    return Math.max(latest().revision, answeredRevision.current, flushed.revision);
  }

  const requestApprove = (override?: string) =>
    enqueue(async () => {
      const permission = latest().can.approve;
      if (!permission.allowed) {
        toast.error(permission.reason ?? 'This draft cannot be approved now.');
        return;
      }
      if (permission.needsOverride && !override) {
        setOverrideOpen(true);
        return;
      }
      const revision = await currentRevision();
      if (revision === null) return;
      setOverrideOpen(false);
      // A refusal is toasted by the mutation's onError; the queue moves on either way.
      const approved = await approve
        .mutateAsync({ id: draft.id, revision, override: override ? { reason: override } : undefined })
        .catch(() => null);
      if (approved) answeredRevision.current = Math.max(answeredRevision.current, approved.revision);
    });

  async function sendNow() {
    const revision = await currentRevision();
    if (revision === null) return;
    await run('sent', async () => {
      await send.mutateAsync({ id: draft.id, revision });
      const windowMs = draft.undoWindowSeconds * 1000;
      onSent(draft.id, new Date(Date.now() + windowMs));
      toast.success(`Sent to ${draft.inbound.fromAddress}`, {
        description: `Delivery starts in ${draft.undoWindowSeconds} seconds.`,
        duration: windowMs,
        action: { label: 'Undo', onClick: () => onUndo(draft.id) },
      });
      onDone(draft.id);
    });
  }

  /** From the confirmation dialog: the agent has read the warnings. */
  const doSend = () => {
    setConfirmSendOpen(false);
    return enqueue(sendNow);
  };

  const requestSend = () =>
    enqueue(async () => {
      const permission = latest().can.send;
      if (!permission.allowed) {
        toast.error(permission.reason ?? 'This draft cannot be sent now.');
        return;
      }
      if (permission.needsConfirm) setConfirmSendOpen(true);
      else await sendNow();
    });

  const doRestore = () =>
    run('restored', async () => {
      const restored = await restore.mutateAsync({ id: draft.id });
      toast.success(`Restored to ${restored.status}`);
    });

  const doArchive = (reason: string) =>
    enqueue(() =>
      run('archived', async () => {
        await archive.mutateAsync({ id: draft.id, reason: reason || null });
        setArchiveOpen(false);
        toast.success('Archived', {
          description: reason ? `Reason: ${reason}` : undefined,
          action: { label: 'Restore', onClick: () => void doRestore() },
        });
        onDone(draft.id);
      }),
    );

  const doRegenerate = (instruction: string) => enqueue(() => regenerateNow(instruction));
  async function regenerateNow(instruction: string) {
    const revision = await currentRevision();
    if (revision === null) return false;
    const done = await run('regenerated', async () => {
      const result = await regenerate.mutateAsync({
        id: draft.id,
        revision,
        instruction: instruction || null,
      });
      toast.success(result.version ? `v${result.version.version} is ready` : 'A new version is ready', {
        description: instruction ? `“${instruction}”` : undefined,
      });
      return true;
    });
    return done === true;
  }

  const doSwitch = (version: number) =>
    enqueue(async () => {
      const revision = await currentRevision();
      if (revision === null) return;
      await run('switched', async () => {
        await switchVersion.mutateAsync({ id: draft.id, version, revision });
        toast.success(`Switched to v${version}`);
      });
    });

  const doRetryDelivery = () =>
    run('queued', async () => {
      await retryDelivery.mutateAsync({ id: draft.id });
      toast.success('Delivery queued again');
    });

  const doAssign = (userId: string | null, name: string) =>
    run('assigned', async () => {
      await assign.mutateAsync({ ids: [draft.id], userId });
      // Every draft of the deal changed hands, and the board's card with them.
      await Promise.all([utils.drafts.get.invalidate(), utils.deals.invalidate()]);
      toast.success(userId ? `Assigned to ${name}` : 'Unassigned', {
        description: `Every draft on ${draft.deal.companyName} follows its owner.`,
      });
    });

  const doRequestOverride = (note: string) =>
    run('sent to a manager', async () => {
      await requestOverride.mutateAsync({ id: draft.id, note });
      setAskOpen(false);
      toast.success('A manager has been asked', { description: 'The draft is in their Attention view.' });
    });

  return {
    run,
    doAssign,
    doRequestOverride,
    requestApprove,
    requestSend,
    doSend,
    doArchive,
    doRestore,
    doRegenerate,
    doSwitch,
    doRetryDelivery,
    dialogs: {
      archiveOpen,
      setArchiveOpen,
      overrideOpen,
      setOverrideOpen,
      confirmSendOpen,
      setConfirmSendOpen,
      askOpen,
      setAskOpen,
    },
    pending: {
      approve: approve.isPending,
      send: send.isPending,
      archive: archive.isPending,
      restore: restore.isPending,
      regenerate: regenerate.isPending,
      assign: assign.isPending,
      requestOverride: requestOverride.isPending,
      switchingTo: switchVersion.isPending ? (switchVersion.variables?.version ?? null) : null,
    },
  };
}

export type DraftActions = ReturnType<typeof useDraftActions>;
