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
import { useEffect, useRef, useState } from 'react';
import type { RouterOutputs } from '@/trpc/react';
import { BoardColumn } from './board-column';
import {
  type ColumnItems,
  columnOf,
  type DealStage,
  itemsOf,
  locate,
  stageLabels,
  stageOrder,
} from './board-state';
import { type BoardCard, DealCardBody } from './deal-card';
import { type CardRect, type ColumnRect, dropTargetAt, isBelowMiddle } from './drop-target';

export type BoardMove = (
  id: number,
  stage: DealStage,
  index: number,
  from: { stage: DealStage; index: number } | null,
) => void;

/**
 * The board's columns and cards with their drag and drop (mouse, touch and keyboard). Loaded right
 * after the first paint, while the board's data is fetched: the board shows its skeleton until both
 * are there (dnd-kit is ~16 kB gzipped of first-load JS otherwise).
 */
export function BoardCanvas({
  data,
  cards,
  now,
  canDrag,
  onMove,
}: {
  data: RouterOutputs['deals']['board'];
  cards: Map<number, BoardCard>;
  now: Date;
  canDrag: boolean;
  /** A card dropped somewhere else than where it was picked up. */
  onMove: BoardMove;
}) {
  const [dragItems, setDragItems] = useState<ColumnItems | null>(null);
  const [activeId, setActiveId] = useState<number | null>(null);
  const items = dragItems ?? itemsOf(data);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const nameOf = (id: UniqueIdentifier) => cards.get(Number(id))?.company ?? 'The deal';
  const columns = data.columns;

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
    setDragItems(itemsOf(data));
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
    const original = locate(itemsOf(data), id);
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
    onMove(id, stage, index, original);
  }

  const activeCard = activeId === null ? undefined : cards.get(activeId);

  return (
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
  );
}
