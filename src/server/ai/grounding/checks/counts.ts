import type { Checker } from '../checker';
import type { CountKind } from '../facts';
import { WORD_NUMBERS } from '../text';

const COUNT_NOUNS: Array<[CountKind, string]> = [
  ['rooms', '(?:meeting|conference|board)\\s?rooms?'],
  ['spots', '(?:parking\\s)?(?:spots|spot|stalls?)|parking\\s(?:spaces?)|cars?'],
  ['desks', 'desks?|workstations?'],
  ['people', 'people|persons?|employees|team\\smembers|seats?'],
  ['area', 'square\\sfeet|sq\\.?\\s?ft\\.?|sf\\b'],
];
const NUMBER_WORD = `\\d{1,3}(?:,\\d{3})+|\\d+|${Object.keys(WORD_NUMBERS)
  .filter((w) => !['a', 'an', 'no'].includes(w))
  .join('|')}`;
const COUNT_PATTERN = new RegExp(
  `\\b(${NUMBER_WORD})(?:-| )(?:(?:dedicated|reserved|private|shared|bookable|available|free|open|extra|more|separate|full-time|covered)\\s)?(${COUNT_NOUNS.map(([, p]) => p).join('|')})\\b`,
  'gi',
);
const PERSON_PATTERN = /\b(\d+)-(?:person|people|seat|seater)\b/gi;

const COUNT_KINDS = COUNT_NOUNS.map(
  ([kind, pattern]) => [kind, new RegExp(`^(?:${pattern})$`, 'i')] as const,
);

function countKind(noun: string): CountKind | null {
  for (const [kind, pattern] of COUNT_KINDS) if (pattern.test(noun)) return kind;
  return null;
}

const threadCountCache = new WeakMap<object, Set<string>>();

/** The counts the thread itself names, by kind: "6 cars" excuses "6 spots", never "6 meeting rooms". */
function threadCounts(c: Checker): Set<string> {
  const cached = threadCountCache.get(c.index);
  if (cached) return cached;
  const found = new Set<string>();
  for (const match of c.index.threadText.matchAll(COUNT_PATTERN)) {
    const raw = (match[1] ?? '').toLowerCase();
    const value = raw in WORD_NUMBERS ? (WORD_NUMBERS[raw] ?? 0) : Number(raw.replace(/,/g, ''));
    const kind = countKind(match[2] ?? '');
    if (kind) found.add(`${kind}:${value}`);
  }
  for (const match of c.index.threadText.matchAll(PERSON_PATTERN)) found.add(`people:${Number(match[1])}`);
  // "We are 12" or "a team of 12" is a head count.
  for (const match of c.index.threadText.matchAll(/\b(?:team of|we are|we're|group of|party of)\s+(\d+)\b/g))
    found.add(`people:${Number(match[1])}`);
  threadCountCache.set(c.index, found);
  return found;
}

/** "two spots would be $550", "for your 6 cars", "if you need 3 spots": a quantity, not a claim of availability. */
const HYPOTHETICAL_BEFORE =
  /\b(?:if you (?:need|take|want|add|get|book|rent)|for (?:your |the |all |those |these )?|with (?:your )?|adding|each of (?:your )?|your|you(?:'d| would)? need|you mentioned|you asked about|say)\s*$/;
const HYPOTHETICAL_AFTER =
  /^\s*(?:would|at \$|for \$|cost|costs|come to|comes to|run|runs|is \$|are \$|x\b|×|@|at \d|each at|total)/;

function checkCount(c: Checker, start: number, end: number, value: number, kind: CountKind) {
  if (!c.take(start, end)) return;
  if (kind === 'spots' || kind === 'people' || kind === 'desks') {
    const before = c.lower.slice(Math.max(0, start - 30), start);
    const after = c.lower.slice(end, end + 20);
    if (HYPOTHETICAL_BEFORE.test(before) || HYPOTHETICAL_AFTER.test(after)) return;
    // A quantity priced in the same sentence ("Two spots … would be $550", "3 spots … totals $13,325").
    const { start: from, end: to } = c.sentence(start);
    const sentence = c.lower.slice(from, to);
    if (
      /\$\s?\d/.test(sentence) &&
      /\b(would|total|totals|all-in|including|plus|comes? to|works? out|that's|that is)\b/.test(sentence)
    )
      return;
  }
  const { spaces } = c.scope(start);
  const ids = new Set(spaces.map((space) => space.id));
  const facts = c.index.counts[kind].filter((fact) => fact.spaceId === null || ids.has(fact.spaceId));
  if (facts.some((fact) => fact.value === value)) return;
  if (threadCounts(c).has(`${kind}:${value}`)) return;
  // People and spots are also what the seeker brings; only rooms, desks and area are the space's alone.
  if (facts.length === 0) {
    c.issue(start, end, 'warning', 'The records say nothing about this', 'records');
    return;
  }
  c.issue(
    start,
    end,
    'error',
    facts.map((fact) => `${fact.label}: ${fact.value.toLocaleString('en-US')}`).join('; '),
    facts.map((fact) => fact.source).join(', '),
  );
}

export function checkCounts(c: Checker) {
  for (const match of c.body.matchAll(COUNT_PATTERN)) {
    const raw = (match[1] ?? '').toLowerCase();
    const value = raw in WORD_NUMBERS ? (WORD_NUMBERS[raw] ?? 0) : Number(raw.replace(/,/g, ''));
    const kind = countKind(match[2] ?? '');
    const start = match.index ?? 0;
    if (kind) checkCount(c, start, start + match[0].length, value, kind);
  }
  for (const match of c.body.matchAll(PERSON_PATTERN)) {
    const start = match.index ?? 0;
    checkCount(c, start, start + match[0].length, Number(match[1]), 'people');
  }
}
