import { describe, expect, it } from 'vitest';
import { type CardRect, type ColumnRect, dropTargetAt, isBelowMiddle } from './drop-target';

const rect = (left: number, top: number, width: number, height: number) => ({ left, top, width, height });
const columns: ColumnRect[] = [
  { stage: 'inquiry', rect: rect(0, 100, 300, 600) },
  { stage: 'touring', rect: rect(312, 100, 300, 600) },
  { stage: 'negotiating', rect: rect(624, 100, 300, 600) },
  { stage: 'closed', rect: rect(936, 100, 300, 600) },
];
const cards: CardRect[] = [
  { id: 1, stage: 'inquiry', rect: rect(8, 108, 284, 150) },
  { id: 2, stage: 'inquiry', rect: rect(8, 266, 284, 150) },
  { id: 3, stage: 'touring', rect: rect(320, 108, 284, 150) },
  { id: 4, stage: 'touring', rect: rect(320, 266, 284, 150) },
];

describe('dropTargetAt', () => {
  it.each([
    [
      'the column under the pointer, at its nearest card',
      { x: 400, y: 300 },
      { stage: 'touring', cardId: 4 },
    ],
    [
      'the first card when the pointer is high in the column',
      { x: 400, y: 120 },
      { stage: 'touring', cardId: 3 },
    ],
    ['an empty column itself', { x: 700, y: 400 }, { stage: 'negotiating', cardId: null }],
    [
      'a column by its right edge, not the card rect’s centre',
      { x: 611, y: 200 },
      { stage: 'touring', cardId: 3 },
    ],
    ['the column just above its list (its header)', { x: 1000, y: 70 }, { stage: 'closed', cardId: null }],
    [
      'the last card when the pointer is below every card',
      { x: 100, y: 690 },
      { stage: 'inquiry', cardId: 2 },
    ],
  ] as const)('finds %s', (_, pointer, expected) => {
    expect(dropTargetAt(pointer, columns, cards)).toEqual(expected);
  });

  it.each([
    ['in the gap between two columns', { x: 306, y: 300 }],
    ['far above the board', { x: 400, y: 0 }],
    ['past the last column', { x: 1300, y: 300 }],
  ] as const)('finds nothing %s', (_, pointer) => {
    expect(dropTargetAt(pointer, columns, cards)).toBeNull();
  });

  it('finds nothing on a board without columns', () => {
    expect(dropTargetAt({ x: 10, y: 10 }, [], [])).toBeNull();
  });
});

describe('isBelowMiddle', () => {
  it.each([
    [100, false],
    [183, false],
    [184, true],
    [300, true],
  ])('pointer at %i below a card spanning 108–258: %s', (y, expected) => {
    expect(isBelowMiddle(y, rect(0, 108, 10, 150))).toBe(expected);
  });
});
