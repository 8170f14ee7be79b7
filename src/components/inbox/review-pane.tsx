'use client';

import { Archive, ArchiveRestore, Check, ChevronRight, Mail, RefreshCw, RotateCw, Send } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import { toast } from 'sonner';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Collapsible, CollapsibleContent, CollapsibleTrigger } from '@/components/ui/collapsible';
import { Skeleton } from '@/components/ui/skeleton';
import { api, type RouterOutputs } from '@/trpc/react';
import { ArchiveDialog, OverrideDialog, SendConfirmDialog } from './action-dialogs';
import { BodyEditor, type EditorHandle } from './body-editor';
import {
  canApprove,
  canArchive,
  canEdit,
  canRegenerate,
  canRestore,
  canSend,
  isDeliveryInFlight,
  type Role,
} from './draft-rules';
import { describeError, errorCodeOf } from './errors';
import { EvidencePanel } from './evidence-panel';
import { RecordsChangedNotice } from './records-changed-notice';
import { RegenerateForm, type RegenerateHandle } from './regenerate-form';
import { SlaBadge } from './sla-badge';
import { ConfidenceBadge, DeliveryBadge, StatusBadge, ValidationBadge } from './status-badges';
import { VersionDiff, VersionsPanel } from './versions-panel';

type Draft = RouterOutputs['drafts']['get'];
type Email = Draft['thread'][number];

export type PaneCommands = {
  edit: () => void;
  regenerate: () => void;
  approve: () => void;
  send: () => void;
  archive: () => void;
};

const dateFormat = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

function EmailCard({ email, tone = 'default' }: { email: Email; tone?: 'default' | 'quiet' }) {
  return (
    <article
      aria-label={`${email.direction === 'inbound' ? 'From' : 'Sent by'} ${email.fromName ?? email.fromAddress}, ${dateFormat.format(email.sentAt)}`}
      className={
        tone === 'quiet'
          ? 'grid gap-2 border-l-2 pl-4'
          : 'grid gap-3 rounded-xl border bg-background p-5 shadow-xs'
      }
    >
      <header className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm">
        <span className="font-medium">{email.fromName ?? email.fromAddress}</span>
        <span className="text-xs text-muted-foreground">{email.fromAddress}</span>
        <time className="ml-auto text-xs text-muted-foreground" dateTime={email.sentAt.toISOString()}>
          {dateFormat.format(email.sentAt)}
        </time>
      </header>
      {tone === 'default' ? <p className="text-sm font-medium">{email.subject}</p> : null}
      <div className="text-sm leading-relaxed break-words whitespace-pre-wrap text-foreground/90">
        {email.body}
      </div>
    </article>
  );
}

function PaneSkeleton() {
  return (
    <div className="grid gap-6 p-8" role="status" aria-busy="true" aria-label="Loading the draft">
      <Skeleton className="h-6 w-64" />
      <Skeleton className="h-4 w-96" />
      <Skeleton className="h-40 w-full max-w-3xl" />
      <Skeleton className="h-64 w-full max-w-3xl" />
    </div>
  );
}

export function ReviewPane({
  draftId,
  viewer,
  commandsRef,
  onSent,
  onUndo,
  now,
}: {
  draftId: number;
  viewer: { userId: string; role: Role };
  commandsRef: React.RefObject<PaneCommands | null>;
  onSent: (draftId: number, undoUntil: Date) => void;
  onUndo: (draftId: number) => void;
  now: Date;
}) {
  const utils = api.useUtils();
  const query = api.drafts.get.useQuery(
    { id: draftId },
    {
      refetchInterval: (current) =>
        isDeliveryInFlight(current.state.data?.sentEmail?.deliveryStatus) ? 2_000 : 10_000,
    },
  );
  if (query.isPending) return <PaneSkeleton />;
  if (query.isError) {
    const isMissing = errorCodeOf(query.error) === 'NOT_FOUND';
    return (
      <div role="alert" className="grid max-w-md gap-3 p-10 text-sm">
        <p className="font-medium">
          {isMissing
            ? 'This draft does not exist, or is not in your organization.'
            : 'The draft could not be loaded.'}
        </p>
        <p className="text-muted-foreground">{query.error.message}</p>
        {isMissing ? null : (
          <Button variant="outline" size="sm" className="w-fit" onClick={() => query.refetch()}>
            <RefreshCw />
            Try again
          </Button>
        )}
      </div>
    );
  }
  return (
    <LoadedPane
      key={draftId}
      draft={query.data}
      viewer={viewer}
      commandsRef={commandsRef}
      onSent={onSent}
      onUndo={onUndo}
      now={now}
      invalidate={() =>
        Promise.all([utils.drafts.get.invalidate({ id: draftId }), utils.drafts.list.invalidate()])
      }
    />
  );
}

function LoadedPane({
  draft,
  viewer,
  commandsRef,
  onSent,
  onUndo,
  now,
  invalidate,
}: {
  draft: Draft;
  viewer: { userId: string; role: Role };
  commandsRef: React.RefObject<PaneCommands | null>;
  onSent: (draftId: number, undoUntil: Date) => void;
  onUndo: (draftId: number) => void;
  now: Date;
  invalidate: () => Promise<unknown>;
}) {
  const utils = api.useUtils();
  const reasonId = useId();
  const editor = useRef<EditorHandle>(null);
  const regenerateForm = useRef<RegenerateHandle>(null);
  const [comparing, setComparing] = useState<number | null>(null);
  const [archiveOpen, setArchiveOpen] = useState(false);
  const [overrideOpen, setOverrideOpen] = useState(false);
  const [confirmSendOpen, setConfirmSendOpen] = useState(false);
  const [workingBody, setWorkingBody] = useState(draft.body);
  useEffect(() => setWorkingBody(draft.body), [draft.body]);

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

  const role = viewer.role;
  const state = { status: draft.status, validationStatus: draft.validationStatus };
  const editPermission = canEdit(state);
  const approvePermission = canApprove(state, role);
  const sendPermission = canSend(state);
  const recipient = draft.inbound.fromName
    ? `${draft.inbound.fromName} <${draft.inbound.fromAddress}>`
    : draft.inbound.fromAddress;

  /** A pending approval, so a quick "a" then "s" sends what was approved, with its revision. */
  const approving = useRef<Promise<number | null> | null>(null);

  /** The revision to act on: after saving pending edits and letting an approval finish. */
  async function currentRevision(): Promise<number | null> {
    const approved = approving.current ? await approving.current : null;
    const flushed = editor.current
      ? await editor.current.flush()
      : { saved: false, revision: draft.revision };
    if (flushed === null) {
      toast.error('Save or resolve your edits first.');
      return null;
    }
    if (flushed.saved) return flushed.revision;
    const cached = utils.drafts.get.getData({ id: draft.id })?.revision ?? draft.revision;
    return Math.max(cached, approved ?? 0, flushed.revision);
  }

  async function requestApprove(override?: string) {
    if (!approvePermission.allowed) {
      toast.error(approvePermission.reason ?? 'This draft cannot be approved now.');
      return;
    }
    if (approvePermission.needsOverride && !override) {
      setOverrideOpen(true);
      return;
    }
    const revision = await currentRevision();
    if (revision === null) return;
    setOverrideOpen(false);
    const pending = approve
      .mutateAsync({ id: draft.id, revision, override: override ? { reason: override } : undefined })
      .then((approved) => approved.revision)
      .catch(() => null);
    approving.current = pending;
    await pending;
    if (approving.current === pending) approving.current = null;
  }

  async function doSend() {
    setConfirmSendOpen(false);
    if (approving.current) await approving.current;
    const latest = utils.drafts.get.getData({ id: draft.id });
    if (latest && latest.status !== 'approved') {
      toast.error('Not sent: the draft is not approved.');
      return;
    }
    const revision = await currentRevision();
    if (revision === null) return;
    try {
      const result = await send.mutateAsync({ id: draft.id, revision });
      const windowMs = draft.undoWindowSeconds * 1000;
      const undoUntil = new Date(Date.now() + windowMs);
      onSent(draft.id, undoUntil);
      toast.success(`Sent to ${draft.inbound.fromAddress}`, {
        description: `Delivery starts in ${draft.undoWindowSeconds} seconds.`,
        duration: windowMs,
        action: { label: 'Undo', onClick: () => onUndo(draft.id) },
      });
      void result;
    } catch (error) {
      toast.error(`Not sent: ${describeError(error)}`);
    } finally {
      await invalidate();
    }
  }

  function requestSend() {
    if (approving.current) {
      if (draft.validationStatus === 'passed') void doSend();
      else setConfirmSendOpen(true);
      return;
    }
    if (!sendPermission.allowed) {
      toast.error(sendPermission.reason ?? 'This draft cannot be sent now.');
      return;
    }
    if (sendPermission.needsConfirm) setConfirmSendOpen(true);
    else void doSend();
  }

  async function doArchive(reason: string) {
    try {
      await archive.mutateAsync({ id: draft.id, reason: reason || null });
      setArchiveOpen(false);
      toast.success('Archived', {
        description: reason ? `Reason: ${reason}` : undefined,
        action: { label: 'Restore', onClick: () => void doRestore() },
      });
    } catch (error) {
      toast.error(`Not archived: ${describeError(error)}`);
    } finally {
      await invalidate();
    }
  }

  async function doRestore() {
    try {
      const restored = await restore.mutateAsync({ id: draft.id });
      toast.success(`Restored to ${restored.status}`);
    } catch (error) {
      toast.error(`Not restored: ${describeError(error)}`);
    } finally {
      await invalidate();
    }
  }

  async function doRegenerate(instruction: string) {
    const revision = await currentRevision();
    if (revision === null) return false;
    try {
      const result = await regenerate.mutateAsync({
        id: draft.id,
        revision,
        instruction: instruction || null,
      });
      toast.success(result.version ? `v${result.version.version} is ready` : 'A new version is ready', {
        description: instruction ? `“${instruction}”` : undefined,
      });
      return true;
    } catch (error) {
      toast.error(`Not regenerated: ${describeError(error)}`);
      return false;
    } finally {
      await invalidate();
    }
  }

  async function doSwitch(version: number) {
    const revision = await currentRevision();
    if (revision === null) return;
    try {
      await switchVersion.mutateAsync({ id: draft.id, version, revision });
      toast.success(`Switched to v${version}`);
    } catch (error) {
      toast.error(`Not switched: ${describeError(error)}`);
    } finally {
      await invalidate();
    }
  }

  async function doRetryDelivery() {
    try {
      await retryDelivery.mutateAsync({ id: draft.id });
      toast.success('Delivery queued again');
    } catch (error) {
      toast.error(`Not queued: ${describeError(error)}`);
    } finally {
      await invalidate();
    }
  }

  useEffect(() => {
    commandsRef.current = {
      edit: () => editor.current?.focus(),
      regenerate: () => regenerateForm.current?.focus(),
      approve: () => void requestApprove(),
      send: requestSend,
      archive: () => (canArchive(state).allowed ? setArchiveOpen(true) : toast.error('Already archived.')),
    };
    return () => {
      commandsRef.current = null;
    };
  });

  const earlier = draft.thread.filter(
    (email) => email.id !== draft.inbound.id && email.sentAt <= draft.inbound.sentAt,
  );
  const comparedVersion =
    comparing === null ? null : draft.versions.find((version) => version.version === comparing);
  const blockedReason =
    draft.status === 'pending' && !approvePermission.allowed
      ? approvePermission.reason
      : draft.status === 'archived'
        ? `Archived${draft.archiveReason ? `: “${draft.archiveReason}”` : ''}. Restore it to work on it.`
        : null;
  const delivery = draft.sentEmail?.deliveryStatus ?? null;
  const undoEndsAt =
    draft.status === 'sent' && draft.sentAt ? draft.sentAt.getTime() + draft.undoWindowSeconds * 1000 : 0;
  const [canUndo, setCanUndo] = useState(() => undoEndsAt > Date.now());
  useEffect(() => {
    const left = undoEndsAt - Date.now();
    setCanUndo(left > 0);
    if (left <= 0) return;
    const timer = setTimeout(() => setCanUndo(false), left);
    return () => clearTimeout(timer);
  }, [undoEndsAt]);

  return (
    <section
      aria-label={`Review: ${draft.deal.companyName}`}
      className="flex min-h-0 min-w-0 flex-1 flex-col"
    >
      <header className="grid gap-3 border-b px-8 pt-5 pb-4">
        <div className="flex items-start gap-4">
          <div className="grid min-w-0 gap-1">
            <h2 className="flex items-center gap-1.5 text-xl font-semibold tracking-tight">
              <span className="truncate">{draft.deal.companyName}</span>
              <Link
                href={`/deals/${draft.dealId}`}
                className="rounded-sm text-muted-foreground hover:text-foreground"
                aria-label={`Open the ${draft.deal.companyName} deal`}
              >
                <ChevronRight className="size-4" aria-hidden />
              </Link>
            </h2>
            <p className="truncate text-sm text-muted-foreground">
              {draft.deal.seekerName} · team of {draft.deal.teamSize} · budget $
              {draft.deal.monthlyBudget.toLocaleString('en-US')}/mo ·{' '}
              <span className="capitalize">{draft.deal.stage}</span>
            </p>
          </div>
          <div className="ml-auto flex shrink-0 items-center gap-2">
            {draft.status === 'archived' ? (
              <Button
                onClick={() => void doRestore()}
                disabled={restore.isPending || !canRestore(state).allowed}
              >
                <ArchiveRestore />
                Restore
              </Button>
            ) : (
              <>
                <Button variant="outline" onClick={() => setArchiveOpen(true)} aria-keyshortcuts="#">
                  <Archive />
                  Archive
                </Button>
                {draft.status === 'sent' ? null : (
                  <>
                    <Button
                      variant={draft.status === 'pending' ? 'default' : 'outline'}
                      onClick={() => void requestApprove()}
                      disabled={!approvePermission.allowed || approve.isPending}
                      aria-describedby={blockedReason ? reasonId : undefined}
                      aria-keyshortcuts="a"
                    >
                      <Check />
                      Approve
                    </Button>
                    <Button
                      variant={draft.status === 'approved' ? 'default' : 'outline'}
                      onClick={requestSend}
                      disabled={!sendPermission.allowed || send.isPending}
                      title={sendPermission.reason ?? undefined}
                      aria-keyshortcuts="s"
                    >
                      <Send />
                      Send
                    </Button>
                  </>
                )}
              </>
            )}
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <div className="flex flex-wrap items-center gap-1.5">
            <StatusBadge status={draft.status} />
            <SlaBadge level={draft.slaLevel} deadline={draft.replyDeadlineAt} now={now} />
            <ValidationBadge status={draft.validationStatus} />
            <ConfidenceBadge confidence={draft.confidence} />
            {draft.isOffline ? <Badge variant="secondary">Offline drafter</Badge> : null}
            {draft.sentEmail ? <DeliveryBadge status={delivery} /> : null}
          </div>
          <RecordsChangedNotice show={draft.recordsChangedSince && draft.status !== 'sent'} />
          {blockedReason ? (
            <p
              id={reasonId}
              className="ml-auto max-w-md text-right text-xs text-muted-foreground"
              data-testid="blocked-reason"
            >
              {blockedReason}
            </p>
          ) : null}
          {draft.status === 'sent' && draft.sentEmail ? (
            <div className="ml-auto flex items-center gap-2 text-xs text-muted-foreground" aria-live="polite">
              <Mail className="size-3.5" aria-hidden />
              <span>
                Sent {draft.sentAt ? dateFormat.format(draft.sentAt) : ''} to {draft.sentEmail.toAddress} ·
                delivery:{' '}
                <span className="font-medium text-foreground" data-testid="delivery-status">
                  {delivery ?? 'unknown'}
                </span>
              </span>
              {delivery === 'failed' || delivery === 'bounced' ? (
                <Button size="sm" variant="outline" className="h-7" onClick={() => void doRetryDelivery()}>
                  <RotateCw />
                  Retry delivery
                </Button>
              ) : null}
              {canUndo ? (
                <Button size="sm" variant="outline" className="h-7" onClick={() => onUndo(draft.id)}>
                  Undo
                </Button>
              ) : null}
            </div>
          ) : null}
        </div>
      </header>

      <div className="grid min-h-0 flex-1 grid-cols-1 xl:grid-cols-[minmax(0,1fr)_400px]">
        <div className="relative min-h-0 overflow-y-auto">
          <div className="mx-auto grid max-w-3xl gap-8 px-8 py-6">
            <div className="grid gap-3">
              {earlier.length > 0 ? (
                <Collapsible>
                  <CollapsibleTrigger className="group flex items-center gap-1.5 rounded-sm text-xs font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50">
                    <ChevronRight
                      className="size-3.5 transition-transform group-data-[state=open]:rotate-90"
                      aria-hidden
                    />
                    Earlier in the thread ({earlier.length})
                  </CollapsibleTrigger>
                  <CollapsibleContent className="mt-3 grid gap-4">
                    {earlier.map((email) => (
                      <EmailCard key={email.id} email={email} tone="quiet" />
                    ))}
                  </CollapsibleContent>
                </Collapsible>
              ) : null}
              <EmailCard email={draft.inbound} />
            </div>

            <div className="grid gap-3">
              <div className="flex items-baseline gap-2">
                <h3 className="text-sm font-semibold">Reply</h3>
                <span className="text-xs text-muted-foreground">
                  to {recipient} · v{draft.currentVersion}
                  {draft.isEdited ? ', edited' : ''}
                </span>
              </div>
              <BodyEditor
                key={draft.id}
                ref={editor}
                draftId={draft.id}
                body={draft.body}
                revision={draft.revision}
                issues={draft.validation.issues}
                lockedReason={editPermission.reason}
                onTextChange={setWorkingBody}
              />
            </div>

            {comparedVersion ? (
              <VersionDiff
                version={comparedVersion}
                workingBody={workingBody}
                onClose={() => setComparing(null)}
              />
            ) : null}

            <RegenerateForm
              ref={regenerateForm}
              regenerationsLeft={draft.regenerationsLeft}
              nextRegenerationAt={draft.nextRegenerationAt}
              lockedReason={canRegenerate(state).reason}
              isWorking={regenerate.isPending}
              onRegenerate={doRegenerate}
              now={now}
            />

            <VersionsPanel
              versions={draft.versions}
              currentVersion={draft.currentVersion}
              viewerId={viewer.userId}
              comparing={comparing}
              onCompare={setComparing}
              onSwitch={(version) => void doSwitch(version)}
              switchingTo={switchVersion.isPending ? (switchVersion.variables?.version ?? null) : null}
              lockedReason={editPermission.reason}
            />
          </div>
        </div>
        <aside
          aria-label="Evidence"
          className="relative min-h-0 overflow-y-auto border-t bg-muted/40 px-6 py-6 xl:border-t-0 xl:border-l"
        >
          <EvidencePanel draft={draft} workingBody={workingBody} />
        </aside>
      </div>

      <ArchiveDialog
        open={archiveOpen}
        onOpenChange={setArchiveOpen}
        subject="this draft"
        onConfirm={(reason) => void doArchive(reason)}
        isWorking={archive.isPending}
      />
      <OverrideDialog
        open={overrideOpen}
        onOpenChange={setOverrideOpen}
        issueCount={draft.validation.issues.length}
        onConfirm={(reason) => void requestApprove(reason)}
        isWorking={approve.isPending}
      />
      <SendConfirmDialog
        open={confirmSendOpen}
        onOpenChange={setConfirmSendOpen}
        recipient={recipient}
        onConfirm={() => void doSend()}
        isWorking={send.isPending}
      />
    </section>
  );
}
