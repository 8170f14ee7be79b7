import { z } from 'zod';
import { isSaneDate } from './input-policy';

/** Opaque keyset cursors: a JSON object in base64url, so clients cannot depend on its shape. */
export function encodeCursor(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * The cursor's contents when they fit `shape`, otherwise null: a cursor comes back from the client,
 * so it is input like any other (a year 275760 or "not a date" must not reach the database).
 */
export function decodeCursor<T>(cursor: string, shape: z.ZodType<T>): T | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = shape.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A timestamp inside a cursor, as `Date.toISOString()` wrote it, within the years we store. */
export const cursorTimestamp = z.iso
  .datetime()
  .refine((value) => isSaneDate(new Date(value)), 'a timestamp in range');

/** A row id inside a cursor. */
export const cursorId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
