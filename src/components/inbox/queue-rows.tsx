'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { Archive, MessageCircleQuestion, UserRound, X } from 'lucide-react';
import { useEffect, useImperativeHandle, useRef } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { cn } from '@/lib/utils';
import { type QueueHandle, type QueueItem, rowId } from './queue-item';
import { SlaBadge } from './sla-badge';
import { ConfidenceBadge, DeliveryBadge, OfflineBadge, ValidationBadge } from './status-badges';

/**
 * The queue's rows (virtualized: only those in view are in the page) and the bulk bar over them.
 * Loaded right after the first paint, while the queue's first page is fetched: the queue shows its
 * skeleton until both are there (TanStack Virtual, Radix's checkbox and tooltip are ~15 kB gzipped).
 */
export function QueueRows({
  handleRef,
  listName,
  items,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  selectedId,
  onOpen,
  checked,
  toggle,
  now,
}: {
  handleRef: React.Ref<QueueHandle>;
  listName: string;
  items: QueueItem[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  selectedId: number | null;
  onOpen: (id: number) => void;
  checked: ReadonlySet<number>;
  /** Checks or unchecks a row; `isRange`: the rows from the last one toggled (shift-click). */
  toggle: (id: number, isChecked: boolean, isRange?: boolean) => void;
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
    handleRef,
    () => ({ scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) }),
    [virtualizer],
  );

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= items.length - 1) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, items.length, fetchNextPage]);

  return (
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

export function BulkBar({
  items,
  checked,
  onCheckedChange,
  onBulkArchive,
  bulkAssign,
}: {
  items: QueueItem[];
  checked: ReadonlySet<number>;
  onCheckedChange: (ids: ReadonlySet<number>) => void;
  onBulkArchive: () => void;
  bulkAssign?: React.ReactNode;
}) {
  const allChecked = items.length > 0 && items.every((item) => checked.has(item.id));
  return (
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
  );
}
