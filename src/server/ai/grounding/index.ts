import type {
  DraftValidation,
  QuestionsSummary,
  ValidationIssue,
  ValidationStatus,
} from '../../../../db/schema';
import type { DraftContext } from '../context';
import { Checker, skippedSpans } from './checker';
import { checkAddresses } from './checks/addresses';
import { checkAmenities } from './checks/amenities';
import { checkBudget } from './checks/budget';
import { checkConcessions } from './checks/concessions';
import { checkCounts } from './checks/counts';
import { checkDates } from './checks/dates';
import { checkInternet } from './checks/internet';
import { checkMoney } from './checks/money';
import { checkPolicies } from './checks/policies';
import { checkSchedule } from './checks/schedule';
import { checkSoftClaims } from './checks/soft';
import { checkCompleteness } from './completeness';
import { groundingIndex } from './facts';

/**
 * Grounding checks, in code: every checkable claim in a draft body (money, counts, tour slots,
 * hours, addresses, amenity and policy statements) is matched against the deal, its spaces and
 * the thread. Pure and synchronous; the index of facts is built once per context.
 *
 * A claim the records contradict or cannot support is an `error`; a statement they neither
 * confirm nor contradict is a `warning`.
 */

export { type Completeness, checkCompleteness, DEFERRAL } from './completeness';
export { computeConfidence } from './confidence';
export { groundingIndex, indexSpace, indexSpaces } from './facts';
export { type Question, type QuestionTopic, questionsIn, questionsToAnswer } from './questions';
export { slotMinutes } from './text';

/** Every grounding issue in a body, in the order they appear. */
export function checkGrounding(body: string, context: DraftContext): ValidationIssue[] {
  const checker = new Checker(
    body,
    body.toLowerCase(),
    groundingIndex(context),
    skippedSpans(body, context.signature),
  );
  // Order matters: the first check to claim a span owns it (an address number is not a count).
  checkAddresses(checker);
  checkDates(checker);
  checkSchedule(checker);
  checkBudget(checker);
  checkMoney(checker);
  checkConcessions(checker);
  checkInternet(checker);
  checkCounts(checker);
  checkPolicies(checker);
  checkAmenities(checker);
  checkSoftClaims(checker);
  return checker.issues.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
}

/** passed / warnings / failed from a list of issues. */
export function validationStatusOf(issues: ValidationIssue[]): ValidationStatus {
  if (issues.some((issue) => issue.severity === 'error')) return 'failed';
  if (issues.length > 0) return 'warnings';
  return 'passed';
}

/**
 * The grounding layer alone, as stored on a draft: what an agent's edit re-runs. Claims checked
 * against the records, and the seeker's questions checked for an answer or a deferral. Build the
 * context with `loadDraftContext(db, { organizationId, inboundEmailId })` from `../context`.
 */
export function validateDraftBody(body: string, context: DraftContext, now = new Date()): DraftValidation {
  const completeness = checkCompleteness(body, context);
  const issues = [...checkGrounding(body, context), ...completeness.issues];
  return {
    status: validationStatusOf(issues),
    issues,
    checkedAt: now.toISOString(),
    questions: completeness.summary,
  };
}

/** Both layers together: the critique can add issues, never clear the grounding ones. */
export function combineValidation(
  grounding: ValidationIssue[],
  critique: ValidationIssue[],
  now = new Date(),
  questions?: QuestionsSummary,
): DraftValidation {
  const issues = [...grounding, ...critique.map((issue) => ({ ...issue, layer: 'critique' as const }))];
  return {
    status: validationStatusOf(issues),
    issues,
    checkedAt: now.toISOString(),
    ...(questions ? { questions } : {}),
  };
}
