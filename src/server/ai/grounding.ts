import type { DraftValidation, ValidationIssue, ValidationStatus } from '../../../db/schema';
import type { ContextSpace, DraftContext } from './context';

/**
 * Grounding checks, in code: every checkable claim in a draft body (money, counts, tour slots,
 * hours, addresses, amenity and policy statements) is matched against the deal, its spaces and
 * the thread. Pure and synchronous; the index of facts is built once per context.
 *
 * A claim the records contradict or cannot support is an `error`; a statement they neither
 * confirm nor contradict is a `warning`.
 */

type Topic = 'rent' | 'parking' | 'card' | 'deposit' | 'budget';
type Fact = { value: number; source: string; topic: Topic | null; spaceId: number | null; label: string };
type CountKind = 'rooms' | 'spots' | 'desks' | 'people' | 'area';

type GroundingIndex = {
  money: Fact[];
  teamSize: number;
  counts: Record<CountKind, Fact[]>;
  threadNumbers: Set<number>;
  threadText: string;
  factText: string;
  spaces: ContextSpace[];
  spaceNames: Array<{ space: ContextSpace; names: string[] }>;
  dates: Set<string>;
};

const WORD_NUMBERS: Record<string, number> = {
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

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const DAY_ALIASES: Record<string, (typeof DAYS)[number]> = {
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
const MONTHS = [
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

const money = (n: number) => `$${n.toLocaleString('en-US')}`;

/** "Mission Loft parking: $275/month", with the unit its field implies. */
function describeFact(fact: { label: string; value: number; source: string }) {
  const unit = /(costMonthly|monthlyRate|monthlyBudget)$/.test(fact.source)
    ? '/month'
    : /costPerDay$/.test(fact.source)
      ? '/day'
      : /costPerCard$/.test(fact.source)
        ? ' per card'
        : '';
  return `${fact.label}: ${money(fact.value)}${unit}${fact.value === 0 ? ' (included)' : ''}`;
}
const title = (day: string) => `${day[0]?.toUpperCase() ?? ''}${day.slice(1)}`;

function parseAmount(digits: string, fraction: string | undefined, thousands: boolean) {
  const whole = Number(digits.replace(/,/g, ''));
  const value = fraction ? Number(`${whole}.${fraction}`) : whole;
  return Math.round((thousands ? value * 1000 : value) * 100) / 100;
}

function numbersIn(text: string): number[] {
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

function formatMinutes(minutes: number) {
  const hour = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${h12}${rest ? `:${String(rest).padStart(2, '0')}` : ''}${hour < 12 ? 'am' : 'pm'}`;
}

function normalizeHours(text: string) {
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

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

const MONTH_DAY = new RegExp(
  `\\b(${MONTHS.join('|')})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`,
  'gi',
);

function datesIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g))
    found.push(`${match[1]}-${match[2]}-${match[3]}`);
  for (const match of text.matchAll(MONTH_DAY)) {
    const month = MONTHS.indexOf((match[1] ?? '').toLowerCase()) + 1;
    found.push(`${match[3] ?? '*'}-${String(month).padStart(2, '0')}-${String(match[2]).padStart(2, '0')}`);
  }
  return found;
}

const indexCache = new WeakMap<DraftContext, GroundingIndex>();

function spaceNames(space: ContextSpace) {
  const names = [space.name.toLowerCase()];
  const street = space.address.split(',')[0]?.toLowerCase();
  if (street) names.push(street);
  return names;
}

/** The facts of a context, flattened once: money and counts with their source paths. */
export function groundingIndex(context: DraftContext): GroundingIndex {
  const cached = indexCache.get(context);
  if (cached) return cached;
  const moneyFacts: Fact[] = [];
  const counts: Record<CountKind, Fact[]> = { rooms: [], spots: [], desks: [], people: [], area: [] };
  const dates = new Set<string>();
  const add = (list: Fact[], fact: Fact | null) => fact && list.push(fact);
  const fact = (
    value: number | undefined,
    source: string,
    topic: Topic | null,
    spaceId: number | null,
    label: string,
  ): Fact | null => (value === undefined ? null : { value, source, topic, spaceId, label });

  const dealSource = `deal:${context.deal.id}`;
  add(moneyFacts, fact(context.deal.monthlyBudget, `${dealSource}.monthlyBudget`, 'budget', null, 'budget'));
  add(counts.people, fact(context.deal.teamSize, `${dealSource}.teamSize`, null, null, 'team size'));
  if (context.deal.requirements.moveInDate)
    for (const d of datesIn(context.deal.requirements.moveInDate)) dates.add(d);

  for (const space of context.spaces) {
    const s = `space:${space.id}`;
    const d = space.detailedAmenities;
    add(moneyFacts, fact(space.monthlyRate, `${s}.monthlyRate`, 'rent', space.id, `${space.name} rent`));
    add(
      moneyFacts,
      fact(
        d.parking?.costMonthly,
        `${s}.detailedAmenities.parking.costMonthly`,
        'parking',
        space.id,
        `${space.name} parking`,
      ),
    );
    add(
      moneyFacts,
      fact(
        d.parking?.costPerDay,
        `${s}.detailedAmenities.parking.costPerDay`,
        'parking',
        space.id,
        `${space.name} parking per day`,
      ),
    );
    add(
      moneyFacts,
      fact(
        d.access?.costPerCard,
        `${s}.detailedAmenities.access.costPerCard`,
        'card',
        space.id,
        `${space.name} key card`,
      ),
    );
    add(
      moneyFacts,
      fact(d.access?.cost, `${s}.detailedAmenities.access.cost`, 'card', space.id, `${space.name} access`),
    );
    add(
      moneyFacts,
      fact(
        d.dogPolicy?.deposit,
        `${s}.detailedAmenities.dogPolicy.deposit`,
        'deposit',
        space.id,
        `${space.name} dog deposit`,
      ),
    );
    const rooms = d.meetingRooms;
    add(
      counts.rooms,
      fact(
        rooms?.count ?? (space.amenities.meetingRooms === false ? 0 : undefined),
        `${s}.detailedAmenities.meetingRooms.count`,
        null,
        space.id,
        `${space.name} meeting rooms`,
      ),
    );
    for (const size of rooms?.sizes ?? []) {
      add(
        counts.people,
        fact(size, `${s}.detailedAmenities.meetingRooms.sizes`, null, space.id, `${space.name} room size`),
      );
    }
    add(
      counts.spots,
      fact(
        d.parking?.spotsAvailable,
        `${s}.detailedAmenities.parking.spotsAvailable`,
        null,
        space.id,
        `${space.name} parking spots`,
      ),
    );
    const desks = space.desks ?? undefined;
    add(counts.desks, fact(desks, `${s}.desks`, null, space.id, `${space.name} desks`));
    add(counts.people, fact(desks, `${s}.desks`, null, space.id, `${space.name} desks`));
    add(
      counts.area,
      fact(space.squareFeet ?? undefined, `${s}.squareFeet`, null, space.id, `${space.name} square feet`),
    );
    if (space.availableFrom) for (const date of datesIn(space.availableFrom)) dates.add(date);
  }

  const messages = [context.inbound, ...context.thread];
  const threadText = messages
    .map((m) => `${m.subject}\n${m.text}`)
    .join('\n')
    .toLowerCase();
  const threadNumbers = new Set(numbersIn(threadText));
  for (const date of datesIn(threadText)) dates.add(date);
  for (const message of messages) dates.add(isoDay(new Date(message.sentAt)));
  const factText = JSON.stringify({ deal: context.deal, spaces: context.spaces }).toLowerCase();

  const index: GroundingIndex = {
    money: moneyFacts,
    teamSize: context.deal.teamSize,
    counts,
    threadNumbers,
    threadText,
    factText,
    spaces: context.spaces,
    spaceNames: context.spaces.map((space) => ({ space, names: spaceNames(space) })),
    dates,
  };
  indexCache.set(context, index);
  return index;
}

type Span = { start: number; end: number };

class Checker {
  readonly issues: ValidationIssue[] = [];
  private readonly claimed: Span[] = [];

  constructor(
    readonly body: string,
    readonly lower: string,
    readonly index: GroundingIndex,
    private readonly skip: Span | null,
  ) {}

  /** True when the span is free (not inside the signature, not part of an earlier claim); claims it. */
  take(start: number, end: number) {
    if (this.skip && start >= this.skip.start && start < this.skip.end) return false;
    if (this.claimed.some((span) => start < span.end && end > span.start)) return false;
    this.claimed.push({ start, end });
    return true;
  }

  issue(start: number, end: number, severity: 'error' | 'warning', expected: string, source: string) {
    this.issues.push({
      claim: this.body.slice(start, end),
      expected,
      source,
      severity,
      layer: 'grounding',
      start,
      end,
    });
  }

  /** The sentence around an offset (a line, or up to . ! ?). */
  sentence(at: number): Span {
    let start = at;
    while (start > 0) {
      const ch = this.body[start - 1];
      if (ch === '\n' || ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(this.body[start] ?? ' ')))
        break;
      start -= 1;
    }
    let end = at;
    while (end < this.body.length) {
      const ch = this.body[end];
      if (ch === '\n' || ((ch === '.' || ch === '!' || ch === '?') && /\s|$/.test(this.body[end + 1] ?? '')))
        break;
      end += 1;
    }
    return { start, end };
  }

  /** The clause around an offset: the sentence cut at ", ", "; ", " and ", " but ", dashes between spaces. */
  clause(at: number): string {
    const { start, end } = this.sentence(at);
    const text = this.lower.slice(start, end);
    const offset = at - start;
    const cuts = [...text.matchAll(/, |; | and | but | while | whereas | – | — | - |\(|\)/g)].map((m) => ({
      at: m.index ?? 0,
      length: m[0].length,
    }));
    let from = 0;
    let to = text.length;
    for (const cut of cuts) {
      if (cut.at + cut.length <= offset) from = cut.at + cut.length;
      else if (cut.at >= offset) {
        to = cut.at;
        break;
      }
    }
    return text.slice(from, to);
  }

  /** Spaces named in the sentence around `at`; all the deal's spaces when none is named. */
  scope(at: number): { spaces: ContextSpace[]; isNamed: boolean } {
    const { start, end } = this.sentence(at);
    const text = this.lower.slice(start, end);
    const named = this.index.spaceNames
      .filter(({ names }) => names.some((n) => text.includes(n)))
      .map((e) => e.space);
    return named.length > 0
      ? { spaces: named, isNamed: true }
      : { spaces: this.index.spaces, isNamed: false };
  }
}

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

function checkMoney(c: Checker) {
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

function checkCounts(c: Checker) {
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

const DAY_WORD =
  '(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)\\.?';
const TIME_WORD = '(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.?|p\\.m\\.?)?';
const DAY_THEN_TIME = new RegExp(
  `\\b${DAY_WORD}(?:,)?\\s+(?:(at|@|around|from)\\s+)?${TIME_WORD}(?![\\d:])`,
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

function toDay(word: string): (typeof DAYS)[number] | null {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if ((DAYS as readonly string[]).includes(lower)) return lower as (typeof DAYS)[number];
  return DAY_ALIASES[lower] ?? null;
}

/** The minutes a written time may mean: "2" alone is 2pm in office hours, "9" is 9am. */
function candidateMinutes(hour: number, minutes: number, meridiem: string | undefined): number[] {
  if (hour > 23 || minutes > 59) return [];
  const m = meridiem?.toLowerCase().replace(/\./g, '');
  if (m === 'pm') return [((hour % 12) + 12) * 60 + minutes];
  if (m === 'am') return [(hour % 12) * 60 + minutes];
  if (hour >= 13) return [hour * 60 + minutes];
  return [(hour % 12) * 60 + minutes, ((hour % 12) + 12) * 60 + minutes];
}

function slotsOn(spaces: ContextSpace[], day: string) {
  return spaces.flatMap((space) =>
    (space.availability[day] ?? []).map((slot) => ({ space, slot, minutes: slotMinutes(slot) })),
  );
}

function describeAvailability(spaces: ContextSpace[]) {
  return spaces
    .map((space) => {
      const days = Object.entries(space.availability)
        .filter(([, slots]) => (slots ?? []).length > 0)
        .map(([day, slots]) => `${title(day)} ${(slots ?? []).join(', ')}`);
      return `${space.name}: ${days.join('; ') || 'no tour slots'}`;
    })
    .join(' | ');
}

function checkSlot(c: Checker, start: number, end: number, day: string, minutes: number[]) {
  if (!c.take(start, end)) return;
  const { spaces } = c.scope(start);
  const slots = slotsOn(spaces, day);
  if (slots.some((slot) => slot.minutes !== null && minutes.includes(slot.minutes))) return;
  const echoed = c.index.threadText.includes(c.lower.slice(start, end));
  c.issue(
    start,
    end,
    echoed ? 'warning' : 'error',
    `Tour slots: ${describeAvailability(spaces)}`,
    spaces.map((space) => `space:${space.id}.availability.${day}`).join(', '),
  );
}

function checkSchedule(c: Checker) {
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
    // "Tuesday 12" is not a time; "Tuesday at 2", "Tue 2pm" and "Tuesday 14:00" are.
    if (!day || (!hasConnector && !hasMeridiem && !match[4])) continue;
    // A short day name alone is too ambiguous ("sat 4 people") without a meridiem.
    if (!hasMeridiem && (match[1] ?? '').length <= 4 && !hasConnector) continue;
    const minutes = candidateMinutes(Number(match[3]), Number(match[4] ?? 0), match[5]);
    const start = match.index ?? 0;
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
      ? slots.some(({ minutes }) => {
          if (minutes === null) return false;
          const name = part[1]?.toLowerCase();
          if (name === 'morning') return minutes < 12 * 60;
          if (name === 'afternoon') return minutes >= 12 * 60 && minutes < 17 * 60;
          return minutes >= 17 * 60;
        })
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

const STREET_PATTERN =
  /\b(\d{1,5})\s+((?:[A-Z0-9][A-Za-z0-9]*\s){0,3}?)(St|Street|Ave|Avenue|Blvd|Boulevard|Rd|Road|Pkwy|Parkway|Way|Dr|Drive|Ln|Lane|Pl|Place)\b/g;

function checkAddresses(c: Checker) {
  for (const match of c.body.matchAll(STREET_PATTERN)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (!c.take(start, end)) continue;
    const number = match[1] ?? '';
    const name = (match[2] ?? '').trim().toLowerCase();
    const isKnown =
      c.index.spaces.some((space) => {
        const street = space.address.toLowerCase();
        return street.startsWith(`${number} `) && street.includes(name);
      }) || c.index.threadText.includes(`${number} ${name}`);
    if (isKnown) continue;
    c.issue(
      start,
      end,
      'error',
      `Addresses on record: ${c.index.spaces.map((space) => `${space.name}, ${space.address}`).join('; ') || 'none'}`,
      c.index.spaces.map((space) => `space:${space.id}.address`).join(', ') || 'records',
    );
  }
}

type Policy = {
  name: string;
  /** A cheap test first: the patterns only run on bodies that mention one of these. */
  keywords: string[];
  positive: RegExp;
  negative: RegExp;
  /** What the space's records say: true (yes), false (no) or null (nothing). */
  truth: (space: ContextSpace) => boolean | null;
  describe: (space: ContextSpace) => string;
  field: string;
};

const PARKING_INCLUDED = (space: ContextSpace) => {
  const parking = space.detailedAmenities.parking;
  if (!parking) return null;
  if (parking.costMonthly === 0 || /included/i.test(parking.note ?? '')) return true;
  if ((parking.costMonthly ?? 0) > 0 || (parking.costPerDay ?? 0) > 0) return false;
  return null;
};

const hasParking = (space: ContextSpace) => {
  const type = space.detailedAmenities.parking?.type;
  if (type === 'street-only') return false;
  if (type) return true;
  return space.amenities.parking ?? null;
};

const rooms = (space: ContextSpace) =>
  space.detailedAmenities.meetingRooms
    ? space.detailedAmenities.meetingRooms.count > 0
    : (space.amenities.meetingRooms ?? null);

const POLICIES: Policy[] = [
  {
    name: 'dogs',
    keywords: ['dog', 'pet', 'pup', 'beagle', 'corgi'],
    positive:
      /\b(?:(?:dogs?|pets?|pups?|puppies)\b[^.!?\n]{0,30}?\b(?:welcome|allowed|permitted|fine|ok(?:ay)?|no problem|can come|are great|is great)|(?:dog|pet)[- ]friendly|(?:bring|brings|bringing)\s+(?:your|the|their|a|our|both)?\s*(?:two\s+)?(?:dogs?|pets?|pups?|beagle|corgi)|(?:welcomes?|allows?|permits?)\s+(?:dogs?|pets?))\b/i,
    negative:
      /\b(?:no\s+(?:dogs?|pets?)|(?:dogs?|pets?)\b[^.!?\n]{0,30}?\b(?:not\s+(?:allowed|permitted|welcome|possible)|aren't\s+(?:allowed|permitted|welcome)|isn't\s+(?:allowed|permitted)|prohibited|banned|can't|cannot|won't)|not\s+(?:dog|pet)[- ]friendly|(?:doesn't|does not|don't|do not)\s+(?:allow|permit|accept)\s+(?:dogs?|pets?)|can't\s+bring\s+(?:your\s+|the\s+)?(?:dogs?|pets?)|cannot\s+bring)\b/i,
    truth: (space) => space.detailedAmenities.dogPolicy?.allowed ?? space.amenities.dogFriendly ?? null,
    describe: (space) => {
      const policy = space.detailedAmenities.dogPolicy;
      if (!policy) return `${space.name}: no dog policy on record`;
      return `${space.name}: dogs ${policy.allowed ? 'allowed' : 'not allowed'}${policy.reason ? ` (${policy.reason})` : ''}`;
    },
    field: 'detailedAmenities.dogPolicy.allowed',
  },
  {
    name: 'parking-included',
    keywords: ['parking'],
    positive:
      /\b(?:parking\b[^.!?\n]{0,30}?\b(?:is|are)\s+(?:included|free|complimentary|at no (?:extra )?(?:cost|charge))|free parking|(?:included|complimentary)\s+parking|parking\s+(?:at\s+)?no\s+(?:extra\s+)?(?:cost|charge))\b/i,
    negative:
      /\b(?:parking\b[^.!?\n]{0,30}?\b(?:is|are)\s+not\s+included|parking\s+(?:is\s+)?extra|parking\s+costs?\s+extra)\b/i,
    truth: PARKING_INCLUDED,
    describe: (space) => {
      const parking = space.detailedAmenities.parking;
      if (!parking) return `${space.name}: no parking on record`;
      if (parking.costMonthly !== undefined) return `${space.name}: parking $${parking.costMonthly}/month`;
      if (parking.costPerDay !== undefined) return `${space.name}: parking $${parking.costPerDay}/day`;
      return `${space.name}: parking ${parking.type ?? ''} ${parking.note ?? ''}`.trim();
    },
    field: 'detailedAmenities.parking.costMonthly',
  },
  {
    name: 'parking',
    keywords: ['parking', 'street-only'],
    positive:
      /\b(?:(?:on-site|dedicated|reserved|private|building|underground)\s+(?:parking|garage)|has\s+(?:its\s+own\s+)?parking|parking\s+(?:is|are)\s+available|there\s+is\s+parking)\b/i,
    negative:
      /\b(?:no\s+(?:on-site\s+|dedicated\s+|off-street\s+)?parking|(?:doesn't|does not)\s+(?:have|offer|include)\s+(?:any\s+)?(?:on-site\s+|dedicated\s+)?parking|street parking only|only street parking|parking\s+is\s+not\s+available|street-only)\b/i,
    truth: hasParking,
    describe: (space) =>
      `${space.name}: parking ${space.detailedAmenities.parking?.type ?? (space.amenities.parking ? 'available' : 'none')}`,
    field: 'detailedAmenities.parking.type',
  },
  {
    name: 'around-the-clock',
    keywords: ['24', 'clock', 'any time'],
    positive: /(?:24\/7|24x7|24 hours a day|around the clock|any time of (?:the )?(?:day|night))/i,
    negative: /\bnot\s+(?:open\s+|accessible\s+)?(?:24\/7|around the clock)/i,
    truth: (space) => {
      const hours = space.detailedAmenities.access?.hours;
      return hours ? /24\/7/.test(hours) : null;
    },
    describe: (space) =>
      `${space.name}: access hours ${space.detailedAmenities.access?.hours ?? 'not on record'}`,
    field: 'detailedAmenities.access.hours',
  },
  {
    name: 'after-hours',
    keywords: ['after', 'access'],
    positive:
      /\b(?:after[- ]hours\s+access|access\s+after\s+hours|(?:come|get)\s+in\s+after\s+hours|(?:evening|weekend|overnight|late[- ]night)\s+access)\b/i,
    negative:
      /\b(?:no\s+(?:after[- ]hours|evening|weekend|overnight)\s+access|not\s+(?:accessible|available|open)\s+after\s+hours|(?:doesn't|does not)\s+(?:allow|offer|have)\s+after[- ]hours)\b/i,
    truth: (space) => space.detailedAmenities.access?.afterHours ?? space.amenities.afterHours ?? null,
    describe: (space) =>
      `${space.name}: after-hours access ${(space.detailedAmenities.access?.afterHours ?? space.amenities.afterHours) ? 'yes' : 'no'}${space.detailedAmenities.access?.hours ? ` (hours ${space.detailedAmenities.access.hours})` : ''}`,
    field: 'detailedAmenities.access.afterHours',
  },
  {
    name: 'meeting-rooms',
    keywords: ['room'],
    positive:
      /\b(?:has\s+(?:a\s+|its\s+own\s+)?(?:meeting|conference)\s+rooms?|(?:meeting|conference)\s+rooms?\s+(?:is|are)\s+available|there\s+(?:is|are)\s+(?:a\s+)?(?:meeting|conference)\s+rooms?)\b/i,
    negative:
      /\b(?:no\s+(?:meeting|conference)\s+rooms?|(?:doesn't|does not)\s+have\s+(?:a\s+|any\s+)?(?:meeting|conference)\s+rooms?|without\s+(?:a\s+)?(?:meeting|conference)\s+rooms?)\b/i,
    truth: rooms,
    describe: (space) =>
      `${space.name}: ${space.detailedAmenities.meetingRooms ? `${space.detailedAmenities.meetingRooms.count} meeting rooms` : 'no meeting rooms on record'}`,
    field: 'detailedAmenities.meetingRooms.count',
  },
  {
    name: 'utilities',
    keywords: ['utilities'],
    positive: /\butilities\b[^.!?\n]{0,25}?\b(?:are\s+|is\s+)?(?:included|covered|part of the rent)\b/i,
    negative:
      /\b(?:utilities\b[^.!?\n]{0,25}?\b(?:are\s+|is\s+)?(?:not\s+included|extra|separate|billed separately|on top)|plus\s+utilities)\b/i,
    truth: (space) => space.detailedAmenities.rentInclusions?.utilities ?? null,
    describe: (space) =>
      `${space.name}: utilities ${space.detailedAmenities.rentInclusions?.utilities === undefined ? 'not on record' : space.detailedAmenities.rentInclusions.utilities ? 'included' : 'not included'}`,
    field: 'detailedAmenities.rentInclusions.utilities',
  },
];

// Negative phrasings first: "no dogs are allowed" must not also read as "dogs are allowed".
const POLICY_PATTERNS = POLICIES.flatMap((policy) => [
  { policy, claimed: false, pattern: new RegExp(policy.negative.source, 'gi') },
  { policy, claimed: true, pattern: new RegExp(policy.positive.source, 'gi') },
]);

function checkPolicies(c: Checker) {
  for (const { policy, claimed, pattern } of POLICY_PATTERNS) {
    if (!policy.keywords.some((keyword) => c.lower.includes(keyword))) continue;
    for (const match of c.body.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
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

function checkInternet(c: Checker) {
  for (const match of c.body.matchAll(/\b(\d+(?:\.\d+)?)\s?(gbps|mbps|gb|mb)\b/gi)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (!c.take(start, end)) continue;
    const claimed = `${match[1]} ${(match[2] ?? '').toLowerCase().replace(/ps$/, '')}`;
    const { spaces } = c.scope(start);
    const speeds = spaces.map((space) => space.detailedAmenities.rentInclusions?.internet).filter(Boolean);
    const matches = speeds.some((speed) => (speed ?? '').toLowerCase().replace(/ps\b/, '').includes(claimed));
    if (matches) continue;
    c.issue(
      start,
      end,
      speeds.length > 0 ? 'error' : 'warning',
      spaces
        .map(
          (space) =>
            `${space.name}: internet ${space.detailedAmenities.rentInclusions?.internet ?? 'not on record'}`,
        )
        .join('; '),
      spaces.map((space) => `space:${space.id}.detailedAmenities.rentInclusions.internet`).join(', ') ||
        'records',
    );
  }
}

/** Qualities the records rarely hold: stated without a source, they are worth a second look. */
const SOFT_CLAIMS: Array<[RegExp, string[]]> = [
  [/\bquiet\b/gi, ['quiet']],
  [/\b(?:newly\s+)?renovated\b/gi, ['renovated']],
  [/\bnatural light\b|\bbright\b|\bsunny\b/gi, ['bright', 'light', 'sunny']],
  [/\b(?:great|stunning|bay|city)\s+views?\b/gi, ['view']],
  [
    /\b(?:walking distance|walkable|steps from|minutes? from|blocks? (?:from|away))\b/gi,
    ['walk', 'block', 'min '],
  ],
  [
    /\b(?:close to|near(?:by)?)\s+(?:bart|caltrain|muni|transit|the train)\b/gi,
    ['bart', 'caltrain', 'muni', 'transit'],
  ],
  [
    /\b(?:gym|showers?|bike (?:storage|room|parking)|rooftop|roof deck)\b/gi,
    ['gym', 'shower', 'bike', 'roof'],
  ],
  [/\bfurnished\b/gi, ['furnished', 'desks']],
  [/\b(?:wheelchair|ada)[- ]accessible\b|\belevator\b/gi, ['wheelchair', 'ada', 'elevator']],
];

function checkSoftClaims(c: Checker) {
  for (const [pattern, keywords] of SOFT_CLAIMS) {
    for (const match of c.body.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (keywords.some((k) => c.index.factText.includes(k) || c.index.threadText.includes(k))) continue;
      if (!c.take(start, end)) continue;
      c.issue(start, end, 'warning', 'The records neither confirm nor contradict this', 'records');
    }
  }
}

const DATE_PATTERN = new RegExp(
  `\\b(?:${MONTHS.join('|')})\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\b\\d{4}-\\d{2}-\\d{2}\\b`,
  'gi',
);

function checkDates(c: Checker) {
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

function signatureSpan(body: string, signature: string): Span | null {
  const trimmed = signature.trim();
  if (!trimmed) return null;
  const at = body.lastIndexOf(trimmed);
  return at >= 0 ? { start: at, end: at + trimmed.length } : null;
}

/** Every grounding issue in a body, in the order they appear. */
export function checkGrounding(body: string, context: DraftContext): ValidationIssue[] {
  const checker = new Checker(
    body,
    body.toLowerCase(),
    groundingIndex(context),
    signatureSpan(body, context.signature),
  );
  // Order matters: the first check to claim a span owns it (an address number is not a count).
  checkAddresses(checker);
  checkSchedule(checker);
  checkMoney(checker);
  checkInternet(checker);
  checkCounts(checker);
  checkPolicies(checker);
  checkDates(checker);
  checkSoftClaims(checker);
  return checker.issues.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
}

/** passed / warnings / failed from a list of issues. */
export function validationStatusOf(issues: ValidationIssue[]): ValidationStatus {
  if (issues.some((issue) => issue.severity === 'error')) return 'failed';
  if (issues.length > 0) return 'warnings';
  return 'passed';
}

/**
 * The grounding layer alone, as stored on a draft: what an agent's edit re-runs. Build the context
 * with `loadDraftContext(db, { organizationId, inboundEmailId })` from `./context`.
 */
export function validateDraftBody(body: string, context: DraftContext, now = new Date()): DraftValidation {
  const issues = checkGrounding(body, context);
  return { status: validationStatusOf(issues), issues, checkedAt: now.toISOString() };
}

/** Both layers together: the critique can add issues, never clear the grounding ones. */
export function combineValidation(
  grounding: ValidationIssue[],
  critique: ValidationIssue[],
  now = new Date(),
): DraftValidation {
  const issues = [...grounding, ...critique.map((issue) => ({ ...issue, layer: 'critique' as const }))];
  return { status: validationStatusOf(issues), issues, checkedAt: now.toISOString() };
}

export { formatMinutes };
