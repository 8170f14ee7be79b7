import type { Checker } from '../checker';
import { money, parseAmount } from '../text';

/**
 * Comparisons with the deal's budget, checked as comparisons: "comes in under your $13k budget"
 * is true only when the figure the sentence is about (the first amount it names, else the rent of
 * the space it is about) is at or below the budget; "over your budget" the other way round.
 */
const COMPARISON =
  /\b(under|below|within|inside|less than|cheaper than|over|above|more than|beyond|exceeds?|exceeding|outside)\s+(?:your|the|our)\s+(?:(?:monthly\s+)?budget|\$\s?[\d,]+(?:\.\d+)?\s?k?(?:\s*(?:\/\s?mo(?:nth)?|a month|per month|monthly))?(?:\s+(?:monthly\s+)?budget)?)/gi;
const AMOUNT = /\$\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(\s?k\b)?/gi;

export function checkBudget(c: Checker) {
  const budget = c.index.money.find((fact) => fact.topic === 'budget');
  if (
    !budget ||
    !/under|below|within|inside|less than|cheaper than|over|above|more than|beyond|exceed|outside/.test(
      c.lower,
    )
  )
    return;
  for (const match of c.body.matchAll(COMPARISON)) {
    const start = match.index ?? 0;
    if (c.isSkipped(start)) continue;
    const sentence = c.sentence(start);
    const before = c.body.slice(sentence.start, start);
    const amounts = [...before.matchAll(AMOUNT)].map((m) => parseAmount(m[1] ?? '0', m[2], Boolean(m[3])));
    const { spaces, isNamed } = c.scope(start);
    let amount: number | null = amounts.length > 0 ? (amounts.at(-1) ?? null) : null;
    let what = amount !== null ? money(amount) : '';
    if (amount === null && isNamed && spaces.length === 1 && spaces[0]) {
      amount = spaces[0].monthlyRate;
      what = `${spaces[0].name} rent ${money(amount)}/month`;
    }
    if (amount === null) continue;
    const word = (match[1] ?? '').toLowerCase();
    const isUnder = /under|below|within|inside|less|cheaper/.test(word);
    const holds = isUnder ? amount <= budget.value : amount > budget.value;
    if (holds) continue;
    const end = start + word.length;
    if (!c.take(start, end)) continue;
    c.issue(
      start,
      end,
      'error',
      `${what} is ${amount <= budget.value ? 'within' : 'over'} the budget of ${money(budget.value)}/month`,
      budget.source,
    );
  }
}
