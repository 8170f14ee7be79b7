import type { RequirementField } from '../../../../db/schema';
import {
  type ExtractedRequirements,
  MONTH_NAMES,
  MUST_PATTERNS,
  NEGATION,
  NEIGHBORHOOD_ALIASES,
  wordsToDigits,
} from './extract';

/**
 * A model's reading of an email, checked against the email itself: a field survives only when its
 * quoted words are in the email and its value is in those words (a figure the email does not
 * contain is dropped). The same shape as the deterministic parser's, so both store alike.
 */

type Quoted<T> = { value: T; words: string } | null;
export type ModelRequirements = {
  teamSize: Quoted<number>;
  monthlyBudget: Quoted<number>;
  neighborhoods: Quoted<string[]>;
  moveInDate: Quoted<string>;
  leaseMonths: Quoted<number>;
  parking: Quoted<boolean>;
  parkingSpots: Quoted<number>;
  dogFriendly: Quoted<boolean>;
  afterHours: Quoted<boolean>;
  meetingRooms: Quoted<boolean>;
};

export type VerifiedRequirements = {
  extracted: ExtractedRequirements;
  /** Fields the model returned that the email does not bear out, with why. */
  dropped: Array<{ field: RequirementField; reason: string }>;
};

const normalize = (text: string) =>
  wordsToDigits(text.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ')).trim();

/** The figures written in some words: "8", "9,000", "$9k", "9.5k", "nine thousand". */
function figuresIn(words: string): number[] {
  const figures: number[] = [];
  for (const match of normalize(words).matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(k\b|grand\b)?/g)) {
    const n = Number((match[1] ?? '').replace(/,/g, ''));
    if (!Number.isFinite(n)) continue;
    figures.push(match[2] ? Math.round(n * 1000) : n);
  }
  return figures;
}

const QUARTER = /\bq([1-4])\b/;
const SOON = /\b(?:asap|as soon as|immediately|right away|now|next month|this month|straight away)\b/;

function dateIsInWords(value: string, words: string, sentAt: Date): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return false;
  const month = date.getUTCMonth();
  const text = normalize(words);
  const name = MONTH_NAMES[month] ?? '';
  if (new RegExp(`\\b${name}`).test(text)) return true;
  if (new RegExp(`\\b${month + 1}/\\d{1,2}\\b|\\b\\d{1,2}/${month + 1}\\b`).test(text)) return true;
  const quarter = text.match(QUARTER);
  if (quarter && Math.floor(month / 3) + 1 === Number(quarter[1])) return true;
  const days = (date.getTime() - sentAt.getTime()) / 86_400_000;
  return SOON.test(text) && days > -2 && days < 62;
}

function spelledIn(name: string, email: string): boolean {
  const aliases = NEIGHBORHOOD_ALIASES[name] ?? [];
  return [name.toLowerCase(), ...aliases].some((alias) =>
    new RegExp(`(?:^|[^\\p{L}])${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^\\p{L}])`, 'u').test(
      email,
    ),
  );
}

/**
 * Keeps what the email bears out. `knownNeighborhoods` are the organization's: a neighbourhood it
 * does not have, or one the email does not name, is dropped from the list.
 */
export function verifyAgainstEmail(
  output: ModelRequirements,
  email: string,
  options: { sentAt: Date; knownNeighborhoods: string[] },
): VerifiedRequirements {
  const text = normalize(email);
  const extracted: ExtractedRequirements = {};
  const dropped: VerifiedRequirements['dropped'] = [];
  const drop = (field: RequirementField, reason: string) => dropped.push({ field, reason });
  const quotedInEmail = (field: RequirementField, words: string) => {
    const quote = normalize(words);
    if (quote && text.includes(quote)) return true;
    drop(field, `the words "${words.slice(0, 80)}" are not in the email`);
    return false;
  };
  const figure = (field: 'teamSize' | 'leaseMonths' | 'parkingSpots', max: number) => {
    const read = output[field];
    if (!read || !quotedInEmail(field, read.words)) return;
    const figures = figuresIn(read.words);
    // A lease "in years" is that many twelves of months.
    const isYears = field === 'leaseMonths' && /\byears?\b/.test(normalize(read.words));
    const allowed = isYears ? figures.map((n) => n * 12) : figures;
    const ok =
      Number.isInteger(read.value) && read.value > 0 && read.value <= max && allowed.includes(read.value);
    if (ok) extracted[field] = { value: read.value, words: read.words };
    else drop(field, `${read.value} is not a figure the email gives`);
  };

  figure('teamSize', 10_000);
  figure('leaseMonths', 240);

  const budget = output.monthlyBudget;
  if (budget && quotedInEmail('monthlyBudget', budget.words)) {
    const figures = figuresIn(budget.words);
    const team = extracted.teamSize?.value;
    // A per-desk budget is the figure times the team: both must be the email's own.
    const ok =
      budget.value > 0 &&
      (figures.includes(budget.value) ||
        (team !== undefined && figures.some((n) => n * team === budget.value)));
    if (ok) extracted.monthlyBudget = { value: budget.value, words: budget.words };
    else drop('monthlyBudget', `$${budget.value} is not a figure the email gives`);
  }

  const places = output.neighborhoods;
  if (places && places.value.length > 0) {
    const canonical = new Map(options.knownNeighborhoods.map((name) => [name.toLowerCase(), name]));
    const kept: string[] = [];
    for (const name of places.value) {
      const known = canonical.get(name.trim().toLowerCase());
      if (known && spelledIn(known, text)) {
        if (!kept.includes(known)) kept.push(known);
      } else drop('neighborhoods', `${name} is not a neighbourhood of the inventory the email names`);
    }
    if (kept.length > 0) extracted.neighborhoods = { value: kept, words: places.words || kept.join(', ') };
  }

  const moveIn = output.moveInDate;
  if (moveIn && quotedInEmail('moveInDate', moveIn.words)) {
    if (dateIsInWords(moveIn.value, moveIn.words, options.sentAt)) {
      extracted.moveInDate = { value: moveIn.value, words: moveIn.words };
    } else drop('moveInDate', `${moveIn.value} is not the date the words say`);
  }

  for (const field of ['parking', 'dogFriendly', 'afterHours', 'meetingRooms'] as const) {
    const read = output[field];
    if (!read || !quotedInEmail(field, read.words)) continue;
    const words = normalize(read.words);
    // The words must be about the must-have, and say no exactly when the value is false.
    if (MUST_PATTERNS[field].test(words) && NEGATION.test(words) === !read.value) {
      extracted[field] = { value: read.value, words: read.words };
    } else drop(field, `"${read.words.slice(0, 80)}" does not say ${field} is ${read.value}`);
  }

  if (extracted.parking?.value !== false) {
    const spots = output.parkingSpots;
    if (spots && MUST_PATTERNS.parking.test(normalize(spots.words))) figure('parkingSpots', 1_000);
    else if (spots) drop('parkingSpots', 'the words are not about parking');
  }
  return { extracted, dropped };
}
