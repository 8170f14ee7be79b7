import { type RequirementField, type RequirementValue, requirementFields } from '../../../../db/schema';
import type { ExtractedRequirements } from './extract';

export type LabelledEmail = { id: string; expected: Partial<Record<string, RequirementValue>> };
export type FieldScore = { field: RequirementField; correct: number; total: number; misses: string[] };

const same = (a: RequirementValue | undefined, b: RequirementValue | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Exact-match accuracy per field over labelled emails: a field absent on both sides counts as right. */
export function scoreExtraction(
  cases: Array<{ email: LabelledEmail; extracted: ExtractedRequirements }>,
): FieldScore[] {
  return requirementFields.map((field) => {
    const misses: string[] = [];
    for (const { email, extracted } of cases) {
      const got = extracted[field]?.value;
      const want = email.expected[field];
      if (!same(got, want))
        misses.push(
          `${email.id}: expected ${JSON.stringify(want ?? null)}, got ${JSON.stringify(got ?? null)}`,
        );
    }
    return { field, correct: cases.length - misses.length, total: cases.length, misses };
  });
}
