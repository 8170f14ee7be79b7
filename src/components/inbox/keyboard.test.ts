import { describe, expect, it } from 'vitest';
import {
  commandFor,
  isTypingTarget,
  type KeyPress,
  neighbourId,
  neighboursToPrefetch,
  nextAfterDone,
} from './keyboard';

const onPage = { tagName: 'BODY' };
const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key, target: onPage, ...extra });

describe('inbox shortcuts', () => {
  it.each<[string, KeyPress, { onQueueRow?: boolean }, string | null]>([
    ['j moves down', press('j'), {}, 'next'],
    ['k moves up', press('k'), {}, 'previous'],
    ['a approves', press('a'), {}, 'approve'],
    ['s sends', press('s'), {}, 'send'],
    ['# archives', press('#'), {}, 'archive'],
    ['z undoes', press('z'), {}, 'undo'],
    ['? shows help', press('?'), {}, 'help'],
    ['e edits', press('e'), {}, 'edit'],
    ['r regenerates', press('r'), {}, 'regenerate'],
    ['/ searches', press('/'), {}, 'search'],
    [
      '/ typed into the instruction stays a slash',
      press('/', { target: { tagName: 'INPUT', type: 'text' } }),
      {},
      null,
    ],
    ["/ inside a dialog is the dialog's", press('/', { inDialog: true }), {}, null],
    [
      "a in the palette's search field is a letter",
      press('a', { target: { tagName: 'INPUT', role: 'combobox' } }),
      {},
      null,
    ],
    ['Enter opens a queue row', press('Enter'), { onQueueRow: true }, 'open'],
    ['Enter elsewhere keeps its meaning', press('Enter'), {}, null],
    ['ignores keys typed into the body', press('a', { target: { tagName: 'TEXTAREA' } }), {}, null],
    [
      'ignores keys typed into the instruction',
      press('s', { target: { tagName: 'INPUT', type: 'text' } }),
      {},
      null,
    ],
    [
      'ignores keys in a contenteditable',
      press('j', { target: { tagName: 'DIV', isContentEditable: true } }),
      {},
      null,
    ],
    [
      'still works on a focused checkbox',
      press('j', { target: { tagName: 'INPUT', type: 'checkbox' } }),
      {},
      'next',
    ],
    ['still works on a focused button', press('a', { target: { tagName: 'BUTTON' } }), {}, 'approve'],
    ['leaves browser shortcuts alone (Ctrl+A)', press('a', { ctrlKey: true }), {}, null],
    ['leaves OS shortcuts alone (Cmd+S)', press('s', { metaKey: true }), {}, null],
    ['leaves dialogs their own keys', press('a', { inDialog: true }), {}, null],
    ['ignores keys on a focused select', press('j', { target: { tagName: 'SELECT' } }), {}, null],
    ['ignores keys in a textbox role', press('a', { target: { tagName: 'DIV', role: 'textbox' } }), {}, null],
    [
      'ignores keys in a search field',
      press('s', { target: { tagName: 'INPUT', type: 'search' } }),
      {},
      null,
    ],
    ['ignores capital letters (Shift+A)', press('A'), {}, null],
    ['ignores other keys', press('q'), {}, null],
    ['selects the draft for bulk actions with x', press('x'), { onQueueRow: true }, 'select'],
    ['leaves x alone while typing', press('x', { target: { tagName: 'TEXTAREA' } }), {}, null],
  ])('%s', (_name, keyPress, options, expected) => {
    expect(commandFor(keyPress, options)).toBe(expected);
  });

  it('treats a missing target as not typing', () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({ tagName: 'DIV', role: 'textbox' })).toBe(true);
  });
});

describe('j and k open the neighbouring draft', () => {
  it.each<[string, number[], number | null, 'next' | 'previous', number | null]>([
    ['j opens the next draft', [1, 2, 3], 2, 'next', 3],
    ['k opens the previous draft', [1, 2, 3], 2, 'previous', 1],
    ['j stays on the last draft', [1, 2, 3], 3, 'next', null],
    ['k stays on the first draft', [1, 2, 3], 1, 'previous', null],
    ['j with nothing open opens the first', [4, 5], null, 'next', 4],
    ['k with nothing open opens the last', [4, 5], null, 'previous', 5],
    ['j from a draft no longer in the queue opens the first', [4, 5], 9, 'next', 4],
    ['an empty queue opens nothing', [], 2, 'next', null],
    ['a queue of one opens nothing more', [7], 7, 'next', null],
  ])('%s', (_name, ids, current, direction, expected) => {
    expect(neighbourId(ids, current, direction)).toBe(expected);
  });

  it.each<[string, number[], number | null, number[]]>([
    ['prefetches both neighbours', [1, 2, 3], 2, [3, 1]],
    ['prefetches only the next at the top', [1, 2, 3], 1, [2]],
    ['prefetches only the previous at the bottom', [1, 2, 3], 3, [2]],
    ['prefetches the first when nothing is open', [1, 2, 3], null, [1]],
    ['prefetches nothing in an empty queue', [], null, []],
  ])('%s', (_name, ids, current, expected) => {
    expect(neighboursToPrefetch(ids, current)).toEqual(expected);
  });
});

describe('after a send or an archive', () => {
  it.each<[string, number[], number, number | null]>([
    ['opens the next draft', [1, 2, 3], 2, 3],
    ['opens the one above at the end of the queue', [1, 2, 3], 3, 2],
    ['opens nothing when it was the last one', [7], 7, null],
    ['opens the first when the done draft was not in the queue', [4, 5], 9, 4],
    ['opens nothing in an empty queue', [], 9, null],
  ])('%s', (_name, ids, done, expected) => {
    expect(nextAfterDone(ids, done)).toBe(expected);
  });
});
