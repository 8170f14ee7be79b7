import type { Checker } from '../checker';
import { describeFact, type Fact, type Topic } from '../facts';
import { money, numbersIn, parseAmount } from '../text';

const TOPIC_PATTERNS: Array<[Topic, RegExp]> = [
  ['parking', /\b(parking|park|garage|spots?|lot|cars?)\b/],
  ['card', /\b(key ?cards?|access cards?|cards?|fobs?|badges?)\b/],
  ['deposit', /\bdeposits?\b/],
  ['budget', /\bbudget\b/],
  ['rent', /\b(rent|rental|rate|lease|asking|list price)\b/],
];

const MONEY_PATTERN =
  /(?:\$\s?|\bUSD\s?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(\s?[kK]\b)?|\b(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(\s?[kK]\b)?\s?(?=(?:\/\s?(?:mo|month)|a month|per month|monthly|dollars|bucks|usd)\b)/g;
const MONEY_UNIT =
  /^(?:\s?\/\s?(?:mo|month|day|card|spot)\b|\s(?:a|per|each)\s(?:month|day|card|spot)\b|\smonthly\b|\s?dollars\b|\s?usd\b)/i;

/**
 * Arithmetic on the records is not invention: "$500 under your budget" (a difference), "$1,650 for
 * your 6 cars" (a rate times a number in the same sentence), "$1,042 per person" (a share of the team).
 * A multiplier must be written in the sentence, so "$550 for parking" is not excused as 2 × $275.
 */
function isDerived(c: Checker, at: number, value: number, bases: Fact[], scoped: Fact[]) {
  for (const a of bases) {
    for (const b of scoped) {
      if (a !== b && (Math.abs(a.value - b.value) === value || a.value + b.value === value)) return true;
    }
  }
  const { start, end } = c.sentence(at);
  const sentence = c.lower.slice(start, end);
  const multipliers = new Set(numbersIn(sentence).filter((n) => n > 1 && n <= 1_000 && n !== value));
  if (/\b(year|annual|annually|yearly)\b/.test(sentence)) multipliers.add(12);
  if (/\b(person|head|seat|desk|employee)\b/.test(sentence)) multipliers.add(c.index.teamSize);
  for (const fact of bases) {
    for (const n of multipliers) {
      if (Math.abs(fact.value * n - value) < 0.5 || (n > 0 && Math.abs(fact.value / n - value) < 1))
        return true;
    }
  }
  return false;
}

export function checkMoney(c: Checker) {
  for (const match of c.body.matchAll(MONEY_PATTERN)) {
    const start = match.index ?? 0;
    const digits = match[1] ?? match[4];
    if (!digits) continue;
    const value = parseAmount(digits, match[2] ?? match[5], Boolean(match[3] ?? match[6]));
    const amountEnd = start + match[0].trimEnd().length;
    const unit = MONEY_UNIT.exec(c.body.slice(amountEnd, amountEnd + 12));
    const end = amountEnd + (unit?.[0].length ?? 0);
    if (!c.take(start, end)) continue;
    const clause = c.clause(start);
    const topics = TOPIC_PATTERNS.filter(([, pattern]) => pattern.test(clause)).map(([topic]) => topic);
    const { spaces, isNamed } = c.scope(start);
    const ids = new Set(spaces.map((space) => space.id));
    const scoped = c.index.money.filter((fact) => fact.spaceId === null || ids.has(fact.spaceId));
    const topical =
      topics.length > 0 ? scoped.filter((fact) => fact.topic && topics.includes(fact.topic)) : [];
    const inThread = c.index.threadNumbers.has(value);

    if (topical.some((fact) => fact.value === value)) continue;
    if (isDerived(c, start, value, topical.length > 0 ? topical : scoped, scoped)) continue;
    if (topical.length > 0) {
      const expected = topical.map(describeFact).join('; ');
      const source = topical.map((fact) => fact.source).join(', ');
      c.issue(start, end, 'error', expected, source);
      continue;
    }
    if (topics.length === 0 && scoped.some((fact) => fact.value === value)) continue;
    if (inThread) continue;
    const elsewhere = c.index.money.find((fact) => fact.value === value);
    if (elsewhere && !isNamed && topics.length === 0) continue;
    const expected = elsewhere
      ? `${money(value)} is ${elsewhere.label}, not a figure for what this sentence describes`
      : `No record has ${money(value)}${scoped.length ? ` (known: ${scoped.map(describeFact).join('; ')})` : ''}`;
    const likely = topics.length === 0 ? scoped.filter((fact) => fact.topic === 'rent') : [];
    const source = elsewhere?.source ?? (likely.map((fact) => fact.source).join(', ') || 'records');
    c.issue(start, end, 'error', expected, source);
  }
}
