'use client';

import {
  type Announcements,
  type CollisionDetection,
  closestCorners,
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  DragOverlay,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { arrayMove, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { getEventCoordinates } from '@dnd-kit/utilities';
import { Download, Eye, Filter, KanbanSquare, X } from 'lucide-react';
import dynamic from 'next/dynamic';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { toast } from 'sonner';
import { pollingInterval } from '@/components/live/live-events';
import { useLive } from '@/components/live/live-provider';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { Skeleton } from '@/components/ui/skeleton';
import { api, type RouterInputs } from '@/trpc/react';
import { BoardColumn } from './board-column';
import {
  type ColumnItems,
  columnOf,
  type DealStage,
  itemsOf,
  locate,
  moveCard,
  stageLabels,
  stageOrder,
} from './board-state';
import { DealCardBody } from './deal-card';
import { type CardRect, type ColumnRect, dropTargetAt, isBelowMiddle } from './drop-target';
import { formatMoney } from './format';

// The new-deal dialog (the whole deal form) loads after the first paint.
const DealFormDialog = dynamic(() => import('@/components/deals/deal-form').then((m) => m.DealFormDialog), {
  ssr: false,
});

const slaOptions = [
  ['BREACHED', 'Overdue'],
  ['RED', 'Due now'],
  ['ORANGE', 'Urgent'],
  ['YELLOW', 'Due soon'],
  ['GREEN', 'On track'],
] as const;

type BoardInput = NonNullable<RouterInputs['deals']['board']>;

function useBoardFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const slaLevel = slaOptions.find(([level]) => level === params.get('sla'))?.[0];
  const input: BoardInput = {
    ownerId: params.get('owner') || undefined,
    slaLevel,
    needsReply: params.get('needsReply') === '1' || undefined,
  };
  function update(next: Record<string, string | undefined>) {
    const search = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(next)) {
      if (value) search.set(key, value);
      else search.delete(key);
    }
    const query = search.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }
  return { input, update, isFiltered: Boolean(input.ownerId || input.slaLevel || input.needsReply) };
}

export function BoardView({ canMove }: { canMove: boolean }) {
  const { input, update, isFiltered } = useBoardFilters();
  const utils = api.useUtils();
  const { isLive } = useLive();
  const board = api.deals.board.useQuery(input, { refetchInterval: pollingInterval(isLive, 30_000) });
  const move = api.deals.moveStage.useMutation();
  const [dragItems, setDragItems] = useState<ColumnItems | null>(null);
  const [activeId, setActiveId] = useState<number | null>(null);
  const now = useMemo(() => board.data?.generatedAt ?? new Date(), [board.data]);
  const canDrag = canMove && !isFiltered;

  const items = dragItems ?? itemsOf(board.data);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const cards = useMemo(
    () =>
      new Map((board.data?.columns ?? []).flatMap((column) => column.cards.map((card) => [card.id, card]))),
    [board.data],
  );
  const nameOf = (id: UniqueIdentifier) => cards.get(Number(id))?.company ?? 'The deal';

  /** Up and down move inside a column; left and right jump to the next column at the same height. */
  const keyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
    const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return sortableKeyboardCoordinates(event, args);
    event.preventDefault();
    const { active, collisionRect, droppableRects } = args.context;
    const from = active ? columnOf(itemsRef.current, active.id) : undefined;
    const next = from ? stageOrder[stageOrder.indexOf(from) + step] : undefined;
    const target = next ? droppableRects.get(`column:${next}`) : undefined;
    if (!collisionRect || !target) return undefined;
    return {
      x: target.left + (target.width - collisionRect.width) / 2,
      y: Math.max(target.top, Math.min(collisionRect.top, target.bottom - collisionRect.height)),
    };
  };

  /** With a pointer, the target is the column under it; the keyboard moves by rectangles as before. */
  const collisionDetection: CollisionDetection = (args) => {
    const { pointerCoordinates, droppableContainers, droppableRects } = args;
    if (!pointerCoordinates) return closestCorners(args);
    const columnRects: ColumnRect[] = [];
    const cardRects: CardRect[] = [];
    for (const container of droppableContainers) {
      const rect = droppableRects.get(container.id);
      if (!rect) continue;
      const stage = columnOf(itemsRef.current, container.id);
      if (!stage) continue;
      if (String(container.id).startsWith('column:')) columnRects.push({ stage, rect });
      else cardRects.push({ id: Number(container.id), stage, rect });
    }
    const target = dropTargetAt(pointerCoordinates, columnRects, cardRects);
    if (!target) return [];
    const id = target.cardId ?? `column:${target.stage}`;
    const container = droppableContainers.find((entry) => entry.id === id);
    return container ? [{ id, data: { droppableContainer: container, value: 0 } }] : [];
  };

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // A finger picks a card up by holding it, so swiping over cards still scrolls the board.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates }),
  );

  function describePlace(id: UniqueIdentifier) {
    const stage = columnOf(itemsRef.current, id);
    if (!stage) return 'outside the board';
    const index = itemsRef.current[stage].indexOf(Number(id));
    const total = itemsRef.current[stage].length;
    return index >= 0 ? `${stageLabels[stage]}, position ${index + 1} of ${total}` : stageLabels[stage];
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)} in ${describePlace(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${nameOf(active.id)} is now in ${describePlace(active.id)}.`
        : `${nameOf(active.id)} is not over a column.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `${nameOf(active.id)} was dropped in ${describePlace(active.id)}.`
        : `${nameOf(active.id)} was dropped back where it was.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled; it is back where it was.`,
  };

  // A card dropped where it was picked up would otherwise follow its link (the click lands on it).
  const suppressClickUntil = useRef(0);
  useEffect(() => {
    function onClick(event: MouseEvent) {
      if (Date.now() < suppressClickUntil.current) event.preventDefault();
    }
    window.addEventListener('click', onClick, true);
    return () => window.removeEventListener('click', onClick, true);
  }, []);

  function onDragStart({ active }: DragStartEvent) {
    setActiveId(Number(active.id));
    setDragItems(itemsOf(board.data));
  }

  function onDragOver({ active, over, activatorEvent, delta }: DragOverEvent) {
    if (!over) return;
    setDragItems((current) => {
      if (!current) return current;
      const from = columnOf(current, active.id);
      const to = columnOf(current, over.id);
      if (!from || !to || from === to) return current;
      const target = current[to];
      const overIndex = target.indexOf(Number(over.id));
      const start = getEventCoordinates(activatorEvent);
      const translated = active.rect.current.translated;
      // Below the middle of the card under the pointer (or, by keyboard, under the card's top).
      const y = start && !activatorEvent.type.startsWith('key') ? start.y + delta.y : translated?.top;
      const isBelow = y === undefined ? false : isBelowMiddle(y, over.rect);
      const index = overIndex >= 0 ? overIndex + (isBelow ? 1 : 0) : target.length;
      const id = Number(active.id);
      return {
        ...current,
        [from]: current[from].filter((item) => item !== id),
        [to]: [...target.slice(0, index), id, ...target.slice(index)],
      };
    });
  }

  function onDragCancel() {
    suppressClickUntil.current = Date.now() + 300;
    setActiveId(null);
    setDragItems(null);
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    suppressClickUntil.current = Date.now() + 300;
    const current = dragItems;
    setActiveId(null);
    const id = Number(active.id);
    const original = locate(itemsOf(board.data), id);
    if (!over || !current || !original) {
      setDragItems(null);
      return;
    }
    const stage = columnOf(current, active.id);
    if (!stage) {
      setDragItems(null);
      return;
    }
    const column = current[stage];
    const activeIndex = column.indexOf(id);
    const overIndex = column.indexOf(Number(over.id));
    const final = overIndex >= 0 ? arrayMove(column, activeIndex, overIndex) : column;
    const index = final.indexOf(id);
    setDragItems(null);
    if (stage === original.stage && index === original.index) return;
    commitMove(id, stage, index, original);
  }

  /** Moves a card (optimistically); the toast offers to put it back where it was, as a move of its own. */
  function commitMove(
    id: number,
    stage: DealStage,
    index: number,
    from: { stage: DealStage; index: number } | null,
  ) {
    const previous = utils.deals.board.getData(input);
    if (previous) utils.deals.board.setData(input, moveCard(previous, id, stage, index));
    void utils.deals.board.cancel(input);
    move.mutate(
      { id, stage, position: index },
      {
        onError: (error) => {
          if (previous) utils.deals.board.setData(input, previous);
          toast.error(`Could not move ${nameOf(id)}`, { description: error.message });
        },
        onSuccess: () => {
          toast.success(`${nameOf(id)} moved to ${stageLabels[stage]}`, {
            id: `board-move-${id}`,
            action: from
              ? { label: 'Undo', onClick: () => commitMove(id, from.stage, from.index, null) }
              : undefined,
          });
        },
        onSettled: () => utils.deals.board.invalidate(),
      },
    );
  }

  const owners = board.data?.owners ?? [];
  const exportQuery = new URLSearchParams();
  if (input.ownerId) exportQuery.set('ownerId', input.ownerId);
  if (input.slaLevel) exportQuery.set('slaLevel', input.slaLevel);
  if (input.needsReply) exportQuery.set('needsReply', 'true');
  const columns = board.data?.columns ?? [];
  const totals = columns.reduce(
    (sum, column) => ({ count: sum.count + column.count, budget: sum.budget + column.totalMonthlyBudget }),
    { count: 0, budget: 0 },
  );
  const activeCard = activeId === null ? undefined : cards.get(activeId);

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-4 p-4 md:p-6">
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Deal board</h1>
          <p className="text-sm text-muted-foreground">
            {board.data ? (
              <>
                {totals.count} {totals.count === 1 ? 'deal' : 'deals'} · {formatMoney(totals.budget)}/mo in
                the pipeline
              </>
            ) : (
              'The pipeline by stage, with what needs attention on each card.'
            )}
          </p>
        </div>
        {canMove ? <DealFormDialog deal={null} /> : null}
        <fieldset className="ml-auto flex flex-wrap items-end gap-2" aria-label="Filters">
          <div className="grid gap-1">
            <Label htmlFor="board-owner" className="text-xs text-muted-foreground">
              Owner
            </Label>
            <NativeSelect
              id="board-owner"
              value={input.ownerId ?? ''}
              onChange={(event) => update({ owner: event.target.value || undefined })}
            >
              <option value="">Everyone</option>
              {owners.map((owner) => (
                <option key={owner.id} value={owner.id}>
                  {owner.name}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="grid gap-1">
            <Label htmlFor="board-sla" className="text-xs text-muted-foreground">
              Reply time
            </Label>
            <NativeSelect
              id="board-sla"
              value={input.slaLevel ?? ''}
              onChange={(event) => update({ sla: event.target.value || undefined })}
            >
              <option value="">Any</option>
              {slaOptions.map(([level, label]) => (
                <option key={level} value={level}>
                  {label}
                </option>
              ))}
            </NativeSelect>
          </div>
          <Button
            variant={input.needsReply ? 'default' : 'outline'}
            aria-pressed={Boolean(input.needsReply)}
            onClick={() => update({ needsReply: input.needsReply ? undefined : '1' })}
          >
            <Filter />
            Needs reply
          </Button>
          {isFiltered ? (
            <Button
              variant="ghost"
              onClick={() => update({ owner: undefined, sla: undefined, needsReply: undefined })}
            >
              <X />
              Clear
            </Button>
          ) : null}
          <Button variant="outline" asChild>
            <a href={`/api/export/board${exportQuery.size ? `?${exportQuery}` : ''}`} download>
              <Download />
              Export CSV
            </a>
          </Button>
        </fieldset>
      </div>

      {!canMove ? (
        <p className="flex items-center gap-2 rounded-lg border bg-muted/40 px-3 py-2 text-sm text-muted-foreground">
          <Eye className="size-4 shrink-0" aria-hidden />
          You are viewing the board read-only: only managers and admins move deals between stages.
        </p>
      ) : isFiltered ? (
        <p className="flex items-center gap-2 rounded-lg border bg-muted/40 px-3 py-2 text-sm text-muted-foreground">
          <Filter className="size-4 shrink-0" aria-hidden />
          Filters are on, so cards cannot be moved (their order is the whole column’s). Clear the filters to
          move cards.
        </p>
      ) : null}

      {board.isPending ? (
        <div
          className="grid flex-1 gap-3 md:grid-cols-4"
          role="status"
          aria-busy="true"
          aria-label="Loading the board"
        >
          {stageOrder.map((stage) => (
            <div key={stage} className="grid content-start gap-2 rounded-xl border bg-muted/40 p-3">
              <Skeleton className="h-5 w-24" />
              <Skeleton className="h-28 w-full" />
              <Skeleton className="h-28 w-full" />
            </div>
          ))}
        </div>
      ) : board.isError ? (
        <div role="alert" className="grid justify-items-start gap-3 rounded-lg border p-6 text-sm">
          <p>Could not load the board: {board.error.message}</p>
          <Button variant="outline" size="sm" onClick={() => board.refetch()}>
            Try again
          </Button>
        </div>
      ) : totals.count === 0 && !isFiltered ? (
        <div className="flex flex-1 flex-col items-center justify-center gap-2 rounded-xl border border-dashed p-10 text-center text-sm text-muted-foreground">
          <KanbanSquare className="size-8" aria-hidden />
          <p className="font-medium text-foreground">No deals yet</p>
          <p>A deal starts in Inquiry when a space seeker first writes in.</p>
        </div>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={collisionDetection}
          onDragStart={onDragStart}
          onDragOver={onDragOver}
          onDragEnd={onDragEnd}
          onDragCancel={onDragCancel}
          accessibility={{
            announcements,
            screenReaderInstructions: {
              draggable:
                'To move a deal, press space or enter on its Move button. Use the arrow keys to move it up or down, or to another column. Press space or enter to drop it, or escape to cancel.',
            },
          }}
        >
          <div className="-mx-4 flex min-h-0 flex-1 gap-3 overflow-x-auto px-4 pb-2 md:mx-0 md:px-0">
            {stageOrder.map((stage) => {
              const column = columns.find((c) => c.stage === stage);
              const ids = items[stage];
              const stageCards = ids.flatMap((id) => {
                const card = cards.get(id);
                return card ? [card] : [];
              });
              const overStage = activeId !== null ? columnOf(items, activeId) : undefined;
              return (
                <BoardColumn
                  key={stage}
                  stage={stage}
                  cards={stageCards}
                  count={dragItems ? stageCards.length : (column?.count ?? 0)}
                  totalMonthlyBudget={
                    dragItems
                      ? stageCards.reduce((sum, card) => sum + card.monthlyBudget, 0)
                      : (column?.totalMonthlyBudget ?? 0)
                  }
                  now={now}
                  canMove={canDrag}
                  isTarget={overStage === stage && activeId !== null}
                />
              );
            })}
          </div>
          <DragOverlay dropAnimation={null}>
            {activeCard ? <DealCardBody card={activeCard} now={now} isOverlay /> : null}
          </DragOverlay>
        </DndContext>
      )}
    </div>
  );
}
