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

function checkCount(c: Checker, start: number, end: number, value: number, kind: CountKind) {
  if (!c.take(start, end)) return;
  const { spaces } = c.scope(start);
  const ids = new Set(spaces.map((space) => space.id));
  const facts = c.index.counts[kind].filter((fact) => fact.spaceId === null || ids.has(fact.spaceId));
  if (facts.some((fact) => fact.value === value)) return;
  if (c.index.threadNumbers.has(value)) return;
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
