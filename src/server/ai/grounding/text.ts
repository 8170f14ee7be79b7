/**
 * Text parsing shared by the grounding checks and the offline drafter: numbers, money, times,
 * days, months and dates. One `MONTHS`, one money formatter, one day-part rule.
 */
export const WORD_NUMBERS: Record<string, number> = {
  zero: 0,
  no: 0,
  one: 1,
  a: 1,
  an: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};

export const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export const DAY_ALIASES: Record<string, (typeof DAYS)[number]> = {
  sun: 'sunday',
  mon: 'monday',
  tue: 'tuesday',
  tues: 'tuesday',
  wed: 'wednesday',
  weds: 'wednesday',
  thu: 'thursday',
  thur: 'thursday',
  thurs: 'thursday',
  fri: 'friday',
  sat: 'saturday',
};
export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

export type Day = (typeof DAYS)[number];

/** "January 1, 2027" style month names, capitalised. */
export const MONTH_NAMES = MONTHS.map((m) => `${m[0]?.toUpperCase() ?? ''}${m.slice(1)}`);

/** The one money formatter: 12500 → "$12,500". */
export const money = (n: number) => `$${n.toLocaleString('en-US')}`;

export const title = (day: string) => `${day[0]?.toUpperCase() ?? ''}${day.slice(1)}`;

export function parseAmount(digits: string, fraction: string | undefined, thousands: boolean) {
  const whole = Number(digits.replace(/,/g, ''));
  const value = fraction ? Number(`${whole}.${fraction}`) : whole;
  return Math.round((thousands ? value * 1000 : value) * 100) / 100;
}

export function numbersIn(text: string): number[] {
  const found: number[] = [];
  for (const match of text.matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s?(k\b)?/gi)) {
    const digits = match[1];
    if (digits) found.push(parseAmount(digits, match[2], Boolean(match[3])));
  }
  for (const match of text.toLowerCase().matchAll(/\b([a-z]+)\b/g)) {
    const word = match[1];
    if (word && word in WORD_NUMBERS && word !== 'a' && word !== 'an' && word !== 'no') {
      found.push(WORD_NUMBERS[word] ?? 0);
    }
  }
  return found;
}

/** "2pm" → 840, "10:30am" → 630; null when it is not a time. */
export function slotMinutes(slot: string): number | null {
  const match = /^\s*(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?\s*$/i.exec(slot);
  if (!match) return null;
  let hour = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  const meridiem = match[3]?.toLowerCase().replace(/\./g, '');
  if (hour > 23 || minutes > 59) return null;
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  return hour * 60 + minutes;
}

export function normalizeHours(text: string) {
  const range = /(\d{1,2}(?::\d{2})?\s*(?:am|pm)?)\s*(?:–|—|-|to)\s*(\d{1,2}(?::\d{2})?\s*(?:am|pm))/i.exec(
    text,
  );
  if (!range?.[1] || !range[2]) return null;
  let start = slotMinutes(range[1]);
  const end = slotMinutes(range[2]);
  if (start === null || end === null) return null;
  // "8–7pm": a start without a meridiem shares the end's, unless that would put it after the end.
  if (!/am|pm/i.test(range[1]) && start < 12 * 60 && end >= 12 * 60 && start + 12 * 60 < end)
    start += 12 * 60;
  return `${start}-${end}`;
}

export type DayPart = 'morning' | 'afternoon' | 'evening';

/** The one day-part rule: morning before noon, afternoon noon–5pm, evening from 5pm. */
export function inDayPart(minutes: number, part: DayPart): boolean {
  if (part === 'morning') return minutes < 12 * 60;
  if (part === 'afternoon') return minutes >= 12 * 60 && minutes < 17 * 60;
  return minutes >= 17 * 60;
}

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A month as written: "January", "Jan", "Jan.", "Sept". */
export const MONTH_WORD =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';

/** 1–12 from a month word or abbreviation; 0 when it is not one. */
export function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return 0;
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3)) && m.startsWith(w)) + 1;
}

export const MONTH_DAY = new RegExp(
  `\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`,
  'gi',
);

export function datesIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g))
    found.push(`${match[1]}-${match[2]}-${match[3]}`);
  for (const match of text.matchAll(MONTH_DAY)) {
    const month = monthNumber(match[1] ?? '');
    if (!month) continue;
    found.push(`${match[3] ?? '*'}-${String(month).padStart(2, '0')}-${String(match[2]).padStart(2, '0')}`);
  }
  return found;
}

/** The year a month-and-day without one most likely means: the next such date after `reference`. */
export function resolveYear(month: number, day: number, reference: Date): number {
  const year = reference.getUTCFullYear();
  const candidate = Date.UTC(year, month - 1, day);
  // Up to two months back is still this year ("on November 29" written in December).
  return candidate < reference.getTime() - 62 * 86_400_000 ? year + 1 : year;
}

/** The weekday of a date, as DAYS names it. */
export function weekdayOf(year: number, month: number, day: number): Day {
  return DAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? 'sunday';
}

export function toDay(word: string): (typeof DAYS)[number] | null {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if ((DAYS as readonly string[]).includes(lower)) return lower as (typeof DAYS)[number];
  return DAY_ALIASES[lower] ?? null;
}

/** The minutes a written time may mean: "2" alone is 2pm in office hours, "9" is 9am. */
export function candidateMinutes(hour: number, minutes: number, meridiem: string | undefined): number[] {
  if (hour > 23 || minutes > 59) return [];
  const m = meridiem?.toLowerCase().replace(/\./g, '');
  if (m === 'pm') return [((hour % 12) + 12) * 60 + minutes];
  if (m === 'am') return [(hour % 12) * 60 + minutes];
  if (hour >= 13) return [hour * 60 + minutes];
  return [(hour % 12) * 60 + minutes, ((hour % 12) + 12) * 60 + minutes];
}

/** "2027-01-01" → "January 1, 2027". */
export function longDate(iso: string) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  return `${MONTH_NAMES[Number(match[2]) - 1] ?? ''} ${Number(match[3])}, ${match[1]}`;
}

export function listJoin(items: string[]) {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
