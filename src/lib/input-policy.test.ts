import { describe, expect, it } from 'vitest';
import { findInputProblem, MAX_DEPTH, MAX_STRING_LENGTH } from './input-policy';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

describe('findInputProblem', () => {
  it.each([
    ['plain text', { body: 'Hello, the 3rd floor is free from 1 March.' }],
    ['emoji and accents (surrogate pairs are fine)', { body: 'Grüße 😀 — 東京' }],
    ['a day in range', { from: '2026-01-01', to: '2026-01-31' }],
    ['a timestamp in range', { at: '2026-03-01T09:30:00.000Z' }],
    ['a date object in range', { at: new Date('2030-01-01T00:00:00Z') }],
    ['the longest allowed string', { body: 'x'.repeat(MAX_STRING_LENGTH) }],
    ['nesting at the limit', nested(MAX_DEPTH)],
    ['numbers, booleans, null, undefined', { id: 3, ok: true, cursor: null, note: undefined }],
    ['no input', undefined],
  ])('accepts %s', (_label, input) => {
    expect(findInputProblem(input)).toBeNull();
  });

  it.each([
    ['a NUL byte', { body: 'a\u0000b' }, 'body', 'NUL'],
    ['a lone high surrogate', { reason: 'x\uD800' }, 'reason', 'Unicode'],
    ['a lone low surrogate', { reason: '\uDC00x' }, 'reason', 'Unicode'],
    ['surrogates in the wrong order', { reason: '\uDE00\uD83D' }, 'reason', 'Unicode'],
    ['a 1 MB string', { signature: 'x'.repeat(1_000_000) }, 'signature', 'longer'],
    ['year 0000', { from: '0000-01-01' }, 'from', 'date'],
    ['year 9999', { to: '9999-12-31' }, 'to', 'date'],
    ['year 275760', { at: '+275760-09-13T00:00:00.000Z' }, 'at', 'date'],
    ['an invalid Date', { at: new Date(Number.NaN) }, 'at', 'date'],
    ['a Date out of range', { at: new Date(-62_000_000_000_000) }, 'at', 'date'],
    ['a NUL deep in an array', { items: [{ ok: 'fine' }, { name: '\u0000' }] }, 'items.1.name', 'NUL'],
    ['a NUL in a key', { 'bad\u0000key': 1 }, 'bad', 'NUL'],
    ['a bare string with NUL', '\u0000', 'input', 'NUL'],
    ['deep nesting', nested(10_000), 'a.a.a', 'nested'],
    ['a huge array', { ids: Array.from({ length: 5_000 }, (_, index) => index) }, 'ids', 'items'],
    ['an infinite number', { position: Number.POSITIVE_INFINITY }, 'position', 'finite'],
  ])('refuses %s, naming where', (_label, input, path, problem) => {
    const found = findInputProblem(input);
    expect(found?.path).toContain(path);
    expect(found?.problem).toContain(problem);
  });
});
