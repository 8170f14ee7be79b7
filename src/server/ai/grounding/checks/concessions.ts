import type { Checker } from '../checker';
import { DEFERRAL } from '../completeness';
import { CONCESSIONS } from '../policies';
import { isoDay } from '../text';

/**
 * Concessions and commitments the records do not hold (discounts, free months, "available
 * immediately", "no deposit", waived fees, "free key cards", a host's agreement) are errors. A
 * sentence that negates or defers them ("I'll ask the host whether a free month is possible",
 * "there is no discount") states nothing.
 */
const NEGATED =
  /\b(?:not|no|never|can't|cannot|won't|unable|isn't|aren't|don't|doesn't|unlikely|whether|if (?:the host|they)|ask(?:ed)? (?:the host|about|for)|request(?:ed)?|hoping|possible|could ask|try to|might|may be able)\b/;

/** A cheap test first: the patterns only run on bodies with one of these words. */
const ANY_CONCESSION =
  /discount|percent|%|\boff\b|free|immediate|right away|right now|asap|\btoday\b|tomorrow|\bnow\b|this week|deposit|waiv|fee|agreed|accept|approved|signed off|come down|lower|reduce|drop|locked|guarantee|throw|include|cover|special|promo|reduced|knock|take|on the house/;

export function checkConcessions(c: Checker) {
  if (!ANY_CONCESSION.test(c.lower)) return;
  const today = isoDay(c.index.referenceDate);
  for (const concession of CONCESSIONS) {
    for (const match of c.body.matchAll(concession.pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (c.isSkipped(start)) continue;
      const sentence = c.sentence(start);
      const text = c.lower.slice(sentence.start, sentence.end);
      if (DEFERRAL.test(text) || c.body[sentence.end] === '?') continue;
      // "No deposit" is itself the claim; elsewhere a negation before it undoes it.
      const before = c.lower.slice(Math.max(sentence.start, start - 40), start);
      if (concession.name !== 'no-deposit' && concession.name !== 'waived-fees' && NEGATED.test(before))
        continue;
      if (NEGATED.test(before) && /\b(?:not|never|can't|cannot|won't|unable|whether|if)\b/.test(before))
        continue;
      const { spaces } = c.scope(start);
      if (spaces.length > 0 && spaces.every((space) => concession.supported(space, today))) continue;
      if (!c.take(start, end)) continue;
      c.issue(
        start,
        end,
        'error',
        spaces.map(concession.expected).join('; ') || 'No spaces on this deal',
        spaces.map((space) => `space:${space.id}.${concession.field}`).join(', ') || 'records',
      );
    }
  }
}
