import type { Checker } from '../checker';
import { datesIn, longDate, MONTH_WORD, monthNumber, resolveYear, title, toDay, weekdayOf } from '../text';

/**
 * Dates: "January 1", "Jan. 1st, 2027", "2027-01-01", with or without a weekday in front
 * ("Tuesday, Dec 8" — the weekday must match the date). A move-in or availability date is checked
 * against the space the sentence is about; any other date must be one the records or the thread
 * hold, else it is a warning.
 */
const DAY_NAME =
  '(?:(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|weds|wed|thurs|thu|fri|sat|sun)\\.?,?\\s+(?:the\\s+)?)?';
const DATE_PATTERN = new RegExp(
  `\\b${DAY_NAME}(?:${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD}(?:,?\\s+(\\d{4}))?|(\\d{4})-(\\d{2})-(\\d{2})\\b)`,
  'gi',
);
const MOVE_IN =
  /\b(available|availability|move[- ]in|moving in|move in|ready|free from|frees up|open from|keys|start(?:ing)? (?:on|from))\b/;
const EXACT =
  /\b(available (?:from|on|starting)|availability (?:date|from)|frees up|free from|ready (?:from|on))\b/;

export function checkDates(c: Checker) {
  for (const match of c.body.matchAll(DATE_PATTERN)) {
    const start = match.index ?? 0;
    const end = start + match[0].trimEnd().length;
    let month = 0;
    let day = 0;
    let year: number | null = null;
    if (match[2]) {
      month = monthNumber(match[2]);
      day = Number(match[3]);
      year = match[4] ? Number(match[4]) : null;
    } else if (match[6]) {
      month = monthNumber(match[6]);
      day = Number(match[5]);
      year = match[7] ? Number(match[7]) : null;
    } else if (match[8]) {
      year = Number(match[8]);
      month = Number(match[9]);
      day = Number(match[10]);
    }
    if (!month || day < 1 || day > 31) continue;
    if (!c.take(start, end)) continue;
    const resolvedYear = year ?? resolveYear(month, day, c.index.referenceDate);
    const iso = `${resolvedYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const weekday = match[1] ? toDay(match[1]) : null;
    if (weekday && weekdayOf(resolvedYear, month, day) !== weekday) {
      c.issue(
        start,
        end,
        'error',
        `${longDate(iso)} is a ${title(weekdayOf(resolvedYear, month, day))}, not a ${title(weekday)}`,
        'calendar',
      );
      continue;
    }
    const sentence = c.sentence(start);
    const text = c.lower.slice(sentence.start, sentence.end);
    const { spaces, isNamed } = c.scope(start);
    const dated = spaces.filter((space) => space.availableFrom);
    if (MOVE_IN.test(text) && dated.length > 0 && (isNamed || dated.length === 1)) {
      const exact = EXACT.test(text);
      const fits = dated.some((space) => {
        const from = space.availableFrom ?? '';
        const [date] = datesIn(from);
        const sameDay = year === null ? from.slice(5) === iso.slice(5) : from === iso;
        return exact ? sameDay || date === iso : sameDay || iso >= from;
      });
      if (fits) continue;
      c.issue(
        start,
        end,
        'error',
        dated
          .map((space) => `${space.name}: available from ${longDate(space.availableFrom ?? '')}`)
          .join('; '),
        dated.map((space) => `space:${space.id}.availableFrom`).join(', '),
      );
      continue;
    }
    const mmdd = iso.slice(4);
    const known = [...c.index.dates].some(
      (d) => d === iso || ((year === null || d.startsWith('*')) && d.endsWith(mmdd)),
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
