/**
 * Facts a sent reply states about a space that its records do not hold. The grounding checks
 * already find every such claim (an "unsupported" money figure, count, policy or amenity); this
 * reads each one back as a field of the one space its sentence is about, with the value the
 * agent wrote. Pure: the context is the records as they were when the reply was sent.
 */
import type { KnowledgeProposalKind, KnowledgeValue } from '../../../db/schema';
import type { ContextSpace, DraftContext } from '../ai/context';
import { checkGrounding, groundingIndex } from '../ai/grounding';
import { Checker, skippedSpans } from '../ai/grounding/checker';
import { POLICY_PATTERNS } from '../ai/grounding/policies';
import { parseAmount, WORD_NUMBERS } from '../ai/grounding/text';

export type ProposedFact = {
  spaceId: number;
  spaceName: string;
  field: KnowledgeField;
  value: KnowledgeValue;
  current: KnowledgeValue | null;
  kind: KnowledgeProposalKind;
  /** The sentence of the reply that states it. */
  words: string;
};

/** The fields a sent reply may teach, with how each reads and how a person calls it. */
export const knowledgeFields = {
  monthlyRate: { label: 'rent', unit: '/month', type: 'money' },
  desks: { label: 'desks', unit: '', type: 'count' },
  squareFeet: { label: 'square feet', unit: '', type: 'count' },
  neighborhood: { label: 'neighbourhood', unit: '', type: 'text' },
  'detailedAmenities.parking.costMonthly': { label: 'parking', unit: '/month', type: 'money' },
  'detailedAmenities.parking.costPerDay': { label: 'parking', unit: '/day', type: 'money' },
  'detailedAmenities.parking.spotsAvailable': { label: 'parking spots', unit: '', type: 'count' },
  'detailedAmenities.access.costPerCard': { label: 'key card', unit: ' per card', type: 'money' },
  'detailedAmenities.access.afterHours': { label: 'after-hours access', unit: '', type: 'boolean' },
  'detailedAmenities.dogPolicy.allowed': { label: 'dogs allowed', unit: '', type: 'boolean' },
  'detailedAmenities.dogPolicy.deposit': { label: 'dog deposit', unit: '', type: 'money' },
  'detailedAmenities.meetingRooms.count': { label: 'meeting rooms', unit: '', type: 'count' },
  'detailedAmenities.rentInclusions.utilities': { label: 'utilities included', unit: '', type: 'boolean' },
  'detailedAmenities.rentInclusions.kitchen': { label: 'kitchen', unit: '', type: 'text' },
  'detailedAmenities.rentInclusions.internet': { label: 'internet', unit: '', type: 'text' },
  'detailedAmenities.rentInclusions.janitorial': { label: 'cleaning', unit: '', type: 'text' },
} as const;
export type KnowledgeField = keyof typeof knowledgeFields;

export const isKnowledgeField = (field: string): field is KnowledgeField => field in knowledgeFields;

/** "parking $300/month", "dogs allowed: yes", "meeting rooms: 3". */
export function describeKnowledge(field: string, value: KnowledgeValue | null): string {
  const spec = isKnowledgeField(field) ? knowledgeFields[field] : { label: field, unit: '', type: 'text' };
  if (value === null) return `${spec.label}: not on record`;
  if (typeof value === 'boolean') return `${spec.label}: ${value ? 'yes' : 'no'}`;
  if (spec.type === 'money' && typeof value === 'number')
    return `${spec.label} $${value.toLocaleString('en-US')}${spec.unit}`;
  return `${spec.label}: ${typeof value === 'number' ? value.toLocaleString('en-US') : value}`;
}

/** The value a space holds at a field path, or null. */
export function valueAt(
  space: Pick<ContextSpace, 'monthlyRate' | 'desks' | 'squareFeet' | 'neighborhood' | 'detailedAmenities'>,
  field: string,
): KnowledgeValue | null {
  let node: unknown = space;
  for (const key of field.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'number' || typeof node === 'boolean' || typeof node === 'string' ? node : null;
}

const AMOUNT = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(\s?[kK]\b)?/;
const COUNT = new RegExp(
  `^(\\d{1,3}(?:,\\d{3})+|\\d+|${Object.keys(WORD_NUMBERS)
    .filter((w) => !['a', 'an', 'no'].includes(w))
    .join(
      '|',
    )})(?:-| )(?:(?:dedicated|reserved|private|shared|bookable|available|free|open|extra|more|separate|full-time|covered)\\s)?(.+)$`,
  'i',
);
const COUNT_FIELDS: Array<[RegExp, KnowledgeField]> = [
  [/^(?:meeting|conference|board)\s?rooms?$/i, 'detailedAmenities.meetingRooms.count'],
  [/^(?:parking\s)?(?:spots?|stalls?)$|^parking\sspaces?$/i, 'detailedAmenities.parking.spotsAvailable'],
  [/^(?:desks?|workstations?)$/i, 'desks'],
  [/^(?:square\sfeet|sq\.?\s?ft\.?|sf)$/i, 'squareFeet'],
];
const BOOLEAN_POLICIES = new Set<string>([
  'detailedAmenities.dogPolicy.allowed',
  'detailedAmenities.access.afterHours',
  'detailedAmenities.rentInclusions.utilities',
]);

function moneyField(claim: string, clause: string, space: ContextSpace): KnowledgeField | null {
  const lead = clause.slice(0, Math.max(0, clause.indexOf(claim.toLowerCase())));
  const around = lead || clause;
  if (/\b(parking|garage|spots?|stalls?)\b/.test(around))
    return /\/\s?day|per day|a day/i.test(claim)
      ? 'detailedAmenities.parking.costPerDay'
      : 'detailedAmenities.parking.costMonthly';
  if (/\b(key ?cards?|access cards?|cards?|fobs?|badges?)\b/.test(around))
    return 'detailedAmenities.access.costPerCard';
  // A deposit is recorded only as the dog policy's: no dog policy, nowhere to put it.
  if (/\bdeposits?\b/.test(around) && /\b(dogs?|pets?)\b/.test(clause) && space.detailedAmenities.dogPolicy)
    return 'detailedAmenities.dogPolicy.deposit';
  if (/\b(rent|rental|rate|lease|asking|list price)\b/.test(around)) return 'monthlyRate';
  return null;
}

/** The field and value a flagged claim states, or null when it is not a fact of one field. */
function readClaim(
  claim: string,
  clause: string,
  space: ContextSpace,
): { field: KnowledgeField; value: KnowledgeValue } | null {
  const text = claim.trim();
  if (/\$|\busd\b|dollars|\/\s?(?:mo|month|day)|per month|a month/i.test(text)) {
    const amount = AMOUNT.exec(text);
    if (!amount?.[1]) return null;
    const value = parseAmount(amount[1], amount[2], Boolean(amount[3]));
    if (!Number.isInteger(value)) return null;
    const field = moneyField(text, clause, space);
    return field ? { field, value } : null;
  }
  const count = COUNT.exec(text);
  if (count?.[1] && count[2]) {
    const raw = count[1].toLowerCase();
    const value = raw in WORD_NUMBERS ? (WORD_NUMBERS[raw] ?? 0) : Number(raw.replace(/,/g, ''));
    const field = COUNT_FIELDS.find(([pattern]) => pattern.test(count[2]?.trim() ?? ''))?.[1];
    return field ? { field, value } : null;
  }
  for (const { policy, claimed, pattern } of POLICY_PATTERNS) {
    if (!BOOLEAN_POLICIES.has(policy.field)) continue;
    const match = new RegExp(pattern.source, 'i').exec(text);
    if (match && match[0].length === text.length)
      return { field: policy.field as KnowledgeField, value: claimed };
  }
  const lower = text.toLowerCase();
  if (/kitchen|kitchenette|espresso bar|coffee bar/.test(lower))
    return { field: 'detailedAmenities.rentInclusions.kitchen', value: lower };
  if (/^(?:gigabit|fib(?:er|re))/.test(lower))
    return { field: 'detailedAmenities.rentInclusions.internet', value: lower };
  if (/clean|janitorial/.test(lower)) {
    const frequency = /nightly|every night|each night|each evening|every evening/.test(lower)
      ? 'nightly'
      : /daily|every day/.test(lower)
        ? 'daily'
        : /weekly|once a week|every week/.test(lower)
          ? 'weekly'
          : /monthly|once a month/.test(lower)
            ? 'monthly'
            : null;
    return frequency
      ? { field: 'detailedAmenities.rentInclusions.janitorial', value: `${frequency} cleaning` }
      : null;
  }
  return null;
}

const same = (a: KnowledgeValue | null, b: KnowledgeValue | null) =>
  typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;

/**
 * Every fact of the body the checks flag, read as one field of one space: an `addition` when the
 * record is empty, a `correction` when it holds something else. A claim whose sentence is about
 * several spaces (or none) is left alone: it cannot be filed under one.
 */
export function factsToPropose(body: string, context: DraftContext): ProposedFact[] {
  const issues = checkGrounding(body, context).filter(
    (issue) => issue.layer !== 'critique' && issue.start !== undefined,
  );
  if (issues.length === 0) return [];
  const checker = new Checker(
    body,
    body.toLowerCase(),
    groundingIndex(context),
    skippedSpans(body, context.signature),
  );
  const facts: ProposedFact[] = [];
  for (const issue of issues) {
    const start = issue.start ?? 0;
    const { spaces } = checker.scope(start);
    const space = spaces.length === 1 ? spaces[0] : undefined;
    if (!space) continue;
    const read = readClaim(issue.claim, checker.clause(start), space);
    if (!read) continue;
    const current = valueAt(space, read.field);
    if (same(current, read.value)) continue;
    if (facts.some((fact) => fact.spaceId === space.id && fact.field === read.field)) continue;
    const sentence = checker.sentence(start);
    facts.push({
      spaceId: space.id,
      spaceName: space.name,
      field: read.field,
      value: read.value,
      current,
      kind: current === null ? 'addition' : 'correction',
      words: body
        .slice(sentence.start, /[.!?]/.test(body[sentence.end] ?? '') ? sentence.end + 1 : sentence.end)
        .trim()
        .slice(0, 500),
    });
  }
  return facts;
}
