import { describe, expect, it } from 'vitest';
import { columnOf, itemsOf, locate, moveCard } from './board-state';

const card = (id: number, stage: 'inquiry' | 'touring' | 'negotiating' | 'closed', budget: number) => ({
  id,
  stage,
  monthlyBudget: budget,
  daysInStage: 5,
});

const board = {
  columns: [
    {
      stage: 'inquiry' as const,
      count: 2,
      totalMonthlyBudget: 300,
      cards: [card(1, 'inquiry', 100), card(2, 'inquiry', 200)],
    },
    { stage: 'touring' as const, count: 1, totalMonthlyBudget: 50, cards: [card(3, 'touring', 50)] },
    { stage: 'negotiating' as const, count: 0, totalMonthlyBudget: 0, cards: [] },
    { stage: 'closed' as const, count: 0, totalMonthlyBudget: 0, cards: [] },
  ],
};

describe('moveCard', () => {
  it('moves a card across columns, re-adding counts and budgets, and restarts its days in stage', () => {
    const next = moveCard(board, 1, 'touring', 0);
    expect(next.columns[0]).toMatchObject({ count: 1, totalMonthlyBudget: 200 });
    expect(next.columns[1]).toMatchObject({ count: 2, totalMonthlyBudget: 150 });
    expect(next.columns[1]?.cards.map((c) => [c.id, c.stage, c.daysInStage])).toEqual([
      [1, 'touring', 0],
      [3, 'touring', 5],
    ]);
    expect(board.columns[0]?.cards).toHaveLength(2);
  });

  it('reorders inside a column without touching days in stage', () => {
    const next = moveCard(board, 1, 'inquiry', 1);
    expect(next.columns[0]?.cards.map((c) => [c.id, c.daysInStage])).toEqual([
      [2, 5],
      [1, 5],
    ]);
  });

  it('puts a card into an empty column and clamps an index past the end', () => {
    const next = moveCard(board, 3, 'closed', 99);
    expect(next.columns[3]?.cards.map((c) => c.id)).toEqual([3]);
    expect(next.columns[1]?.count).toBe(0);
  });

  it('leaves the board alone for an unknown card', () => {
    expect(moveCard(board, 42, 'closed', 0)).toBe(board);
  });
});

describe('column lookups', () => {
  it('finds a card’s column and index, and a column by its droppable id', () => {
    const items = itemsOf(board);
    expect(columnOf(items, 2)).toBe('inquiry');
    expect(columnOf(items, 'column:negotiating')).toBe('negotiating');
    expect(columnOf(items, 'column:nowhere')).toBeUndefined();
    expect(locate(items, 3)).toEqual({ stage: 'touring', index: 0 });
    expect(locate(items, 9)).toBeUndefined();
  });
});
