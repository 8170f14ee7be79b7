'use client';

import { ChevronRight, RefreshCw } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import { pollingInterval } from '@/components/live/live-events';
import { useLive } from '@/components/live/live-provider';
import { PresenceList, useDraftPresence } from '@/components/live/presence';
import { Button } from '@/components/ui/button';
import { Collapsible, CollapsibleContent, CollapsibleTrigger } from '@/components/ui/collapsible';
import { toast } from '@/components/ui/toast';
import { api } from '@/trpc/react';
import { BodyEditor, type EditorHandle } from './body-editor';
import { DraftHeader, dateFormat } from './draft-header';
import { type Draft, isDeliveryInFlight, type Role } from './draft-rules';
import { errorCodeOf } from './errors';
import { EvidencePanel } from './evidence-panel';
import { PaneSkeleton } from './pane-skeleton';
import { RegenerateForm, type RegenerateHandle } from './regenerate-form';
import { useDraftActions } from './use-draft-actions';
import { VersionDiff, VersionsPanel } from './versions-panel';

// Dialogs are closed until asked for: loaded after the first paint, not in it.
const ArchiveDialog = dynamic(() => import('./action-dialogs').then((m) => m.ArchiveDialog), { ssr: false });
const OverrideDialog = dynamic(() => import('./action-dialogs').then((m) => m.OverrideDialog), {
  ssr: false,
});
const SendConfirmDialog = dynamic(() => import('./action-dialogs').then((m) => m.SendConfirmDialog), {
  ssr: false,
});
const AskManagerDialog = dynamic(() => import('./ask-manager-dialog').then((m) => m.AskManagerDialog), {
  ssr: false,
});

type Email = Draft['thread'][number];

export type PaneCommands = {
  edit: () => void;
  regenerate: () => void;
  /** Regenerates at once with this instruction (the command palette's "Regenerate with …"). */
  regenerateWith: (instruction: string) => void;
  approve: () => void;
  send: () => void;
  archive: () => void;
};

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

export function ReviewPane({
  draftId,
  viewer,
  commandsRef,
  onSent,
  onUndo,
  onDone,
  now,
}: {
  draftId: number;
  viewer: { userId: string; role: Role };
  commandsRef: React.RefObject<PaneCommands | null>;
  onSent: (draftId: number, undoUntil: Date) => void;
  onUndo: (draftId: number) => void;
  onDone: (draftId: number) => void;
  now: Date;
}) {
  const { isLive } = useLive();
  const query = api.drafts.get.useQuery(
    { id: draftId },
    {
      refetchInterval: (current) =>
        isDeliveryInFlight(current.state.data?.sentEmail?.deliveryStatus)
          ? 2_000
          : pollingInterval(isLive, 10_000),
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
      onDone={onDone}
      now={now}
    />
  );
}

function LoadedPane({
  draft,
  viewer,
  commandsRef,
  onSent,
  onUndo,
  onDone,
  now,
}: {
  draft: Draft;
  viewer: { userId: string; role: Role };
  commandsRef: React.RefObject<PaneCommands | null>;
  onSent: (draftId: number, undoUntil: Date) => void;
  onUndo: (draftId: number) => void;
  onDone: (draftId: number) => void;
  now: Date;
}) {
  const editor = useRef<EditorHandle>(null);
  const regenerateForm = useRef<RegenerateHandle>(null);
  const [comparing, setComparing] = useState<number | null>(null);
  const [workingBody, setWorkingBody] = useState(draft.body);
  useEffect(() => setWorkingBody(draft.body), [draft.body]);
  const actions = useDraftActions({ draft, editor, onSent, onUndo, onDone });
  const presence = useDraftPresence(draft.id);
  const { dialogs, pending } = actions;
  const { can } = draft;
  const recipient = draft.inbound.fromName
    ? `${draft.inbound.fromName} <${draft.inbound.fromAddress}>`
    : draft.inbound.fromAddress;

  useEffect(() => {
    commandsRef.current = {
      edit: () => editor.current?.focus(),
      regenerate: () => regenerateForm.current?.focus(),
      regenerateWith: (instruction) => void actions.doRegenerate(instruction),
      approve: () => void actions.requestApprove(),
      send: actions.requestSend,
      archive: () =>
        can.archive.allowed
          ? dialogs.setArchiveOpen(true)
          : toast.error(can.archive.reason ?? 'Already archived.'),
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

  return (
    <section
      aria-label={`Review: ${draft.deal.companyName}`}
      className="flex min-h-0 min-w-0 flex-1 flex-col max-xl:overflow-y-auto"
    >
      <DraftHeader
        draft={draft}
        actions={actions}
        now={now}
        onUndo={onUndo}
        viewerId={viewer.userId}
        presence={<PresenceList others={presence.others} />}
      />

      {/* Narrower than xl the header, reply and evidence scroll as one page; wider, side by side. */}
      <div className="grid grid-cols-1 xl:min-h-0 xl:flex-1 xl:grid-cols-[minmax(0,1fr)_400px]">
        <div className="relative xl:min-h-0 xl:overflow-y-auto">
          <div className="mx-auto grid max-w-3xl gap-8 px-4 py-6 md:px-8">
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

            <div className="grid gap-3" {...presence.editorProps}>
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
                lockedReason={can.edit.reason}
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
              lockedReason={can.regenerate.reason}
              isWorking={pending.regenerate}
              onRegenerate={actions.doRegenerate}
              now={now}
            />

            <VersionsPanel
              versions={draft.versions}
              currentVersion={draft.currentVersion}
              viewerId={viewer.userId}
              comparing={comparing}
              onCompare={setComparing}
              onSwitch={(version) => void actions.doSwitch(version)}
              switchingTo={pending.switchingTo}
              lockedReason={can.switchVersion.reason}
            />
          </div>
        </div>
        <aside
          aria-label="Evidence"
          className="relative border-t bg-muted/40 px-4 py-6 md:px-6 xl:min-h-0 xl:overflow-y-auto xl:border-t-0 xl:border-l"
        >
          <EvidencePanel
            draft={draft}
            workingBody={workingBody}
            onAskManager={() => dialogs.setAskOpen(true)}
          />
        </aside>
      </div>

      <ArchiveDialog
        open={dialogs.archiveOpen}
        onOpenChange={dialogs.setArchiveOpen}
        subject="this draft"
        onConfirm={(reason) => void actions.doArchive(reason)}
        isWorking={pending.archive}
      />
      <OverrideDialog
        open={dialogs.overrideOpen}
        onOpenChange={dialogs.setOverrideOpen}
        issueCount={draft.validation.issues.length}
        onConfirm={(reason) => void actions.requestApprove(reason)}
        isWorking={pending.approve}
      />
      <AskManagerDialog
        open={dialogs.askOpen}
        onOpenChange={dialogs.setAskOpen}
        onConfirm={(note) => void actions.doRequestOverride(note)}
        isWorking={pending.requestOverride}
      />
      <SendConfirmDialog
        open={dialogs.confirmSendOpen}
        onOpenChange={dialogs.setConfirmSendOpen}
        recipient={recipient}
        onConfirm={() => void actions.doSend()}
        isWorking={pending.send}
      />
    </section>
  );
}
