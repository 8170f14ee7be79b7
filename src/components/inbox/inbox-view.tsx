'use client';

import { ArrowLeft, Keyboard, MousePointerClick } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { pollingInterval } from '@/components/live/live-events';
import { useLive } from '@/components/live/live-provider';
import { usePalette, usePaletteActions } from '@/components/palette/palette-provider';
import { Button } from '@/components/ui/button';
import { Kbd } from '@/components/ui/kbd';
import { toast } from '@/components/ui/toast';
import { lazy, useLazy } from '@/lib/lazy';
import { cn } from '@/lib/utils';
import { api } from '@/trpc/react';
import { DraftQueue, isInboxView, type InboxView as View } from './draft-queue';
import type { Role } from './draft-rules';
import { describeError } from './errors';
import {
  commandFor,
  neighbourId,
  neighboursToPrefetch,
  nextAfterDone,
  OPEN_OVERLAY,
  OVERLAY_AROUND_FOCUS,
} from './keyboard';
import { inboxPaletteActions } from './palette-actions';
import { PaneSkeleton } from './pane-skeleton';
import { type QueueHandle, rowId } from './queue-item';
import type { PaneCommands } from './review-pane';

// Closed until asked for: loaded after the first paint, not in it.
const ArchiveDialog = dynamic(() => import('./action-dialogs').then((m) => m.ArchiveDialog), { ssr: false });
const ShortcutsDialog = dynamic(() => import('./shortcuts-dialog').then((m) => m.ShortcutsDialog), {
  ssr: false,
});

// The review pane and the bulk bar's "Assign to…" menu load right after the first paint: the page
// opens on the queue, and they are there by the time a draft is opened or a row is checked.
const reviewPane = lazy(() => import('./review-pane').then((m) => m.ReviewPane));
const assigneeMenu = lazy(() => import('./assignee-menu').then((m) => m.AssigneeMenu));

const PAGE_SIZE = 30;

function NothingSelected({ onHelp }: { onHelp: () => void }) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-4 p-10 text-center">
      <span className="grid size-12 place-items-center rounded-full bg-muted">
        <MousePointerClick className="size-5 text-muted-foreground" aria-hidden />
      </span>
      <div className="grid gap-1.5">
        <p className="font-medium">Pick a draft to review</p>
        <p className="max-w-sm text-sm text-muted-foreground">
          The email, the AI&apos;s reply and the evidence behind every claim open here. Move with <Kbd>j</Kbd>{' '}
          <Kbd>k</Kbd>, open with <Kbd>Enter</Kbd>.
        </p>
      </div>
      <Button variant="outline" size="sm" onClick={onHelp}>
        <Keyboard />
        Keyboard shortcuts
      </Button>
    </div>
  );
}

export function InboxView() {
  const searchParams = useSearchParams();
  const viewParam = searchParams.get('view');
  const view: View = isInboxView(viewParam) ? viewParam : 'pending';
  const selectedId = Number(searchParams.get('draft')) || null;
  const mine = searchParams.get('mine') === '1';

  const utils = api.useUtils();
  const { isLive } = useLive();
  const ReviewPane = useLazy(reviewPane);
  const AssigneeMenu = useLazy(assigneeMenu);
  const me = api.me.useQuery(undefined, { staleTime: 5 * 60_000 });
  const list = api.drafts.list.useInfiniteQuery(
    { status: view, limit: PAGE_SIZE, assignee: mine ? 'me' : undefined },
    {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      refetchInterval: pollingInterval(isLive, 10_000),
    },
  );
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);

  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const [bulkOpen, setBulkOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const queue = useRef<QueueHandle>(null);
  const pane = useRef<PaneCommands | null>(null);
  const lastSent = useRef<{ id: number; until: number } | null>(null);

  const archiveMany = api.drafts.archiveMany.useMutation();
  const assign = api.drafts.assign.useMutation();
  const undoSend = api.drafts.undoSend.useMutation();

  const openedFromList = useRef(false);
  const navigate = useCallback(
    (next: { draft?: number | null; view?: View; mine?: boolean }) => {
      const params = new URLSearchParams(searchParams.toString());
      if (next.mine !== undefined) {
        if (next.mine) params.set('mine', '1');
        else params.delete('mine');
      }
      if (next.view !== undefined) {
        if (next.view === 'pending') params.delete('view');
        else params.set('view', next.view);
      }
      if (next.draft !== undefined) {
        if (next.draft === null) params.delete('draft');
        else params.set('draft', String(next.draft));
      }
      const query = params.toString();
      const url = query ? `/inbox?${query}` : '/inbox';
      // The native history calls: Next.js syncs useSearchParams with them and, unlike router.replace,
      // asks the server for nothing, so `j` shows the prefetched draft without a round trip. Opening
      // a draft from the list is a step of its own in the history, so on a phone the browser's back
      // button returns to the list; moving between drafts replaces it.
      const isOpeningFromList = next.draft != null && !searchParams.get('draft');
      if (isOpeningFromList) {
        openedFromList.current = true;
        window.history.pushState(null, '', url);
      } else window.history.replaceState(null, '', url);
    },
    [searchParams],
  );
  const backToInbox = useCallback(() => {
    if (openedFromList.current) {
      openedFromList.current = false;
      window.history.back();
    } else navigate({ draft: null });
  }, [navigate]);

  const undo = useCallback(
    async (draftId?: number) => {
      const target = draftId ?? lastSent.current?.id;
      if (!target) {
        toast('Nothing to undo.');
        return;
      }
      if (draftId === undefined && lastSent.current && Date.now() > lastSent.current.until) {
        toast('Too late to undo: delivery has started.');
        return;
      }
      try {
        await undoSend.mutateAsync({ id: target });
        lastSent.current = null;
        toast.success('Send undone. Nothing was delivered; the draft is approved again.');
      } catch (error) {
        toast.error(`Not undone: ${describeError(error)}`);
      } finally {
        await Promise.all([utils.drafts.get.invalidate({ id: target }), utils.drafts.list.invalidate()]);
      }
    },
    [undoSend, utils],
  );

  const plural = (count: number) => `${count} draft${count === 1 ? '' : 's'}`;

  /** The selection, in one request: all of it is archived (each audited) or none. */
  async function bulkArchive(reason: string) {
    try {
      const result = await archiveMany.mutateAsync({ ids: [...checked], reason: reason || null });
      setBulkOpen(false);
      setChecked(new Set());
      toast.success(`Archived ${plural(result.archived.length)}`, {
        description:
          result.skipped.length > 0 ? `${plural(result.skipped.length)} already archived` : undefined,
      });
    } catch (error) {
      toast.error(`Not archived: ${describeError(error)}`);
    } finally {
      await Promise.all([utils.drafts.list.invalidate(), utils.drafts.get.invalidate()]);
    }
  }

  /** Assigns the selection's deals to one member (a draft's assignee is its deal's owner). */
  async function bulkAssign(userId: string | null, name: string) {
    try {
      const result = await assign.mutateAsync({ ids: [...checked], userId });
      setChecked(new Set());
      toast.success(
        userId
          ? `Assigned ${plural(result.items.length)} to ${name}`
          : `Unassigned ${plural(result.items.length)}`,
        {
          description: 'Every draft on their deals follows the owner.',
        },
      );
    } catch (error) {
      toast.error(`Not assigned: ${describeError(error)}`);
    } finally {
      await Promise.all([
        utils.drafts.list.invalidate(),
        utils.drafts.get.invalidate(),
        utils.deals.invalidate(),
      ]);
    }
  }

  // The drafts `j` / `k` would open are loaded before the key is pressed.
  const ids = useMemo(() => items.map((item) => item.id), [items]);
  useEffect(() => {
    for (const id of neighboursToPrefetch(ids, selectedId)) void utils.drafts.get.prefetch({ id });
  }, [ids, selectedId, utils]);

  // One listener for the whole page; it reads the latest state through a ref.
  const palette = usePalette();
  const latest = useRef({ items, selectedId, view, navigate, undo, openPalette: palette.open });
  latest.current = { items, selectedId, view, navigate, undo, openPalette: palette.open };
  usePaletteActions('inbox', () =>
    inboxPaletteActions({
      view: latest.current.view,
      hasDraft: latest.current.selectedId !== null,
      pane: pane.current,
      showView: (next) => latest.current.navigate({ view: next }),
      move: (direction) => {
        const { items: rows, selectedId: selected } = latest.current;
        const next = neighbourId(
          rows.map((item) => item.id),
          selected,
          direction,
        );
        if (next !== null) latest.current.navigate({ draft: next });
      },
      undo: () => void latest.current.undo(),
      help: () => setHelpOpen(true),
    }),
  );

  /** After a send or an archive the next draft opens (the one below, else the one above). */
  const advanceFrom = useCallback((doneId: number) => {
    const { items: rows, selectedId: selected, navigate: go } = latest.current;
    if (selected !== doneId) return;
    go({
      draft: nextAfterDone(
        rows.map((item) => item.id),
        doneId,
      ),
    });
  }, []);

  useEffect(() => {
    function focusRow(index: number) {
      const item = latest.current.items[index];
      if (!item) return;
      queue.current?.scrollToIndex(index);
      requestAnimationFrame(() => document.getElementById(rowId(item.id))?.focus());
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const inDialog =
        Boolean(target?.closest(OVERLAY_AROUND_FOCUS)) || document.querySelector(OPEN_OVERLAY) !== null;
      const onQueueRow = Boolean(target?.id.startsWith('draft-row-'));
      const command = commandFor(
        {
          key: event.key,
          metaKey: event.metaKey,
          ctrlKey: event.ctrlKey,
          altKey: event.altKey,
          inDialog,
          target: target
            ? {
                tagName: target.tagName,
                isContentEditable: target.isContentEditable,
                type: target instanceof HTMLInputElement ? target.type : undefined,
                role: target.getAttribute('role'),
              }
            : null,
        },
        { onQueueRow },
      );
      // Enter on a row is the row button's own click.
      if (!command || command === 'open') return;
      event.preventDefault();
      const { items: rows, selectedId: selected } = latest.current;
      const focusedIndex = onQueueRow ? rows.findIndex((item) => rowId(item.id) === target?.id) : -1;
      const cursor = focusedIndex >= 0 ? focusedIndex : rows.findIndex((item) => item.id === selected);
      // With a draft open, j/k open the neighbour at once; with none open they move the focus.
      if ((command === 'next' || command === 'previous') && selected !== null) {
        const from = focusedIndex >= 0 ? (rows[focusedIndex]?.id ?? selected) : selected;
        const target = neighbourId(
          rows.map((item) => item.id),
          from,
          command,
        );
        if (target === null) return;
        latest.current.navigate({ draft: target });
        const index = rows.findIndex((item) => item.id === target);
        if (onQueueRow) focusRow(index);
        else queue.current?.scrollToIndex(index);
        return;
      }
      switch (command) {
        case 'next':
          focusRow(Math.min(cursor + 1, rows.length - 1));
          break;
        case 'previous':
          focusRow(Math.max(cursor - 1, 0));
          break;
        case 'help':
          setHelpOpen(true);
          break;
        case 'undo':
          void latest.current.undo();
          break;
        case 'select': {
          // The focused row, else the open draft.
          const id = onQueueRow ? rows[focusedIndex]?.id : (selected ?? undefined);
          if (id === undefined) break;
          setChecked((current) => {
            const next = new Set(current);
            if (next.has(id)) next.delete(id);
            else next.add(id);
            return next;
          });
          break;
        }
        case 'search':
          latest.current.openPalette('search');
          break;
        default:
          if (pane.current) pane.current[command]();
          else toast('Open a draft first: j/k to move, Enter to open.');
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const role: Role | null = me.data?.role ?? null;

  return (
    // Below lg (phones, small tablets) the list and the draft are two steps: one of them shows.
    <div className="relative grid h-[calc(100dvh-3.5rem)] min-h-0 grid-cols-1 overflow-hidden lg:grid-cols-[minmax(320px,400px)_minmax(0,1fr)]">
      <div className={cn('contents', selectedId !== null && 'max-lg:hidden')}>
        <DraftQueue
          ref={queue}
          view={view}
          onViewChange={(next) => {
            setChecked(new Set());
            navigate({ view: next });
          }}
          mine={mine}
          onMineChange={(next) => {
            setChecked(new Set());
            navigate({ mine: next });
          }}
          items={items}
          status={list.status}
          errorMessage={list.error?.message ?? null}
          onRetry={() => void list.refetch()}
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={() => void list.fetchNextPage()}
          selectedId={selectedId}
          onOpen={(id) => navigate({ draft: id })}
          checked={checked}
          onCheckedChange={setChecked}
          onBulkArchive={() => setBulkOpen(true)}
          bulkAssign={
            me.data && AssigneeMenu ? (
              <AssigneeMenu
                mode="bulk"
                viewerId={me.data.userId}
                permission={{
                  allowed: true,
                  reason: null,
                  // What the server's `can.assign` says of the selected rows: an agent may only take them.
                  onlySelf: items.some((item) => checked.has(item.id) && item.can.assign.onlySelf),
                }}
                onAssign={(userId, name) => void bulkAssign(userId, name)}
                isWorking={assign.isPending}
              />
            ) : null
          }
          now={now}
        />
      </div>
      <div className={cn('flex min-h-0 min-w-0 flex-col', selectedId === null && 'max-lg:hidden')}>
        {selectedId !== null ? (
          <div className="border-b px-2 py-1.5 lg:hidden">
            <Button variant="ghost" size="sm" onClick={backToInbox}>
              <ArrowLeft />
              Back to inbox
            </Button>
          </div>
        ) : null}
        {selectedId && me.data && role ? (
          ReviewPane ? (
            <ReviewPane
              key={selectedId}
              draftId={selectedId}
              viewer={{ userId: me.data.userId, role }}
              commandsRef={pane}
              onSent={(id, until) => {
                lastSent.current = { id, until: until.getTime() };
              }}
              onUndo={(id) => void undo(id)}
              onDone={advanceFrom}
              now={now}
            />
          ) : (
            <PaneSkeleton />
          )
        ) : (
          <NothingSelected onHelp={() => setHelpOpen(true)} />
        )}
      </div>
      <ArchiveDialog
        open={bulkOpen}
        onOpenChange={setBulkOpen}
        subject={`${checked.size} draft${checked.size === 1 ? '' : 's'}`}
        onConfirm={(reason) => void bulkArchive(reason)}
        isWorking={archiveMany.isPending}
      />
      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
    </div>
  );
}
