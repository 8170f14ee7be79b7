import type { DealStage } from './board-state';

type Rect = { top: number; left: number; width: number; height: number };
export type ColumnRect = { stage: DealStage; rect: Rect };
export type CardRect = { id: number; stage: DealStage; rect: Rect };

/** How far above or below a column's list the pointer may be and still count as over it. */
const VERTICAL_SLACK = 48;

/**
 * What a dragged card is over: the column whose span holds the pointer (not where the card's own
 * rectangle lands, which for a wide card is often the next column), and in it the card whose
 * middle is nearest the pointer's height, or the column itself when it is empty. `null` when the
 * pointer is over no column, so the drop puts the card back.
 */
export function dropTargetAt(
  pointer: { x: number; y: number },
  columns: ColumnRect[],
  cards: CardRect[],
): { stage: DealStage; cardId: number | null } | null {
  const column = columns.find(
    ({ rect }) =>
      pointer.x >= rect.left &&
      pointer.x <= rect.left + rect.width &&
      pointer.y >= rect.top - VERTICAL_SLACK &&
      pointer.y <= rect.top + rect.height + VERTICAL_SLACK,
  );
  if (!column) return null;
  let nearest: { id: number; distance: number } | null = null;
  for (const card of cards) {
    if (card.stage !== column.stage) continue;
    const distance = Math.abs(card.rect.top + card.rect.height / 2 - pointer.y);
    if (!nearest || distance < nearest.distance) nearest = { id: card.id, distance };
  }
  return { stage: column.stage, cardId: nearest?.id ?? null };
}

/** Whether a card dropped next to `over` goes after it: the pointer is below its middle. */
export function isBelowMiddle(pointerY: number, over: Rect) {
  return pointerY > over.top + over.height / 2;
}
