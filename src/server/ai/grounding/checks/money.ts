import type { ContextSpace } from '../../context';
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

/** The counts written in a sentence ("two spots", "4 cars", "12 people"), never its money figures. */
function countsIn(sentence: string): number[] {
  const withoutMoney = sentence.replace(
    /\$\s?[\d,]+(?:\.\d+)?\s?k?|\b\d[\d,]*(?:\.\d+)?\s?(?:\/\s?mo|a month|per month|dollars)\b/g,
    ' ',
  );
  return [...new Set(numbersIn(withoutMoney).filter((n) => Number.isInteger(n) && n >= 1 && n <= 200))];
}

const close = (a: number, b: number) => Math.abs(a - b) <= (Number.isInteger(a) ? 0.5 : 0.006) + 1e-9;

const TOTAL_WORDS =
  /\b(all[- ]in|in total|total|totals|together|altogether|plus|including|combined|comes? (?:out )?to|works? out|adds? up|in all|with parking|with (?:the |your )?(?:\w+ )?spots?)\b/;
const BUDGET_WORDS =
  /\b(budget|under|below|less than|headroom|to spare|leaves?|left over|over|above|more than|short of|beyond|within)\b/;
const PER_WORDS =
  /\b(?:per|a|each|every)\s+(person|head|seat|desk|employee|team member|square foot|sq\.? ?ft|sf|foot)\b|\bpsf\b|\/\s?(?:sf|sq\.? ?ft|desk|seat|person)\b/;
const YEAR_WORDS = /\b(year|yearly|annual|annually|per annum|12 months|twelve months)\b/;
const COMPARE_WORDS =
  /\b(cheaper|less than|more than|pricier|difference|saves?|saving|higher than|lower than|above|below)\b/;

/**
 * Arithmetic written in the sentence, checked as arithmetic on the records of the space it is
 * about: n × a rate for a count the sentence names ("two spots would be $550"), 12 × a monthly
 * figure for a year, rent plus n parking spots for an all-in total, the budget minus a rent or a
 * total for "under your budget", a rent shared per desk, person or square foot, and the gap between
 * two named spaces' rents. A figure is never excused because two unrelated records happen to add up.
 */
function isDerived(c: Checker, at: number, value: number, bases: Fact[], spaces: ContextSpace[]) {
  const { start, end } = c.sentence(at);
  const sentence = c.lower.slice(start, end);
  const counts = countsIn(sentence);
  const isYear = YEAR_WORDS.test(sentence);
  for (const fact of bases) {
    for (const n of counts) if (n > 1 && close(value, fact.value * n)) return true;
    if (isYear && close(value, fact.value * 12)) return true;
  }
  const budget = c.index.money.find((fact) => fact.topic === 'budget')?.value;
  const hasTotal = TOTAL_WORDS.test(sentence);
  const perMatch = PER_WORDS.exec(sentence);
  for (const space of spaces) {
    const parking = space.detailedAmenities.parking?.costMonthly;
    const card = space.detailedAmenities.access?.costPerCard;
    const totals = [space.monthlyRate];
    if (hasTotal || BUDGET_WORDS.test(sentence)) {
      for (const k of [1, ...counts]) {
        if (parking !== undefined) totals.push(space.monthlyRate + k * parking);
        if (card !== undefined) totals.push(space.monthlyRate + k * card);
      }
    }
    if (
      hasTotal &&
      totals.slice(1).some((total) => close(value, total) || (isYear && close(value, total * 12)))
    )
      return true;
    // Only a sentence that names the budget (the word, or its figure) compares with it.
    const namesBudget =
      budget !== undefined && (/\bbudget\b/.test(sentence) || numbersIn(sentence).includes(budget));
    if (budget !== undefined && namesBudget && BUDGET_WORDS.test(sentence))
      if (totals.some((total) => close(value, Math.abs(budget - total)))) return true;
    if (perMatch) {
      const unit = perMatch[1] ?? perMatch[0];
      const isArea = /square|sq|sf|foot|psf/.test(unit);
      const divisors = isArea ? [space.squareFeet ?? 0] : [c.index.teamSize, space.desks ?? 0, ...counts];
      for (const d of divisors.filter((n) => n > 0)) {
        for (const total of totals) {
          if (close(value, total / d) || close(value, Math.round((total / d) * 100) / 100)) return true;
          if (isArea && close(value, Math.round(((total * 12) / d) * 100) / 100)) return true;
        }
      }
    }
  }
  if (spaces.length >= 2 && COMPARE_WORDS.test(sentence)) {
    for (const a of spaces)
      for (const b of spaces)
        if (a !== b && close(value, Math.abs(a.monthlyRate - b.monthlyRate))) return true;
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
    if (isDerived(c, start, value, topical.length > 0 ? topical : scoped, spaces)) continue;
    // A rent is never mistaken for a parking cost because "parking" is somewhere in the clause:
    // the words right before the figure decide what it is the price of.
    const lead = c.lower.slice(Math.max(0, start - 28), start);
    const rentMatch = scoped.some((fact) => fact.topic === 'rent' && fact.value === value);
    if (rentMatch && !/\b(parking|garage|spots?|cards?|fobs?|deposit)\b[^$]*$/.test(lead)) continue;
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
