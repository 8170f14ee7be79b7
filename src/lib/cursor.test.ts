import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cursorId, cursorTimestamp, decodeCursor, encodeCursor } from './cursor';

const shape = z.object({ d: cursorTimestamp.nullable(), id: cursorId });
const raw = (text: string) => Buffer.from(text).toString('base64url');

describe('decodeCursor', () => {
  it('reads back what encodeCursor wrote', () => {
    const value = { d: new Date('2026-03-01T09:30:00Z').toISOString(), id: 42 };
    expect(decodeCursor(encodeCursor(value), shape)).toEqual(value);
    expect(decodeCursor(encodeCursor({ d: null, id: 7 }), shape)).toEqual({ d: null, id: 7 });
  });

  it.each([
    ['a date that is not one', encodeCursor({ d: 'not a date', id: 1 })],
    ['year 275760', encodeCursor({ d: new Date(8.64e15).toISOString(), id: 1 })],
    ['year 0000', encodeCursor({ d: '0000-01-01T00:00:00.000Z', id: 1 })],
    ['year 9999', encodeCursor({ d: '9999-12-31T00:00:00.000Z', id: 1 })],
    ['a fractional id', encodeCursor({ d: null, id: 1.5 })],
    ['an id past 2^53', raw('{"d":null,"id":1e300}')],
    ['a missing id', encodeCursor({ d: null })],
    ['not JSON', raw('{"d":')],
    ['not base64 JSON at all', '%%%'],
    ['a JSON string', raw('"hello"')],
    ['JSON null', raw('null')],
  ])('refuses %s', (_label, cursor) => {
    expect(decodeCursor(cursor, shape)).toBeNull();
  });
});
