import type { Checker } from '../checker';
import { POLICY_PATTERNS } from '../policies';

export function checkPolicies(c: Checker) {
  for (const { policy, claimed, pattern } of POLICY_PATTERNS) {
    if (!policy.keywords.some((keyword) => c.lower.includes(keyword))) continue;
    for (const match of c.body.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      // "Weekend access is by request" is a condition the records state, not a yes.
      if (
        claimed &&
        /^[^.!?\n]{0,20}\b(?:by|on|upon) (?:request|arrangement|appointment)|^[^.!?\n]{0,20}\bwith (?:advance |24 hours?' )?notice/.test(
          c.lower.slice(end, end + 40),
        )
      )
        continue;
      if (!c.take(start, end)) continue;
      const { spaces, isNamed } = c.scope(start);
      const truths = spaces.map((space) => policy.truth(space));
      const contradicted = spaces.filter((_, i) => truths[i] === !claimed);
      const confirmed = spaces.filter((_, i) => truths[i] === claimed);
      if (contradicted.length === 0 && confirmed.length > 0) continue;
      const expected = spaces.map(policy.describe).join('; ') || 'No spaces on this deal';
      const source = spaces.map((space) => `space:${space.id}.${policy.field}`).join(', ') || 'records';
      // Contradicted everywhere, or for the space the sentence names: an error. Mixed or unknown: a warning.
      const isContradiction = contradicted.length > 0 && (confirmed.length === 0 || isNamed);
      c.issue(start, end, isContradiction ? 'error' : 'warning', expected, source);
    }
  }
}
