'use client';

import { Archive, ArchiveRestore, Check, ChevronRight, Mail, RotateCw, Send } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { AssigneeMenu } from './assignee-menu';
import type { Draft } from './draft-rules';
import { RecordsChangedNotice } from './records-changed-notice';
import { SlaBadge } from './sla-badge';
import { ConfidenceBadge, DeliveryBadge, OfflineBadge, StatusBadge, ValidationBadge } from './status-badges';
import type { DraftActions } from './use-draft-actions';

export const dateFormat = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** Where a sent reply is: when, to whom, its delivery, and the retry and undo it still allows. */
export function DeliveryLine({
  draft,
  onRetry,
  onUndo,
}: {
  draft: Draft;
  onRetry: () => void;
  onUndo: (draftId: number) => void;
}) {
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
  if (draft.status !== 'sent' || !draft.sentEmail) return null;
  return (
    <div
      className="ml-auto flex flex-wrap items-center gap-2 text-xs text-muted-foreground"
      aria-live="polite"
    >
      <Mail className="size-3.5" aria-hidden />
      <span>
        Sent {draft.sentAt ? dateFormat.format(draft.sentAt) : ''} to {draft.sentEmail.toAddress} · delivery:{' '}
        <span className="font-medium text-foreground" data-testid="delivery-status">
          {delivery ?? 'unknown'}
        </span>
      </span>
      {draft.can.retryDelivery.allowed && (delivery === 'failed' || delivery === 'bounced') ? (
        <Button size="sm" variant="outline" className="h-7" onClick={onRetry}>
          <RotateCw />
          Retry delivery
        </Button>
      ) : null}
      {canUndo && draft.can.undoSend.allowed ? (
        <Button size="sm" variant="outline" className="h-7" onClick={() => onUndo(draft.id)}>
          Undo
        </Button>
      ) : null}
    </div>
  );
}

/** The deal, the draft's state and the actions it allows now (from the server's `can`). */
export function DraftHeader({
  draft,
  actions,
  now,
  onUndo,
  viewerId,
  presence,
}: {
  draft: Draft;
  actions: DraftActions;
  now: Date;
  onUndo: (draftId: number) => void;
  viewerId: string;
  /** Who else has the draft open (src/components/live/presence.tsx). */
  presence?: React.ReactNode;
}) {
  const reasonId = useId();
  const { can } = draft;
  const blockedReason =
    draft.status === 'pending' && !can.approve.allowed
      ? can.approve.reason
      : draft.status === 'archived'
        ? `Archived${draft.archiveReason ? `: “${draft.archiveReason}”` : ''}. Restore it to work on it.`
        : null;
  return (
    <header className="grid gap-3 border-b px-4 pt-5 pb-4 md:px-8">
      <div className="flex flex-wrap items-start gap-x-4 gap-y-3">
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
          <div>
            <AssigneeMenu
              mode="pane"
              assignee={draft.assignee}
              permission={draft.can.assign}
              viewerId={viewerId}
              onAssign={(userId, name) => void actions.doAssign(userId, name)}
              isWorking={actions.pending.assign}
            />
          </div>
        </div>
        <div className="ml-auto flex shrink-0 flex-wrap items-center gap-2">
          {draft.status === 'archived' ? (
            <Button
              onClick={() => void actions.doRestore()}
              disabled={actions.pending.restore || !can.restore.allowed}
            >
              <ArchiveRestore />
              Restore
            </Button>
          ) : (
            <>
              <Button
                variant="outline"
                onClick={() => actions.dialogs.setArchiveOpen(true)}
                aria-keyshortcuts="#"
              >
                <Archive />
                Archive
              </Button>
              {draft.status === 'sent' ? null : (
                <>
                  <Button
                    variant={draft.status === 'pending' ? 'default' : 'outline'}
                    onClick={() => void actions.requestApprove()}
                    disabled={!can.approve.allowed || actions.pending.approve}
                    aria-describedby={blockedReason ? reasonId : undefined}
                    aria-keyshortcuts="a"
                  >
                    <Check />
                    Approve
                  </Button>
                  <Button
                    variant={draft.status === 'approved' ? 'default' : 'outline'}
                    onClick={actions.requestSend}
                    disabled={!can.send.allowed || actions.pending.send}
                    title={can.send.reason ?? undefined}
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
          <ValidationBadge status={draft.validationStatus} questions={draft.validation?.questions} />
          <ConfidenceBadge confidence={draft.confidence} />
          {draft.isOffline ? <OfflineBadge label="Offline drafter" /> : null}
          {draft.sentEmail ? <DeliveryBadge status={draft.sentEmail.deliveryStatus ?? null} /> : null}
        </div>
        {presence}
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
        {draft.override ? (
          <p
            className="ml-auto max-w-md text-right text-xs text-muted-foreground"
            data-testid="override-note"
          >
            Validation overridden by{' '}
            <span className="font-medium text-foreground">{draft.override.byName ?? 'a manager'}</span>
            {draft.override.at ? `, ${dateFormat.format(draft.override.at)}` : ''}: “{draft.override.reason}”
          </p>
        ) : null}
        <DeliveryLine draft={draft} onRetry={() => void actions.doRetryDelivery()} onUndo={onUndo} />
      </div>
    </header>
  );
}
