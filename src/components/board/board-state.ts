export const stageOrder = ['inquiry', 'touring', 'negotiating', 'closed'] as const;
export type DealStage = (typeof stageOrder)[number];

export const stageLabels: Record<DealStage, string> = {
  inquiry: 'Inquiry',
  touring: 'Touring',
  negotiating: 'Negotiating',
  closed: 'Closed',
};

type CardLike = { id: number; monthlyBudget: number; stage: DealStage; daysInStage: number };
type ColumnLike<C extends CardLike> = {
  stage: DealStage;
  count: number;
  totalMonthlyBudget: number;
  cards: C[];
};
type BoardLike<C extends CardLike> = { columns: ColumnLike<C>[] };

/** Card ids per column, in order: what drag and drop rearranges while a card is in the air. */
export type ColumnItems = Record<DealStage, number[]>;

export function itemsOf<C extends CardLike>(board: BoardLike<C> | undefined): ColumnItems {
  const items: ColumnItems = { inquiry: [], touring: [], negotiating: [], closed: [] };
  for (const column of board?.columns ?? []) items[column.stage] = column.cards.map((card) => card.id);
  return items;
}

/** Which column holds `id`: a column's own droppable id (`column:<stage>`) or a card in it. */
export function columnOf(items: ColumnItems, id: string | number): DealStage | undefined {
  if (typeof id === 'string' && id.startsWith('column:')) {
    const stage = id.slice('column:'.length);
    return stageOrder.find((s) => s === stage);
  }
  return stageOrder.find((stage) => items[stage].includes(Number(id)));
}

/** Where a card is: its column and index, or undefined when it is not on the board. */
export function locate(items: ColumnItems, id: number) {
  for (const stage of stageOrder) {
    const index = items[stage].indexOf(id);
    if (index >= 0) return { stage, index };
  }
  return undefined;
}

/** Moves `id` to `stage` at `index` (the end when past it). Used for the optimistic board. */
export function moveCard<C extends CardLike, B extends BoardLike<C>>(
  board: B,
  id: number,
  stage: DealStage,
  index: number,
): B {
  const card = board.columns.flatMap((column) => column.cards).find((c) => c.id === id);
  if (!card) return board;
  const moved: C = card.stage === stage ? card : { ...card, stage, daysInStage: 0 };
  const columns = board.columns.map((column) => {
    const cards = column.cards.filter((c) => c.id !== id);
    if (column.stage === stage) cards.splice(Math.min(index, cards.length), 0, moved);
    return {
      ...column,
      cards,
      count: cards.length,
      totalMonthlyBudget: cards.reduce((sum, c) => sum + c.monthlyBudget, 0),
    };
  });
  return { ...board, columns };
}
