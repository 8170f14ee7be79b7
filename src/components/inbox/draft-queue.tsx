'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { Archive, Inbox, MessageCircleQuestion, RefreshCw, UserRound, X } from 'lucide-react';
import { useEffect, useImperativeHandle, useRef } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { cn } from '@/lib/utils';
import type { RouterOutputs } from '@/trpc/react';
import { SlaBadge } from './sla-badge';
import { ConfidenceBadge, DeliveryBadge, OfflineBadge, ValidationBadge } from './status-badges';

export type QueueItem = RouterOutputs['drafts']['list']['items'][number];

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

export type QueueHandle = { scrollToIndex: (index: number) => void };

export function rowId(draftId: number) {
  return `draft-row-${draftId}`;
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
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length + (hasNextPage ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 124,
    overscan: 6,
    getItemKey: (index) => items[index]?.id ?? 'loader',
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? -1;

  useImperativeHandle(
    ref,
    () => ({ scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) }),
    [virtualizer],
  );

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= items.length - 1) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, items.length, fetchNextPage]);

  const listName = inboxViews.find((entry) => entry.value === view)?.listName ?? 'Drafts';
  const allChecked = items.length > 0 && items.every((item) => checked.has(item.id));

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
    content = (
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
    content = (
      <div ref={scrollRef} className="relative min-h-0 flex-1 overflow-y-auto" data-testid="queue-scroll">
        <ul aria-label={listName} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {virtualItems.map((virtualItem) => {
            const item = items[virtualItem.index];
            if (!item) {
              return (
                <li
                  key="loader"
                  className="absolute inset-x-0 top-0 flex items-center justify-center p-4 text-xs text-muted-foreground"
                  style={{ transform: `translateY(${virtualItem.start}px)` }}
                >
                  Loading more…
                </li>
              );
            }
            const isSelected = item.id === selectedId;
            return (
              <li
                key={item.id}
                data-index={virtualItem.index}
                ref={virtualizer.measureElement}
                className="absolute inset-x-0 top-0"
                style={{ transform: `translateY(${virtualItem.start}px)` }}
              >
                <div
                  className={cn(
                    'group relative flex gap-3 border-b border-l-2 border-l-transparent px-4 py-3.5 transition-colors hover:bg-muted/60',
                    isSelected && 'border-l-brand bg-brand/[0.06] hover:bg-brand/[0.08]',
                  )}
                >
                  <Checkbox
                    className="relative z-10 mt-0.5"
                    checked={checked.has(item.id)}
                    onClick={(event) => {
                      if (!event.shiftKey) return;
                      event.preventDefault();
                      toggle(item.id, !checked.has(item.id), true);
                    }}
                    onCheckedChange={(value) => toggle(item.id, value === true)}
                    aria-label={`Select ${item.company}`}
                  />
                  <div className="grid min-w-0 flex-1 gap-1">
                    <div className="flex items-center gap-2">
                      {/* The row's one control: its click area stretches over the whole row. */}
                      <button
                        type="button"
                        id={rowId(item.id)}
                        aria-label={item.company}
                        aria-describedby={`${rowId(item.id)}-summary`}
                        aria-current={isSelected ? 'true' : undefined}
                        onClick={() => onOpen(item.id)}
                        className="min-w-0 truncate text-left font-medium outline-none after:absolute after:inset-0 focus-visible:after:ring-2 focus-visible:after:ring-ring/60 focus-visible:after:ring-inset"
                      >
                        {item.company}
                      </button>
                      <span className="ml-auto shrink-0">
                        {item.slaLevel ? (
                          <SlaBadge level={item.slaLevel} deadline={item.replyDeadlineAt} now={now} />
                        ) : (
                          <DeliveryBadge status={item.deliveryStatus} />
                        )}
                      </span>
                    </div>
                    <div id={`${rowId(item.id)}-summary`} className="grid gap-0.5">
                      <span className="truncate text-xs text-muted-foreground">{item.seekerName}</span>
                      <span className="truncate text-sm">{item.subject}</span>
                      <span className="line-clamp-1 text-xs text-muted-foreground">{item.preview}</span>
                    </div>
                    <div className="flex flex-wrap items-center gap-1.5 pt-1">
                      <ValidationBadge status={item.validation} questions={item.questions} />
                      <ConfidenceBadge confidence={item.confidence} />
                      {item.isOffline ? <OfflineBadge className="relative z-10" /> : null}
                      {item.attentionRequestedAt ? (
                        <Badge variant="orange">
                          <MessageCircleQuestion aria-hidden />
                          Manager asked
                        </Badge>
                      ) : null}
                      <span className="ml-auto inline-flex min-w-0 items-center gap-1 text-xs text-muted-foreground">
                        <UserRound className="size-3 shrink-0" aria-hidden />
                        <span className="truncate">{item.assigneeName ?? 'Unassigned'}</span>
                      </span>
                    </div>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    );
  }

  const bulkBar =
    checked.size > 0 ? (
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1.5 border-y bg-muted/50 py-2 pr-2 pl-4 text-sm">
        <Checkbox
          checked={allChecked ? true : 'indeterminate'}
          onCheckedChange={(value) =>
            onCheckedChange(value === true ? new Set(items.map((item) => item.id)) : new Set())
          }
          aria-label="Select all loaded drafts"
        />
        <span className="font-medium whitespace-nowrap tabular-nums">{checked.size} selected</span>
        <span className="ml-auto" />
        {bulkAssign}
        <Button size="sm" variant="outline" onClick={onBulkArchive} aria-label="Archive selected">
          <Archive />
          Archive
        </Button>
        <Button
          size="icon"
          variant="ghost"
          className="size-8"
          onClick={() => onCheckedChange(new Set())}
          aria-label="Clear selection"
        >
          <X />
        </Button>
      </div>
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
