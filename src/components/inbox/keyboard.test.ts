import { describe, expect, it } from 'vitest';
import { commandFor, isTypingTarget, type KeyPress } from './keyboard';

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
    ['ignores capital letters (Shift+A)', press('A'), {}, null],
    ['ignores other keys', press('x'), {}, null],
  ])('%s', (_name, keyPress, options, expected) => {
    expect(commandFor(keyPress, options)).toBe(expected);
  });

  it('treats a missing target as not typing', () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({ tagName: 'DIV', role: 'textbox' })).toBe(true);
  });
});
