/**
 * The one policy every procedure's input passes before its own schema: what PostgreSQL, jsonb and
 * our date handling cannot store or compare is refused here as bad input, so no odd string
 * reaches the database as a 500. Applied to the raw input in `publicProcedure` (src/server/trpc.ts).
 */

/** Longer than any email body we keep (a draft, a pasted thread); a 1 MB string is not input. */
export const MAX_STRING_LENGTH = 100_000;
/** No input of ours nests deeper than a handful of levels. */
export const MAX_DEPTH = 12;
export const MAX_ARRAY_LENGTH = 1_000;
/** Years a date in this product can mean; year 0 and 275760 are probes, not deadlines. */
export const EARLIEST_YEAR = 1970;
export const LATEST_YEAR = 2200;

export type InputProblem = { path: string; problem: string };

// A lone high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ISO_DATE_START = /^([+-]\d{6}|\d{4})-\d{2}-\d{2}(?:$|T)/;

export function isSaneDate(date: Date): boolean {
  const time = date.getTime();
  if (!Number.isFinite(time)) return false;
  const year = date.getUTCFullYear();
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

export function stringProblem(value: string, maxLength = MAX_STRING_LENGTH): string | null {
  if (value.length > maxLength) return `longer than ${maxLength} characters`;
  if (value.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(value)) return 'is not well-formed Unicode';
  // A whole-string ISO date (a range end, a deadline) must be one we can store and compare.
  const isoDate = ISO_DATE_START.exec(value);
  if (isoDate) {
    const parsed = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(parsed.getTime()) || !isSaneDate(parsed)) {
      return `is not a date between ${EARLIEST_YEAR} and ${LATEST_YEAR}`;
    }
  }
  return null;
}

const label = (path: (string | number)[]) => (path.length ? path.join('.') : 'input');

/** The first thing in `value` the policy refuses, with where it is; null when all is well. */
/**
 * `maxStringLength` lifts the string bound for a procedure whose input is a document by design
 * (a CSV import), declared in its meta; every other rule still applies.
 */
export function findInputProblem(
  value: unknown,
  { maxStringLength = MAX_STRING_LENGTH }: { maxStringLength?: number } = {},
): InputProblem | null {
  const walk = (node: unknown, path: (string | number)[], depth: number): InputProblem | null => {
    if (depth > MAX_DEPTH) return { path: label(path), problem: `nested deeper than ${MAX_DEPTH} levels` };
    if (typeof node === 'string') {
      const problem = stringProblem(node, maxStringLength);
      return problem ? { path: label(path), problem } : null;
    }
    if (typeof node === 'number') {
      return Number.isFinite(node) ? null : { path: label(path), problem: 'is not a finite number' };
    }
    if (node instanceof Date) {
      return isSaneDate(node)
        ? null
        : { path: label(path), problem: `is not a date between ${EARLIEST_YEAR} and ${LATEST_YEAR}` };
    }
    if (Array.isArray(node)) {
      if (node.length > MAX_ARRAY_LENGTH) {
        return { path: label(path), problem: `has more than ${MAX_ARRAY_LENGTH} items` };
      }
      for (let index = 0; index < node.length; index += 1) {
        const found = walk(node[index], [...path, index], depth + 1);
        if (found) return found;
      }
      return null;
    }
    if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        const keyProblem = stringProblem(key);
        if (keyProblem) return { path: label([...path, key.slice(0, 40)]), problem: `key ${keyProblem}` };
        const found = walk(child, [...path, key], depth + 1);
        if (found) return found;
      }
      return null;
    }
    return null;
  };
  return walk(value, [], 0);
}
