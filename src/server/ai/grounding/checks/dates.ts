import type { Checker } from '../checker';
import { datesIn, MONTHS } from '../text';

const DATE_PATTERN = new RegExp(
  `\\b(?:${MONTHS.join('|')})\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\b\\d{4}-\\d{2}-\\d{2}\\b`,
  'gi',
);

export function checkDates(c: Checker) {
  for (const match of c.body.matchAll(DATE_PATTERN)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const [date] = datesIn(match[0]);
    if (!date || !c.take(start, end)) continue;
    const known = [...c.index.dates].some(
      (d) => d === date || (date.startsWith('*') && d.endsWith(date.slice(1))),
    );
    if (known) continue;
    c.issue(
      start,
      end,
      'warning',
      c.index.spaces
        .map((space) => `${space.name}: available from ${space.availableFrom ?? 'not on record'}`)
        .join('; ') || 'No dates on record',
      c.index.spaces.map((space) => `space:${space.id}.availableFrom`).join(', ') || 'records',
    );
  }
}
