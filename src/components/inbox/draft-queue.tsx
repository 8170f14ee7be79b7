'use client';

import { Inbox, RefreshCw } from 'lucide-react';
import { useImperativeHandle, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { lazy, useLazy } from '@/lib/lazy';
import { cn } from '@/lib/utils';
import type { QueueHandle, QueueItem } from './queue-item';

const queueRows = lazy(() => import('./queue-rows'));

export const inboxViews = [
  { value: 'pending', label: 'Pending', listName: 'Drafts waiting for review' },
  { value: 'approved', label: 'Approved', listName: 'Approved drafts, ready to send' },
  { value: 'sent', label: 'Sent', listName: 'Sent replies' },
  { value: 'needs_attention', label: 'Attention', listName: 'Drafts that need attention' },
  { value: 'archived', label: 'Archived', listName: 'Archived drafts' },
] as const;
export type InboxView = (typeof inboxViews)[number]['value'];

export function isInboxView(value: string | null): value is InboxView {
  return inboxViews.some((view) => view.value === value);
}

const emptyText: Record<InboxView, { title: string; body: string }> = {
  pending: {
    title: 'Nothing waiting for review',
    body: 'When a space seeker writes in, Echo drafts a reply from the deal and its spaces, and it appears here, most urgent first.',
  },
  approved: { title: 'No approved drafts', body: 'Drafts you approve wait here until they are sent.' },
  sent: { title: 'Nothing sent yet', body: 'Replies you send appear here with their delivery status.' },
  needs_attention: {
    title: 'Nothing needs attention',
    body: 'Drafts whose claims failed the checks against the records, and emails whose delivery failed, appear here.',
  },
  archived: { title: 'No archived drafts', body: 'Archived drafts are kept here and can be restored.' },
};

/** The queue while its first page (or, right after the first paint, the rows' code) loads. */
function QueueSkeleton() {
  return (
    <div className="grid gap-3 p-4" role="status" aria-busy="true" aria-label="Loading drafts">
      {Array.from({ length: 6 }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <div key={index} className="grid gap-2 rounded-lg p-2">
          <Skeleton className="h-4 w-2/5" />
          <Skeleton className="h-3.5 w-4/5" />
          <Skeleton className="h-3 w-3/5" />
        </div>
      ))}
    </div>
  );
}

export function DraftQueue({
  ref,
  view,
  onViewChange,
  items,
  status,
  errorMessage,
  onRetry,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  selectedId,
  onOpen,
  checked,
  onCheckedChange,
  onBulkArchive,
  bulkAssign,
  mine = false,
  onMineChange,
  now,
}: {
  ref?: React.Ref<QueueHandle>;
  view: InboxView;
  onViewChange: (view: InboxView) => void;
  items: QueueItem[];
  status: 'pending' | 'error' | 'success';
  errorMessage: string | null;
  onRetry: () => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  selectedId: number | null;
  onOpen: (id: number) => void;
  checked: ReadonlySet<number>;
  onCheckedChange: (ids: ReadonlySet<number>) => void;
  onBulkArchive: () => void;
  /** The bulk bar's "Assign to…" menu. */
  bulkAssign?: React.ReactNode;
  /** The "Mine" filter: only drafts on deals the viewer owns. */
  mine?: boolean;
  onMineChange?: (mine: boolean) => void;
  now: Date;
}) {
  const rows = useLazy(queueRows);
  const rowsHandle = useRef<QueueHandle>(null);
  useImperativeHandle(
    ref,
    () => ({ scrollToIndex: (index) => rowsHandle.current?.scrollToIndex(index) }),
    [],
  );

  const listName = inboxViews.find((entry) => entry.value === view)?.listName ?? 'Drafts';

  // Shift-click selects the range from the last row clicked, as in a mail client.
  const lastToggled = useRef<number | null>(null);
  function toggle(id: number, isChecked: boolean, isRange = false) {
    const next = new Set(checked);
    const from = items.findIndex((item) => item.id === lastToggled.current);
    const to = items.findIndex((item) => item.id === id);
    const range =
      isRange && from >= 0 && to >= 0 ? items.slice(Math.min(from, to), Math.max(from, to) + 1) : [];
    for (const item of range.length > 0 ? range : [{ id }]) {
      if (isChecked) next.add(item.id);
      else next.delete(item.id);
    }
    lastToggled.current = id;
    onCheckedChange(next);
  }

  let content: React.ReactNode;
  if (status === 'pending') {
    content = <QueueSkeleton />;
  } else if (status === 'error') {
    content = (
      <div role="alert" className="grid gap-3 p-6 text-sm">
        <p className="font-medium">The inbox could not be loaded.</p>
        <p className="text-muted-foreground">{errorMessage}</p>
        <Button variant="outline" size="sm" className="w-fit" onClick={onRetry}>
          <RefreshCw />
          Try again
        </Button>
      </div>
    );
  } else if (items.length === 0) {
    content = (
      <div className="flex flex-col items-center gap-3 px-8 py-16 text-center text-sm text-muted-foreground">
        <span className="grid size-11 place-items-center rounded-full bg-muted">
          <Inbox className="size-5" aria-hidden />
        </span>
        <p className="font-medium text-foreground">{mine ? 'None of yours here' : emptyText[view].title}</p>
        <p className="max-w-72 leading-relaxed">
          {mine
            ? 'Drafts follow their deal’s owner. Assign yourself from a draft’s pane, or show everyone’s.'
            : emptyText[view].body}
        </p>
        {view === 'pending' && !mine ? (
          <p className="max-w-72 leading-relaxed">
            In development, simulate one:{' '}
            <code className="rounded bg-muted px-1 text-[11px] break-all">
              make inbound FROM=&quot;Ann &lt;ann@acme.example&gt;&quot; SUBJECT=&quot;Parking?&quot;
              BODY=&quot;Is there parking?&quot;
            </code>{' '}
            (or the <code className="rounded bg-muted px-1">inbound.simulate</code> procedure). Its draft
            appears here within seconds.
          </p>
        ) : null}
      </div>
    );
  } else {
    content = rows ? (
      <rows.QueueRows
        handleRef={rowsHandle}
        listName={listName}
        items={items}
        hasNextPage={hasNextPage}
        isFetchingNextPage={isFetchingNextPage}
        fetchNextPage={fetchNextPage}
        selectedId={selectedId}
        onOpen={onOpen}
        checked={checked}
        toggle={toggle}
        now={now}
      />
    ) : (
      <QueueSkeleton />
    );
  }

  const bulkBar =
    checked.size > 0 && rows ? (
      <rows.BulkBar
        items={items}
        checked={checked}
        onCheckedChange={onCheckedChange}
        onBulkArchive={onBulkArchive}
        bulkAssign={bulkAssign}
      />
    ) : (
      <div className="border-b" />
    );

  return (
    <Tabs
      value={view}
      onValueChange={(value) => isInboxView(value) && onViewChange(value)}
      className="flex min-h-0 flex-col gap-0 border-r bg-background"
      aria-label="Queue"
      asChild
    >
      <section>
        <div className="flex items-baseline gap-2 px-4 pt-4 pb-3">
          <h1 className="text-lg font-semibold tracking-tight">Inbox</h1>
          <span className="text-xs text-muted-foreground tabular-nums">
            {status === 'success' ? `${items.length}${hasNextPage ? '+' : ''} shown` : null}
          </span>
          {onMineChange ? (
            <fieldset className="ml-auto flex rounded-md border p-0.5 text-xs" aria-label="Whose drafts">
              {[
                { label: 'Everyone', value: false },
                { label: 'Mine', value: true },
              ].map((option) => (
                <button
                  key={option.label}
                  type="button"
                  aria-pressed={mine === option.value}
                  onClick={() => onMineChange(option.value)}
                  className={cn(
                    'rounded-[5px] px-2 py-0.5 font-medium text-muted-foreground outline-none focus-visible:ring-2 focus-visible:ring-ring/60',
                    mine === option.value && 'bg-muted text-foreground',
                  )}
                >
                  {option.label}
                </button>
              ))}
            </fieldset>
          ) : null}
        </div>
        <div className="px-3 pb-3">
          <TabsList aria-label="Which drafts to show" className="w-full">
            {inboxViews.map((entry) => (
              <TabsTrigger key={entry.value} value={entry.value} className="px-1.5 text-xs">
                {entry.label}
              </TabsTrigger>
            ))}
          </TabsList>
        </div>
        {inboxViews.map((entry) =>
          entry.value === view ? (
            <TabsContent
              key={entry.value}
              value={entry.value}
              forceMount
              className="flex min-h-0 flex-1 flex-col"
            >
              {bulkBar}
              {content}
            </TabsContent>
          ) : (
            <TabsContent key={entry.value} value={entry.value} forceMount className="hidden" />
          ),
        )}
      </section>
    </Tabs>
  );
}
