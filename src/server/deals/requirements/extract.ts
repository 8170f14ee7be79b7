import type { RequirementField, RequirementValue } from '../../../../db/schema';

/**
 * Reads a seeker's requirements out of an email, deterministically. Each field keeps the words it
 * was read from. Written for real writing: typos, numbers in words, several requirements in one
 * sentence, and negations ("we don't need parking" is `parking: false`, not true).
 */

export type ExtractedField<T extends RequirementValue = RequirementValue> = { value: T; words: string };
export type ExtractedRequirements = {
  teamSize?: ExtractedField<number>;
  monthlyBudget?: ExtractedField<number>;
  neighborhoods?: ExtractedField<string[]>;
  moveInDate?: ExtractedField<string>;
  leaseMonths?: ExtractedField<number>;
  parking?: ExtractedField<boolean>;
  parkingSpots?: ExtractedField<number>;
  dogFriendly?: ExtractedField<boolean>;
  afterHours?: ExtractedField<boolean>;
  meetingRooms?: ExtractedField<boolean>;
};
export type { RequirementField };

/** Common names seekers use, by the name the inventory uses. */
export const NEIGHBORHOOD_ALIASES: Record<string, string[]> = {
  Mission: ['the mission', 'mission district', 'mission', 'misson', 'mision'],
  'Mission Bay': ['mission bay'],
  SoMa: ['soma', 'south of market', 'so ma'],
  'Financial District': ['financial district', 'fidi', 'fi di', 'financial distict', 'downtown fidi'],
  'Hayes Valley': ['hayes valley', 'hayes vally', 'hayes'],
  Dogpatch: ['dogpatch', 'dog patch'],
  'Potrero Hill': ['potrero hill', 'potrero'],
  'North Beach': ['north beach'],
  'Jackson Square': ['jackson square', 'jackson sq'],
  Castro: ['the castro', 'castro'],
  Presidio: ['the presidio', 'presidio'],
  'Union Square': ['union square', 'union sq'],
  'West Oakland': ['west oakland'],
  'Nob Hill': ['nob hill'],
  Embarcadero: ['the embarcadero', 'embarcadero'],
  'Noe Valley': ['noe valley'],
  'Design District': ['design district'],
};

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  a: 1,
  an: 1,
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
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SMALL_WORDS = Object.keys(SMALL)
  .filter((w) => w !== 'a' && w !== 'an')
  .join('|');
const TENS_WORDS = Object.keys(TENS).join('|');

/** "twenty-five" → 25, "a dozen" → 12, "nine thousand" → 9000, "a couple of" → 2. */
export function wordsToDigits(text: string): string {
  let out = text.replace(/\bhalf a dozen\b/gi, '6').replace(/\b(?:a )?dozen\b/gi, '12');
  out = out.replace(/\ba (?:couple|pair) of\b/gi, '2');
  out = out.replace(
    new RegExp(`\\b(${TENS_WORDS})(?:[- ](one|two|three|four|five|six|seven|eight|nine))?\\b`, 'gi'),
    (_, tens: string, unit?: string) =>
      String((TENS[tens.toLowerCase()] ?? 0) + (unit ? (SMALL[unit.toLowerCase()] ?? 0) : 0)),
  );
  out = out.replace(new RegExp(`\\b(${SMALL_WORDS})\\b`, 'gi'), (w: string) =>
    String(SMALL[w.toLowerCase()]),
  );
  // "9 thousand", "12 and a half thousand" → digits.
  out = out.replace(/\b(\d+(?:\.\d+)?)(?: and a half)? thousand\b/gi, (m: string, n: string) =>
    String(Math.round((Number(n) + (/half/i.test(m) ? 0.5 : 0)) * 1000)),
  );
  out = out.replace(/\b(\d+) hundred\b/gi, (_: string, n: string) => String(Number(n) * 100));
  return out;
}

/** Sentences, then clauses: negation reaches only as far as its own clause. */
function clausesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|\n+|\s+[-–—]\s+/)
    .flatMap((sentence) =>
      sentence.split(
        /,\s*(?=but\b|however\b|though\b|although\b|and\b|plus\b)|\bbut\b|\bhowever\b|\bwhereas\b|\balthough\b/i,
      ),
    )
    .map((clause) => clause.trim())
    .filter(Boolean);
}

export const NEGATION =
  /\b(?:don'?t|do not|dont|doesn'?t|does not|won'?t|will not|no need|not needed|not necessary|not required|not a must|not important|not essential|isn'?t (?:needed|necessary|required|important|essential|a must|a priority|an issue)|aren'?t (?:needed|necessary|required)|without|never|nobody|none of us|no one)\b|^\s*no\b|\bno (?:parking|pets?|dogs?|meeting|conference|after|late|cars?)/i;

type Must = 'parking' | 'dogFriendly' | 'afterHours' | 'meetingRooms';
export const MUST_PATTERNS: Record<Must, RegExp> = {
  parking: /\b(?:parking|park(?:ing)? spots?|garage|car spots?|places? to park|parkng|parkign)\b/i,
  dogFriendly:
    /\b(?:dogs?|doggos?|pups?|puppy|puppies|pets?|dog[- ]friendly|pet[- ]friendly|corgi|labrador|lab|golden retriever|beagle|terrier|poodle)\b/i,
  afterHours:
    /\b(?:after[- ]?hours?|24\/7|24-7|24 hours|round[- ]the[- ]clock|around the clock|late nights?|work(?:s|ing)? late|nights and weekends|weekend access|evenings and weekends|overnight)\b/i,
  meetingRooms:
    /\b(?:meeting rooms?|meeting space|conference rooms?|conf rooms?|board ?rooms?|metting rooms?|meeting romms?|room to meet clients|place to meet clients)\b/i,
};

export const MONTH_NAMES = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;
const MONTH_RE =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();

function numberOf(text: string) {
  return Number(text.replace(/,/g, ''));
}

/** Dollar amounts with where they are: "$9,000", "$9k", "9k", "9,000/mo", "9000 dollars". */
type Money = { amount: number; start: number; end: number; text: string };
function moneyIn(text: string): Money[] {
  const found: Money[] = [];
  const re =
    /(?:\$|usd\s?)\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k\b|thousand\b)?|\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k\b|thousand\b|dollars\b|usd\b|bucks\b|\/\s?(?:mo|month|desk|seat|person|head)\b|a month\b|per month\b|monthly\b|a desk\b|per desk\b|per seat\b|a seat\b|per person\b|a head\b|per head\b)/gi;
  for (const match of text.matchAll(re)) {
    const digits = match[1] ?? match[3] ?? '';
    const unit = (match[2] ?? match[4] ?? '').toLowerCase();
    let amount = numberOf(digits);
    if (unit === 'k' || unit === 'thousand') amount *= 1000;
    // A bare "12 a month" with no currency is too small to be rent; "$12" stays (per desk below).
    if (!match[1] && !/k|thousand|dollar|usd|buck/.test(unit) && amount < 100) continue;
    found.push({
      amount: Math.round(amount),
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
    });
  }
  return found;
}

function extractBudget(text: string, teamSize: number | undefined): ExtractedField<number> | undefined {
  const money = moneyIn(text).filter((m) => {
    const after = text.slice(m.end, m.end + 30).toLowerCase();
    const before = text.slice(Math.max(0, m.start - 40), m.start).toLowerCase();
    // Parking, deposits and dog fees are not the rent budget.
    return (
      !/(parking|deposit|per spot|a spot|for a spot|spot)/.test(after.slice(0, 14)) &&
      !/deposit|parking (?:for|at|costs?)\s*$/.test(before)
    );
  });
  // A range says the most they would pay: "$8-10k", "between 8 and 10k", "$8k to $10k".
  const range =
    /(?:\$\s?)?(\d+(?:\.\d+)?)\s?(k)?\s?(?:-|–|to|and)\s?\$?\s?(\d+(?:\.\d+)?)\s?(k|thousand)\b/i.exec(text);
  if (range && Number(range[1]) < Number(range[3])) {
    const high = Number(range[3]) * 1000;
    if (high >= 1000) return { value: Math.round(high), words: range[0].trim() };
  }
  const near = (m: Money) => text.slice(m.start, Math.min(text.length, m.end + 25)).toLowerCase();
  const perDesk = money.find((m) =>
    /(?:\/\s?|per |a |each |for each )(?:desk|seat|person|head|employee)\b/.test(
      text.slice(m.start, m.end + 22).toLowerCase(),
    ),
  );
  const monthly = money.find((m) => m.amount >= 500 && !(perDesk && m === perDesk));
  if (monthly) {
    const after = near(monthly);
    const yearly = /(?:\/\s?(?:yr|year)|a year|per year|annually|per annum)/.test(after);
    const value = yearly ? Math.round(monthly.amount / 12) : monthly.amount;
    const words = text.slice(monthly.start, Math.min(text.length, monthly.end + (yearly ? 10 : 0))).trim();
    return { value, words };
  }
  const bare =
    /\b(?:budget|spend|afford|pay)(?: is| of| around| about| up to|:)* (\d{1,3}(?:,\d{3})+|\d{4,6})\b/i.exec(
      text,
    );
  if (bare?.[1] && numberOf(bare[1]) >= 500) return { value: numberOf(bare[1]), words: bare[0] };
  if (perDesk && teamSize) {
    return {
      value: perDesk.amount * teamSize,
      words: text.slice(perDesk.start, Math.min(text.length, perDesk.end + 10)).trim(),
    };
  }
  return undefined;
}

function extractTeamSize(text: string): ExtractedField<number> | undefined {
  const patterns: RegExp[] = [
    /\b(?:team|group|crew|company|startup|studio|firm) of (?:about |around |roughly |~)?(\d{1,3})\b/i,
    /\b(\d{1,3})[- ]?(?:person|people|ppl|poeple|peple|peopel|persons|member|man|woman|seat|desk)\b(?![- ]?(?:desks?|spots?)\s+(?:each|a month))/i,
    /\b(\d{1,3}) (?:of us|employees|staff|folks|heads|engineers|designers|developers|devs|lawyers|accountants|teammates|team members|full[- ]time(?:rs| people| staff)?|ftes?|humans|researchers|analysts|architects)\b/i,
    /\b(?:we(?:'re| are)|we're about|there are|there's|theres|there will be|we'll be|we will be) (?:about |around |roughly |now |currently |just )?(\d{1,3})\b(?! (?:minutes|blocks|miles|months|years|weeks|days))/i,
    /\b(?:headcount|team size|team is|size)(?: is| of|:)? (?:about |around |~)?(\d{1,3})\b/i,
    /\b(?:desks|seats|space|room) for (?:about |around |up to |~)?(\d{1,3})\b/i,
    /\b(\d{1,3}) (?:desks|seats|workstations)\b/i,
  ];
  let best: { value: number; words: string; index: number } | undefined;
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (!match?.[1]) continue;
    const value = Number(match[1]);
    if (value <= 0 || value > 500) continue;
    const before = text.slice(Math.max(0, match.index - 20), match.index).toLowerCase();
    if (
      /\$\s?$|parking (?:for )?$|spots? for $|for $/.test(before) &&
      /\bfor $/.test(before) &&
      /car/.test(text.slice(match.index, match.index + 20))
    )
      continue;
    if (!best) best = { value, words: match[0], index: match.index };
  }
  if (!best) return undefined;
  // "8 now, growing to 12" / "8 people (hiring to 12 by summer)": the team the space must seat now.
  return { value: best.value, words: best.words };
}

function extractNeighborhoods(text: string, known: string[]): ExtractedField<string[]> | undefined {
  const lower = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}/&'. -]+/gu, ' ')} `;
  const canonical = new Map<string, string>();
  for (const name of known) canonical.set(name.toLowerCase(), name);
  const aliases: Array<{ alias: string; name: string }> = [];
  for (const [name, list] of Object.entries(NEIGHBORHOOD_ALIASES)) {
    const spelled = canonical.get(name.toLowerCase()) ?? name;
    for (const alias of list) aliases.push({ alias, name: spelled });
  }
  for (const name of known) aliases.push({ alias: name.toLowerCase(), name });
  aliases.sort((a, b) => b.alias.length - a.alias.length);

  let masked = lower;
  const hits: Array<{ name: string; index: number; words: string }> = [];
  for (const { alias, name } of aliases) {
    const re = new RegExp(`(?<=[ /])${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[ /'.])`, 'g');
    for (const match of masked.matchAll(re)) {
      // "Mission Bay" must not also count as "Mission"; "dog patch" is not a pet.
      masked =
        masked.slice(0, match.index) + ' '.repeat(alias.length) + masked.slice(match.index + alias.length);
      const before = masked.slice(Math.max(0, match.index - 40), match.index);
      const clauseStart = Math.max(
        before.lastIndexOf(','),
        before.lastIndexOf('.'),
        before.lastIndexOf(' but '),
      );
      const lead = before.slice(clauseStart + 1);
      if (
        /\b(?:not|avoid|no|except|anywhere but|rather than|instead of|outside|other than|than)\s+(?:the\s+|in\s+|in the\s+)?$/.test(
          lead,
        )
      )
        continue;
      const sentenceStart = Math.max(
        masked.lastIndexOf('.', match.index),
        masked.lastIndexOf('!', match.index),
        0,
      );
      if (
        /\b(?:we've been|we have been|been in|moving from|relocating from)\b/.test(
          masked.slice(sentenceStart, match.index),
        )
      )
        continue;
      if (
        /\b(?:we(?:'re| are) (?:currently |now )?(?:in|based in)|currently (?:in|based in)|moving (?:out of|from)|leaving|our current office (?:is )?in|we're in)\s+(?:the\s+)?$/.test(
          lead,
        )
      )
        continue;
      if (!hits.some((hit) => hit.name === name)) hits.push({ name, index: match.index, words: alias });
    }
  }
  if (hits.length === 0) return undefined;
  hits.sort((a, b) => a.index - b.index);
  return { value: hits.map((hit) => hit.name), words: hits.map((hit) => hit.words).join(', ') };
}

function monthIndex(word: string) {
  const key = word.toLowerCase().slice(0, 3);
  return MONTH_NAMES.indexOf(key as (typeof MONTH_NAMES)[number]);
}

/** The move-in date, relative to the day the email was written. */
function extractMoveIn(text: string, sentAt: Date): ExtractedField<string> | undefined {
  const y = sentAt.getUTCFullYear();
  const m = sentAt.getUTCMonth();
  const d = sentAt.getUTCDate();
  const today = iso(y, m, d);
  const lower = text.toLowerCase();

  const asap =
    /\b(?:asap|a\.s\.a\.p|as soon as (?:possible|we can|you can)|immediately|right away|right now|this week|urgent(?:ly)?|immediate move[- ]in)\b/.exec(
      lower,
    );
  const explicit = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(lower);
  if (explicit) return { value: explicit[0], words: explicit[0] };

  const dated = new RegExp(
    `\\b(?:(early|mid|middle of|late|end of|beginning of|start of|the start of|the end of|the beginning of)[- ])?${MONTH_RE}(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:months?|mos?|years?|yrs?|people|person|ppl|desks?|seats?)))?(?:,?\\s+(\\d{4}))?\\b`,
    'i',
  );
  const quarter = /\b(?:(early|late|end of|start of) )?q([1-4])(?:\s+(\d{4}))?\b/i.exec(text);
  const relative =
    /\b(next month|in (\d{1,2}) (weeks?|months?)|(\d{1,2}) (weeks?|months?) from now|next year|first of (?:the )?next month|next quarter)\b/i.exec(
      lower,
    );
  const candidates: Array<{ index: number; value: string; words: string }> = [];

  const tryMonth = (from: number) => {
    const re = new RegExp(dated.source, 'gi');
    re.lastIndex = from;
    for (const match of lower.matchAll(re)) {
      const monthWord = match[2] ?? '';
      const idx = monthIndex(monthWord);
      if (idx < 0) continue;
      // "may" is a verb, "mar"/"jan" need context: only take bare "may" after a move-in cue.
      const before = lower.slice(Math.max(0, match.index - 30), match.index);
      const isCue =
        /(?:from|in|by|starting|start|around|before|after|for|early|mid|late|of|on|move[- ]in|beginning|end|as of|until)\s*$/.test(
          before,
        );
      if ((monthWord === 'may' || monthWord.length <= 4) && !isCue && !match[1] && !match[3]) continue;
      if (/(?:tour|visit|see|viewing)\b[^.]*$/.test(before) && match[3]) continue;
      let year = match[4] ? Number(match[4]) : y;
      const dayOf = match[3] ? Number(match[3]) : null;
      const part = (match[1] ?? '').toLowerCase();
      if (!match[4] && (idx < m || (idx === m && dayOf !== null && dayOf < d))) year += 1;
      let day = dayOf ?? 1;
      if (!dayOf && /mid|middle/.test(part)) day = 15;
      if (!dayOf && /late|end/.test(part)) day = lastDay(year, idx);
      if (day > lastDay(year, idx)) continue;
      let value = iso(year, idx, day);
      if (value < today) value = today;
      candidates.push({ index: match.index, value, words: match[0].trim() });
    }
  };
  tryMonth(0);

  if (quarter) {
    const q = Number(quarter[2]) - 1;
    let year = quarter[3] ? Number(quarter[3]) : y;
    const startMonth = q * 3;
    if (!quarter[3] && startMonth + 2 < m) year += 1;
    let value = iso(year, startMonth, 1);
    const part = (quarter[1] ?? '').toLowerCase();
    if (/late|end/.test(part)) value = iso(year, startMonth + 2, 1);
    if (value < today) value = today;
    candidates.push({ index: quarter.index, value, words: quarter[0] });
  }
  if (relative) {
    const phrase = relative[1]?.toLowerCase() ?? '';
    let value = today;
    if (phrase.includes('next month')) value = iso(m === 11 ? y + 1 : y, (m + 1) % 12, 1);
    else if (phrase === 'next year') value = iso(y + 1, 0, 1);
    else if (phrase === 'next quarter') {
      const next = (Math.floor(m / 3) + 1) * 3;
      value = iso(next >= 12 ? y + 1 : y, next % 12, 1);
    } else {
      const n = Number(relative[2] ?? relative[4]);
      const unit = relative[3] ?? relative[5] ?? '';
      if (unit.startsWith('week')) {
        const at = new Date(Date.UTC(y, m, d + 7 * n));
        value = iso(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
      } else {
        const total = m + n;
        value = iso(y + Math.floor(total / 12), total % 12, 1);
      }
    }
    candidates.push({ index: relative.index, value, words: relative[0] });
  }
  if (asap) candidates.push({ index: asap.index, value: today, words: asap[0] });
  if (candidates.length === 0) return undefined;
  // The first date near a move-in cue wins, else the first date at all.
  const cue = /move|start|from|availab|need (?:it|the space|space)|looking|lease|begin|by /;
  const withCue = candidates.filter((c) => cue.test(lower.slice(Math.max(0, c.index - 40), c.index)));
  const pick = (withCue.length ? withCue : candidates).sort((a, b) => a.index - b.index)[0];
  return pick ? { value: pick.value, words: pick.words } : undefined;
}

function extractLease(text: string): ExtractedField<number> | undefined {
  const lower = text.toLowerCase();
  const mtm = /\bmonth[- ]to[- ]month\b|\bno long[- ]term (?:lease|commitment)\b/.exec(lower);
  if (mtm) return { value: 1, words: mtm[0] };
  const patterns: Array<[RegExp, (m: RegExpExecArray) => number]> = [
    [
      /\b(\d{1,2}(?:\.5)?)[- ]?(months?|mos?|mo|years?|yrs?|yr)[- ](?:lease|term|commitment|contract|deal|agreement|sublease|minimum)\b/,
      (x) => toMonths(x[1], x[2]),
    ],
    [
      /\b(?:lease|term|commitment|contract|sublease)(?: length)?(?: of| for| is| around| about| around| roughly|:)* (\d{1,2}(?:\.5)?) ?(months?|mos?|years?|yrs?)\b/,
      (x) => toMonths(x[1], x[2]),
    ],
    [
      /\b(?:commit(?: to)?|sign(?: for)?|for|lock in(?: for)?|stay(?: for)?|at least|minimum(?: of)?|about|around|roughly) (?:a |an |about |around |at least )?(\d{1,2}(?:\.5)?)? ?(months?|years?|yrs?)\b(?!\s*(?:from now|ago|out))/,
      (x) => toMonths(x[1] ?? '1', x[2]),
    ],
    [/\b(\d{1,2}) ?(months?|years?)\b(?!\s*(?:from now|ago|out))/, (x) => toMonths(x[1], x[2])],
  ];
  for (const [re, months] of patterns) {
    for (const match of lower.matchAll(new RegExp(re.source, 'g'))) {
      const before = lower.slice(Math.max(0, match.index - 12), match.index);
      if (/\bin (?:about |around )?$|within $/.test(before) && !/lease|term/.test(match[0])) continue;
      if (/(?:for|been here|the last|past|over the)\s*$/.test(before) && /been|last|past/.test(before))
        continue;
      const sentenceStart = Math.max(lower.lastIndexOf('.', match.index), 0);
      if (/\b(?:we've been|we have been|been here|been in)\b/.test(lower.slice(sentenceStart, match.index)))
        continue;
      const value = months(match as RegExpExecArray);
      if (value >= 1 && value <= 120) return { value, words: match[0].trim() };
    }
  }
  return undefined;
}

function toMonths(n: string | undefined, unit: string | undefined) {
  const value = Number(n ?? '1');
  return /^y/.test(unit ?? '') ? Math.round(value * 12) : Math.round(value);
}

function extractMustHaves(text: string) {
  const result: Partial<Record<Must, ExtractedField<boolean>>> = {};
  let spots: ExtractedField<number> | undefined;
  for (const clause of clausesOf(text)) {
    for (const must of Object.keys(MUST_PATTERNS) as Must[]) {
      const lowerClause = clause.toLowerCase();
      // "Dogpatch" is a neighbourhood, a "hot dog" lunch is not a pet.
      const tested =
        must === 'dogFriendly'
          ? lowerClause.replace(
              /\b(?:hot ?dogs?|dog ?patch|lab(?:oratory|s)? (?:space|bench)|wet labs?|pet project)\b/g,
              ' ',
            )
          : lowerClause;
      const match = MUST_PATTERNS[must].exec(tested);
      if (!match || result[must]) continue;
      if (
        must === 'parking' &&
        /\b(?:park (?:nearby|across)|golden gate park|dolores park|ballpark|park view|near (?:a|the) park)\b/.test(
          lowerClause,
        ) &&
        !/parking/.test(lowerClause)
      )
        continue;
      const negated = NEGATION.test(clause) && !/\bno (?:more than|later than|less than)\b/.test(lowerClause);
      // "no dogs allowed would be a dealbreaker": the seeker has a dog.
      const dealbreaker =
        /\bdeal ?breaker|\bmust\b|\bneed(?:s)?\b.*\ballow/.test(lowerClause) &&
        /no (?:dogs|pets)/.test(lowerClause);
      result[must] = { value: dealbreaker || !negated, words: clause.slice(0, 160) };
    }
    const spotMatch =
      /\b(\d{1,2}) (?:parking |car |dedicated |reserved )?(?:spots?|spaces? for cars|stalls|parking spaces?)\b|\bparking for (?:up to |about )?(\d{1,2})(?: cars| vehicles| people)?\b|\b(\d{1,2}) cars?\b/i.exec(
        clause,
      );
    if (spotMatch && !spots && !NEGATION.test(clause)) {
      const value = Number(spotMatch[1] ?? spotMatch[2] ?? spotMatch[3]);
      if (value > 0 && value < 100) spots = { value, words: spotMatch[0] };
    }
  }
  if (spots && !result.parking) result.parking = { value: true, words: spots.words };
  return { ...result, parkingSpots: result.parking?.value === false ? undefined : spots };
}

/**
 * Every requirement an email states. `knownNeighborhoods` are the organization's own (from its
 * spaces), so a neighbourhood it lists is found under the name the inventory uses.
 */
export function extractRequirements(
  text: string,
  options: { sentAt: Date; knownNeighborhoods?: string[] },
): ExtractedRequirements {
  const normalized = wordsToDigits(
    text
      .replace(/[’‘]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/\u00a0/g, ' '),
  );
  const out: ExtractedRequirements = {};
  const team = extractTeamSize(normalized);
  if (team) out.teamSize = team;
  const budget = extractBudget(normalized, team?.value);
  if (budget) out.monthlyBudget = budget;
  const neighborhoods = extractNeighborhoods(normalized, options.knownNeighborhoods ?? []);
  if (neighborhoods) out.neighborhoods = neighborhoods;
  const moveIn = extractMoveIn(normalized, options.sentAt);
  if (moveIn) out.moveInDate = moveIn;
  const lease = extractLease(normalized);
  if (lease) out.leaseMonths = lease;
  const musts = extractMustHaves(normalized);
  for (const key of ['parking', 'parkingSpots', 'dogFriendly', 'afterHours', 'meetingRooms'] as const) {
    const field = musts[key];
    if (field) (out as Record<string, unknown>)[key] = field;
  }
  return out;
}
