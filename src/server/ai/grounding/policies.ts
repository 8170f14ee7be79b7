import type { ContextSpace } from '../context';

/** The policy patterns, as data: how each policy is said both ways, and what the records say. */

export type Policy = {
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

export const PARKING_INCLUDED = (space: ContextSpace) => {
  const parking = space.detailedAmenities.parking;
  if (!parking) return null;
  if (parking.costMonthly === 0 || /included/i.test(parking.note ?? '')) return true;
  if ((parking.costMonthly ?? 0) > 0 || (parking.costPerDay ?? 0) > 0) return false;
  return null;
};

export const hasParking = (space: ContextSpace) => {
  const type = space.detailedAmenities.parking?.type;
  if (type === 'street-only') return false;
  if (type) return true;
  return space.amenities.parking ?? null;
};

export const rooms = (space: ContextSpace) =>
  space.detailedAmenities.meetingRooms
    ? space.detailedAmenities.meetingRooms.count > 0
    : (space.amenities.meetingRooms ?? null);

export const POLICIES: Policy[] = [
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
export const POLICY_PATTERNS = POLICIES.flatMap((policy) => [
  { policy, claimed: false, pattern: new RegExp(policy.negative.source, 'gi') },
  { policy, claimed: true, pattern: new RegExp(policy.positive.source, 'gi') },
]);

/**
 * Concessions and commitments: what a broker may not promise unless the records hold it. Each
 * pattern is an issue (an error) unless `supported` finds it in the space's records.
 */
export type Concession = {
  name: string;
  pattern: RegExp;
  supported: (space: ContextSpace, today: string) => boolean;
  expected: (space: ContextSpace) => string;
  field: string;
};

export const CONCESSIONS: Concession[] = [
  {
    name: 'discount',
    pattern:
      /\b(?:\d{1,2}\s?%|\w+ percent)\s+(?:off|discount)\b|\bdiscount(?:ed|s)?\b|\b(?:reduced|lower(?:ed)?|special|introductory|promo(?:tional)?) (?:rent|rate|price)\b|\b(?:knock|take) (?:\$?[\d,]+|some(?:thing)?) off\b/gi,
    supported: () => false,
    expected: (space) =>
      `${space.name}: rent ${`$${space.monthlyRate.toLocaleString('en-US')}`}/month; no discount on record`,
    field: 'monthlyRate',
  },
  {
    name: 'free-months',
    pattern:
      /\b(?:(?:first|one|two|three|\d)\s+(?:months?|weeks?)\s+(?:free|rent[- ]free|on the house)|free (?:months?|rent|first month)|rent[- ]free(?: period)?|months? of free rent)\b/gi,
    supported: () => false,
    expected: (space) => `${space.name}: no free rent on record`,
    field: 'monthlyRate',
  },
  {
    name: 'available-immediately',
    pattern:
      /\b(?:available|ready|move in|move-in|moving in)\s+(?:immediately|right away|right now|today|tomorrow|now|this week|asap)\b|\bimmediate(?:ly)? (?:availability|move[- ]in|occupancy)\b/gi,
    supported: (space, today) => Boolean(space.availableFrom && space.availableFrom <= today),
    expected: (space) => `${space.name}: available from ${space.availableFrom ?? 'a date not on record'}`,
    field: 'availableFrom',
  },
  {
    name: 'no-deposit',
    pattern:
      /\b(?:no (?:security )?deposit(?: required| needed)?|deposit(?:s)? (?:is |are |will be )?(?:waived|not required|not needed)|waiv(?:e|ed|ing) (?:the |your |any )?(?:security )?deposits?|zero deposit)\b/gi,
    supported: () => false,
    expected: (space) =>
      `${space.name}: ${space.detailedAmenities.dogPolicy?.deposit !== undefined ? `dog deposit $${space.detailedAmenities.dogPolicy.deposit}; ` : ''}no deposit waiver on record`,
    field: 'detailedAmenities',
  },
  {
    name: 'waived-fees',
    pattern:
      /\b(?:fees? (?:is |are |will be )?waived|waiv(?:e|ed|ing) (?:the |any |all |your )?(?:\w+ )?fees?|no (?:broker(?:age)?|setup|set-up|admin|move-in|application) fees?|fee-free)\b/gi,
    supported: () => false,
    expected: (space) => `${space.name}: no fee waiver on record`,
    field: 'detailedAmenities',
  },
  {
    name: 'free-key-cards',
    pattern:
      /\b(?:free (?:key ?cards?|access cards?|fobs?|badges?)|(?:key ?cards?|access cards?|fobs?|badges?)\b[^.!?\n$]{0,30}?\b(?:are |is )?(?:free|complimentary|included|at no (?:extra )?(?:cost|charge)|on the house))\b/gi,
    supported: (space) =>
      space.detailedAmenities.access?.costPerCard === 0 ||
      (space.detailedAmenities.access?.costPerCard === undefined &&
        space.detailedAmenities.access?.cost === 0),
    expected: (space) =>
      `${space.name}: key cards ${space.detailedAmenities.access?.costPerCard !== undefined ? `$${space.detailedAmenities.access.costPerCard} each` : 'price not on record'}`,
    field: 'detailedAmenities.access.costPerCard',
  },
  {
    name: 'host-agreed',
    pattern:
      /\b(?:the (?:host|landlord|owner) (?:has )?(?:agreed|accepted|approved|signed off)|(?:host|landlord) (?:will|would|is happy to|can) (?:accept|take|agree to|come down|lower|reduce|drop|throw in|include|cover)|(?:we|i) (?:can|could) (?:lower|reduce|drop|bring down|negotiate down) the (?:rent|price|rate)|(?:price|rent|rate) (?:is )?locked(?: in)?|guarantee(?:d|s)? (?:the |your |a )?(?:rent|price|rate|spot|space)|(?:throw|throwing) in)\b/gi,
    supported: () => false,
    expected: (space) => `${space.name}: no such commitment from the host on record`,
    field: 'hostContext',
  },
];
