import type { ContextSpace } from '../../context';
import type { Checker } from '../checker';

/**
 * Qualitative amenities that have a record behind them: the kitchen, the cleaning schedule, the
 * internet (fiber, gigabit) and the neighbourhood. Checked against the space the sentence is
 * about; with no record the statement is a warning.
 */
type Amenity = {
  pattern: RegExp;
  /** What the records say for the space: null when they say nothing. */
  record: (space: ContextSpace) => string | null;
  /** Whether the claim (lower case) agrees with the record. */
  agrees: (claim: string, record: string) => boolean;
  label: string;
  field: string;
};

const frequency = (text: string) =>
  /nightly|every night|daily|every day|each night|each evening|every evening/.test(text)
    ? 'nightly'
    : /weekly|once a week|every week/.test(text)
      ? 'weekly'
      : /monthly|once a month/.test(text)
        ? 'monthly'
        : null;

const kitchenKind = (text: string) =>
  /full(?:y equipped)? kitchen|full-size kitchen/.test(text)
    ? 'full kitchen'
    : /kitchenette/.test(text)
      ? 'kitchenette'
      : /espresso bar/.test(text)
        ? 'espresso bar'
        : /coffee bar/.test(text)
          ? 'coffee bar'
          : /no kitchen/.test(text)
            ? 'none'
            : 'kitchen';

const AMENITIES: Amenity[] = [
  {
    pattern:
      /\b(?:full(?:y equipped)? kitchen|full-size kitchen|kitchenette|espresso bar|coffee bar|no kitchen)\b/gi,
    record: (space) => space.detailedAmenities.rentInclusions?.kitchen ?? null,
    agrees: (claim, record) => {
      const kind = kitchenKind(claim);
      return kind === 'kitchen' || record.toLowerCase().includes(kind);
    },
    label: 'kitchen',
    field: 'detailedAmenities.rentInclusions.kitchen',
  },
  {
    pattern:
      /\b(?:(?:nightly|daily|weekly|monthly)\s+(?:cleaning|janitorial|cleaners?)|(?:cleaned|cleaning|janitorial|cleaners? come)\b[^.!?\n]{0,30}?\s(?:is\s+|are\s+|happens\s+)?(?:nightly|daily|weekly|monthly|every night|every day|once a week|every week|each night))\b/gi,
    record: (space) => space.detailedAmenities.rentInclusions?.janitorial ?? null,
    agrees: (claim, record) => frequency(claim) === frequency(record.toLowerCase()),
    label: 'cleaning',
    field: 'detailedAmenities.rentInclusions.janitorial',
  },
  {
    pattern: /\b(?:gigabit|fib(?:er|re)(?:[- ]optic)?)\b/gi,
    record: (space) => space.detailedAmenities.rentInclusions?.internet ?? null,
    agrees: (claim, record) => {
      const r = record.toLowerCase();
      return claim.startsWith('giga') ? /\b1 ?gbps\b|\b[1-9] ?gbps/.test(r) : /fib(?:er|re)/.test(r);
    },
    label: 'internet',
    field: 'detailedAmenities.rentInclusions.internet',
  },
];

const NEIGHBOURHOODS = [
  'mission bay',
  'the mission',
  'soma',
  'south of market',
  'financial district',
  'fidi',
  'dogpatch',
  'hayes valley',
  'north beach',
  'potrero hill',
  'jackson square',
  'castro',
  'the castro',
  'presidio',
  'the presidio',
  'union square',
  'nob hill',
  'tenderloin',
  'marina',
  'russian hill',
  'noe valley',
  'bernal heights',
  'chinatown',
];

const NEIGHBOURHOOD_CLAIM = new RegExp(
  `\\b(?:in|located in|based in|right in|heart of)\\s+(${NEIGHBOURHOODS.join('|')})\\b`,
  'gi',
);

function checkNeighbourhoods(c: Checker) {
  for (const match of c.body.matchAll(NEIGHBOURHOOD_CLAIM)) {
    const start = (match.index ?? 0) + match[0].length - (match[1] ?? '').length;
    const end = start + (match[1] ?? '').length;
    if (c.isSkipped(start)) continue;
    const { spaces, isNamed } = c.scope(start);
    if (!isNamed || spaces.length !== 1 || !spaces[0]?.neighborhood) continue;
    const space = spaces[0];
    const claimed = (match[1] ?? '').toLowerCase().replace(/^the /, '');
    const record = (space.neighborhood ?? '').toLowerCase();
    const same =
      record === claimed ||
      (claimed === 'fidi' && record === 'financial district') ||
      (claimed === 'south of market' && record === 'soma');
    // The space's own name ("Mission Loft", "Union Square 14th Floor") is not a neighbourhood claim.
    if (same || space.name.toLowerCase().includes(claimed)) continue;
    if (!c.take(start, end)) continue;
    c.issue(start, end, 'error', `${space.name}: ${space.neighborhood}`, `space:${space.id}.neighborhood`);
  }
}

export function checkAmenities(c: Checker) {
  for (const amenity of AMENITIES) {
    for (const match of c.body.matchAll(amenity.pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (c.isSkipped(start)) continue;
      const { spaces } = c.scope(start);
      const records = spaces.map((space) => ({ space, record: amenity.record(space) }));
      const known = records.filter((r) => r.record !== null);
      const claim = match[0].toLowerCase();
      if (known.some((r) => amenity.agrees(claim, r.record ?? ''))) continue;
      if (!c.take(start, end)) continue;
      c.issue(
        start,
        end,
        known.length > 0 ? 'error' : 'warning',
        records.map((r) => `${r.space.name}: ${amenity.label} ${r.record ?? 'not on record'}`).join('; ') ||
          'The records say nothing about this',
        records.map((r) => `space:${r.space.id}.${amenity.field}`).join(', ') || 'records',
      );
    }
  }
  checkNeighbourhoods(c);
}
