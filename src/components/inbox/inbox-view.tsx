'use client';

import { Keyboard, MousePointerClick } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Kbd } from '@/components/ui/kbd';
import { api } from '@/trpc/react';
import { DraftQueue, isInboxView, type QueueHandle, rowId, type InboxView as View } from './draft-queue';
import type { Role } from './draft-rules';
import { describeError } from './errors';
import { commandFor, neighbourId, neighboursToPrefetch } from './keyboard';
import { type PaneCommands, ReviewPane } from './review-pane';

// Closed until asked for: loaded after the first paint, not in it.
const ArchiveDialog = dynamic(() => import('./action-dialogs').then((m) => m.ArchiveDialog), { ssr: false });
const ShortcutsDialog = dynamic(() => import('./shortcuts-dialog').then((m) => m.ShortcutsDialog), {
  ssr: false,
});

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
  const router = useRouter();
  const searchParams = useSearchParams();
  const viewParam = searchParams.get('view');
  const view: View = isInboxView(viewParam) ? viewParam : 'pending';
  const selectedId = Number(searchParams.get('draft')) || null;

  const utils = api.useUtils();
  const me = api.me.useQuery(undefined, { staleTime: 5 * 60_000 });
  const list = api.drafts.list.useInfiniteQuery(
    { status: view, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchInterval: 10_000 },
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

  const archive = api.drafts.archive.useMutation();
  const undoSend = api.drafts.undoSend.useMutation();

  const navigate = useCallback(
    (next: { draft?: number | null; view?: View }) => {
      const params = new URLSearchParams(searchParams.toString());
      if (next.view !== undefined) {
        if (next.view === 'pending') params.delete('view');
        else params.set('view', next.view);
      }
      if (next.draft !== undefined) {
        if (next.draft === null) params.delete('draft');
        else params.set('draft', String(next.draft));
      }
      const query = params.toString();
      router.replace(query ? `/inbox?${query}` : '/inbox', { scroll: false });
    },
    [router, searchParams],
  );

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

  async function bulkArchive(reason: string) {
    const ids = [...checked];
    const failures: string[] = [];
    for (const id of ids) {
      try {
        await archive.mutateAsync({ id, reason: reason || null });
      } catch (error) {
        failures.push(describeError(error));
      }
    }
    setBulkOpen(false);
    setChecked(new Set());
    await utils.drafts.list.invalidate();
    const done = ids.length - failures.length;
    if (done > 0) toast.success(`Archived ${done} draft${done === 1 ? '' : 's'}`);
    if (failures.length > 0) toast.error(`${failures.length} not archived: ${failures[0]}`);
  }

  // The drafts `j` / `k` would open are loaded before the key is pressed.
  const ids = useMemo(() => items.map((item) => item.id), [items]);
  useEffect(() => {
    for (const id of neighboursToPrefetch(ids, selectedId)) void utils.drafts.get.prefetch({ id });
  }, [ids, selectedId, utils]);

  // One listener for the whole page; it reads the latest state through a ref.
  const latest = useRef({ items, selectedId, navigate, undo });
  latest.current = { items, selectedId, navigate, undo };
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
        Boolean(target?.closest('[role=dialog],[role=alertdialog]')) ||
        document.querySelector('[role=dialog][data-state=open]') !== null;
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
    <div className="relative grid h-[calc(100dvh-3.5rem)] min-h-0 grid-cols-[minmax(320px,400px)_minmax(0,1fr)] overflow-hidden">
      <DraftQueue
        ref={queue}
        view={view}
        onViewChange={(next) => {
          setChecked(new Set());
          navigate({ view: next });
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
        now={now}
      />
      <div className="flex min-h-0 min-w-0 flex-col">
        {selectedId && me.data && role ? (
          <ReviewPane
            key={selectedId}
            draftId={selectedId}
            viewer={{ userId: me.data.userId, role }}
            commandsRef={pane}
            onSent={(id, until) => {
              lastSent.current = { id, until: until.getTime() };
            }}
            onUndo={(id) => void undo(id)}
            now={now}
          />
        ) : (
          <NothingSelected onHelp={() => setHelpOpen(true)} />
        )}
      </div>
      <ArchiveDialog
        open={bulkOpen}
        onOpenChange={setBulkOpen}
        subject={`${checked.size} draft${checked.size === 1 ? '' : 's'}`}
        onConfirm={(reason) => void bulkArchive(reason)}
        isWorking={archive.isPending}
      />
      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
    </div>
  );
}
