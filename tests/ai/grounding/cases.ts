import { describe, expect, it } from 'vitest';
import type { DraftContext } from '../../../src/server/ai/context';
import { checkGrounding } from '../../../src/server/ai/grounding';
import { seedContext } from '../fixtures';

/**
 * One claim family as a table, both directions: each grounded phrasing passes with no issue at all,
 * each wrong one (the same phrasing with a wrong figure) fails with exactly one error on `claim`.
 */
export function family(
  name: string,
  rows: { pass: string[]; fail: Array<[body: string, claim: string]> },
  context: DraftContext = seedContext('acme'),
) {
  describe(`${name}: grounded phrasings pass`, () => {
    it.each(rows.pass)('%j', (body) => {
      expect(checkGrounding(body, context)).toEqual([]);
    });
  });
  describe(`${name}: a wrong figure fails`, () => {
    it.each(rows.fail)('%j flags %j', (body, claim) => {
      const errors = checkGrounding(body, context).filter((issue) => issue.severity === 'error');
      expect(errors.map((issue) => issue.claim)).toEqual([claim]);
      expect(errors[0]?.expected.length).toBeGreaterThan(0);
    });
  });
}
