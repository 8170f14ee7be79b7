import type { ContextSpace } from '../../context';
import type { Checker } from '../checker';
import {
  candidateMinutes,
  DAYS,
  type DayPart,
  inDayPart,
  normalizeHours,
  slotMinutes,
  title,
  toDay,
} from '../text';

const DAY_WORD =
  '(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)\\.?';
const TIME_WORD = '(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.?|p\\.m\\.?)?';
const DAY_THEN_TIME = new RegExp(
  `\\b${DAY_WORD}(?:,)?\\s+(?:(at|@|around|from)\\s+)?${TIME_WORD}(?![\\d:])`,
  'gi',
);
const LIST_NEXT =
  /^\s*(?:\/|,\s*or|,\s*and|,|or|and|&)\s*(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.?|p\.m\.?)?(?![\d:]|\s*(?:people|desks?|rooms?|spots?|cars?|minutes?|hours?|days?|weeks?|months?|%|\/mo))/i;
const RELATIVE_DAY_TIME = new RegExp(
  `\\b(today|tomorrow)\\s+(?:at\\s+|@\\s*|around\\s+)?${TIME_WORD}(?![\\d:])`,
  'gi',
);
const TIME_THEN_DAY = new RegExp(
  `\\b${TIME_WORD}(?:,)?\\s+(?:on\\s+|this\\s+|next\\s+)?${DAY_WORD}\\b`,
  'gi',
);
const DAY_ALONE = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b/gi;
const DAY_PART = /^\s*(morning|afternoon|evening)/i;
const HOURS_RANGE =
  /\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:–|—|-|to)\s*\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)/gi;

export function slotsOn(spaces: ContextSpace[], day: string) {
  return spaces.flatMap((space) =>
    (space.availability[day] ?? []).map((slot) => ({ space, slot, minutes: slotMinutes(slot) })),
  );
}

export function describeAvailability(spaces: ContextSpace[]) {
  return spaces
    .map((space) => {
      const days = Object.entries(space.availability)
        .filter(([, slots]) => (slots ?? []).length > 0)
        .map(([day, slots]) => `${title(day)} ${(slots ?? []).join(', ')}`);
      return `${space.name}: ${days.join('; ') || 'no tour slots'}`;
    })
    .join(' | ');
}

function checkSlot(c: Checker, start: number, end: number, day: string, minutes: number[], scopeAt = start) {
  if (!c.take(start, end)) return;
  const { spaces } = c.scope(scopeAt);
  const slots = slotsOn(spaces, day);
  if (slots.some((slot) => slot.minutes !== null && minutes.includes(slot.minutes))) return;
  const echoed = end - start > 4 && c.index.threadText.includes(c.lower.slice(start, end));
  c.issue(
    start,
    end,
    echoed ? 'warning' : 'error',
    `Tour slots: ${describeAvailability(spaces)}`,
    spaces.map((space) => `space:${space.id}.availability.${day}`).join(', '),
  );
}

export function checkSchedule(c: Checker) {
  // Opening hours ("7am–8pm") first, so their times are not read as tour slots.
  for (const match of c.body.matchAll(HOURS_RANGE)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const claimed = normalizeHours(match[0]);
    if (!c.take(start, end) || !claimed) continue;
    const { spaces } = c.scope(start);
    const known = spaces.filter((space) => space.detailedAmenities.access?.hours);
    if (known.some((space) => normalizeHours(space.detailedAmenities.access?.hours ?? '') === claimed))
      continue;
    const isTourWindow = spaces.some((space) =>
      Object.values(space.availability).some((slots) =>
        (slots ?? []).some((slot) => slotMinutes(slot) === Number(claimed.split('-')[0])),
      ),
    );
    if (isTourWindow) continue;
    c.issue(
      start,
      end,
      known.length > 0 ? 'error' : 'warning',
      known
        .map((space) => `${space.name} access hours: ${space.detailedAmenities.access?.hours}`)
        .join('; ') || 'The records give no hours',
      known.map((space) => `space:${space.id}.detailedAmenities.access.hours`).join(', ') || 'records',
    );
  }
  for (const match of c.body.matchAll(DAY_THEN_TIME)) {
    const day = toDay(match[1] ?? '');
    const hasConnector = Boolean(match[2]);
    const hasMeridiem = Boolean(match[5]);
    const start = match.index ?? 0;
    const first = start + match[0].trimEnd().length;
    // Times in a list after the day: "Monday 11am/12pm/2pm", "Tuesday at 2, 3 or 4pm", "10, 11 or 2".
    const more: Array<{ start: number; end: number; minutes: number[] }> = [];
    let cursor = first;
    for (;;) {
      const next = LIST_NEXT.exec(c.body.slice(cursor, cursor + 24));
      if (!next) break;
      const timeStart = cursor + next[0].indexOf(next[1] ?? '', next[0].search(/\d/));
      more.push({
        start: timeStart,
        end: cursor + next[0].trimEnd().length,
        minutes: candidateMinutes(Number(next[1]), Number(next[2] ?? 0), next[3]),
      });
      cursor += next[0].length;
    }
    const isList = more.length > 0;
    // "Tuesday 12" is not a time; "Tuesday at 2", "Tue 2pm" and "Tuesday 14:00" are.
    if (!day || (!hasConnector && !hasMeridiem && !match[4] && !isList)) continue;
    // A short day name alone is too ambiguous ("sat 4 people") without a meridiem.
    if (!hasMeridiem && !isList && (match[1] ?? '').length <= 4 && !hasConnector) continue;
    const minutes = candidateMinutes(Number(match[3]), Number(match[4] ?? 0), match[5]);
    checkSlot(c, start, first, day, minutes);
    for (const item of more) checkSlot(c, item.start, item.end, day, item.minutes, start);
  }
  for (const match of c.body.matchAll(RELATIVE_DAY_TIME)) {
    const start = match.index ?? 0;
    const offset = (match[1] ?? '').toLowerCase() === 'tomorrow' ? 1 : 0;
    const date = new Date(c.index.referenceDate.getTime() + offset * 86_400_000);
    const day = DAYS[date.getUTCDay()];
    if (!day) continue;
    const minutes = candidateMinutes(Number(match[2]), Number(match[3] ?? 0), match[4]);
    checkSlot(c, start, start + match[0].trimEnd().length, day, minutes);
  }
  for (const match of c.body.matchAll(TIME_THEN_DAY)) {
    const day = toDay(match[4] ?? '');
    if (!day || (!match[3] && !match[2])) continue;
    const minutes = candidateMinutes(Number(match[1]), Number(match[2] ?? 0), match[3]);
    const start = match.index ?? 0;
    checkSlot(c, start, start + match[0].length, day, minutes);
  }
  for (const match of c.body.matchAll(DAY_ALONE)) {
    const start = match.index ?? 0;
    const day = toDay(match[1] ?? '');
    if (!day) continue;
    const after = c.body.slice(start + match[0].length, start + match[0].length + 12);
    const part = DAY_PART.exec(after);
    const end = start + match[0].length + (part ? part[0].length : 0);
    if (!c.take(start, end)) continue;
    const { spaces } = c.scope(start);
    const slots = slotsOn(spaces, day);
    const sentence = c.sentence(start);
    const text = c.lower.slice(sentence.start, sentence.end);
    // Only a day offered for a visit is a claim about availability.
    if (
      !/\b(tour|visit|see|show|viewing|walk ?through|come by|stop by|available|works?|slots?|open)\b/.test(
        text,
      )
    )
      continue;
    if (/\b(no|not|isn't|aren't|unavailable|unfortunately|instead of)\b/.test(text)) continue;
    const fits = part
      ? slots.some(
          ({ minutes }) => minutes !== null && inDayPart(minutes, (part[1] ?? '').toLowerCase() as DayPart),
        )
      : slots.length > 0;
    if (fits) continue;
    const echoed = c.index.threadText.includes(c.lower.slice(start, end));
    c.issue(
      start,
      end,
      echoed ? 'warning' : 'error',
      `Tour slots: ${describeAvailability(spaces)}`,
      spaces.map((space) => `space:${space.id}.availability.${day}`).join(', '),
    );
  }
}
