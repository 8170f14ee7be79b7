import type { ContextSpace, DraftContext } from '../context';
import { datesIn, isoDay, money, numbersIn } from './text';

/**
 * The fact index: every checkable fact of a context (money and counts with their source paths,
 * dates, the thread's own numbers and words), flattened once per context.
 */

export type Topic = 'rent' | 'parking' | 'card' | 'deposit' | 'budget';
export type Fact = {
  value: number;
  source: string;
  topic: Topic | null;
  spaceId: number | null;
  label: string;
};
export type CountKind = 'rooms' | 'spots' | 'desks' | 'people' | 'area';

export type GroundingIndex = {
  money: Fact[];
  teamSize: number;
  counts: Record<CountKind, Fact[]>;
  threadNumbers: Set<number>;
  threadText: string;
  factText: string;
  spaces: ContextSpace[];
  spaceNames: Array<{ space: ContextSpace; names: string[] }>;
  dates: Set<string>;
  /** When the email being answered was sent: what "tomorrow" and a date without a year count from. */
  referenceDate: Date;
};

/** "Mission Loft parking: $275/month", with the unit its field implies. */
export function describeFact(fact: { label: string; value: number; source: string }) {
  const unit = /(costMonthly|monthlyRate|monthlyBudget)$/.test(fact.source)
    ? '/month'
    : /costPerDay$/.test(fact.source)
      ? '/day'
      : /costPerCard$/.test(fact.source)
        ? ' per card'
        : '';
  return `${fact.label}: ${money(fact.value)}${unit}${fact.value === 0 ? ' (included)' : ''}`;
}

export const indexCache = new WeakMap<DraftContext, GroundingIndex>();

/** How a body may name a space: its name, its first two words ("Union Square"), its street. */
export function spaceNames(space: ContextSpace) {
  const names = [space.name.toLowerCase()];
  const words = space.name.toLowerCase().split(/\s+/);
  if (words.length > 2) names.push(words.slice(0, 2).join(' '));
  const street = space.address.split(',')[0]?.toLowerCase();
  if (street) names.push(street);
  return names;
}

/** The facts of a context, flattened once: money and counts with their source paths. */
type FactLists = { money: Fact[]; counts: Record<CountKind, Fact[]>; dates: Set<string> };

const add = (list: Fact[], fact: Fact | null) => fact && list.push(fact);
const fact = (
  value: number | undefined,
  source: string,
  topic: Topic | null,
  spaceId: number | null,
  label: string,
): Fact | null => (value === undefined ? null : { value, source, topic, spaceId, label });

/**
 * The facts of one space (rent, parking, cards, deposits, rooms, spots, desks, area, move-in date)
 * added to the lists. `groundingIndex` calls it for every space of the context; another source of
 * spaces (a shortlist) is indexed by calling it for those spaces too.
 */
export function indexSpace(lists: FactLists, space: ContextSpace) {
  const { money: moneyFacts, counts, dates } = lists;
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

/** Every space the draft may talk about, indexed: the deal's linked spaces. */
export function indexSpaces(lists: FactLists, spaces: ContextSpace[]) {
  for (const space of spaces) indexSpace(lists, space);
}

export function groundingIndex(context: DraftContext): GroundingIndex {
  const cached = indexCache.get(context);
  if (cached) return cached;
  const moneyFacts: Fact[] = [];
  const counts: Record<CountKind, Fact[]> = { rooms: [], spots: [], desks: [], people: [], area: [] };
  const dates = new Set<string>();

  const dealSource = `deal:${context.deal.id}`;
  add(moneyFacts, fact(context.deal.monthlyBudget, `${dealSource}.monthlyBudget`, 'budget', null, 'budget'));
  add(counts.people, fact(context.deal.teamSize, `${dealSource}.teamSize`, null, null, 'team size'));
  if (context.deal.requirements.moveInDate)
    for (const d of datesIn(context.deal.requirements.moveInDate)) dates.add(d);

  indexSpaces({ money: moneyFacts, counts, dates }, context.spaces);

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
    referenceDate: new Date(context.inbound.sentAt || Date.now()),
  };
  indexCache.set(context, index);
  return index;
}
