import type { DealRequirements, SpaceAmenities } from '../../../../db/schema';

/** What a space is judged against: the deal's asks and the organization's budget tolerance. */
export type ShortlistAsk = {
  teamSize: number;
  /** 0: not known yet, no budget constraint. */
  monthlyBudget: number;
  tolerancePercent: number;
  requirements: DealRequirements;
};

export type ShortlistSpaceFacts = {
  monthlyRate: number;
  desks: number | null;
  neighborhood: string | null;
  amenities: SpaceAmenities;
  availableFrom: string | null;
  parkingSpots?: number | null;
};

export type Reason = { criterion: string; ok: boolean; text: string; isHard: boolean };

export const MUST_HAVES = ['parking', 'dogFriendly', 'afterHours', 'meetingRooms'] as const;
export type MustHave = (typeof MUST_HAVES)[number];

const MUST_TEXT: Record<MustHave, [string, string]> = {
  parking: ['parking on site', 'no parking on site'],
  dogFriendly: ['dogs welcome', 'no dogs allowed'],
  afterHours: ['after-hours access', 'no after-hours access'],
  meetingRooms: ['meeting rooms on site', 'no meeting rooms'],
};

const usd = (n: number) => `$${n.toLocaleString('en-US')}`;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function shortDate(iso: string) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${d}, ${y}`;
}

/** The most a space may cost and still fit: the budget plus the organization's tolerance. */
export function budgetCeiling(ask: Pick<ShortlistAsk, 'monthlyBudget' | 'tolerancePercent'>) {
  return Math.floor((ask.monthlyBudget * (100 + ask.tolerancePercent)) / 100);
}

/** The must-haves the seeker asked for (true only; a "don't need" is no constraint). */
export function mustHavesOf(requirements: DealRequirements): MustHave[] {
  return MUST_HAVES.filter((must) => requirements[must] === true);
}

/**
 * Every criterion for one space, hard ones first, each with the sentence a broker reads. Mirrors
 * the SQL filter in `query.ts`: a space is fitting exactly when every hard reason is ok.
 */
export function reasonsFor(space: ShortlistSpaceFacts, ask: ShortlistAsk): Reason[] {
  const reasons: Reason[] = [];
  const desks = space.desks;
  reasons.push(
    desks === null
      ? { criterion: 'teamSize', ok: false, isHard: true, text: 'desks not on record' }
      : desks >= ask.teamSize
        ? {
            criterion: 'teamSize',
            ok: true,
            isHard: true,
            text: `${desks} desks: fits your team of ${ask.teamSize}`,
          }
        : {
            criterion: 'teamSize',
            ok: false,
            isHard: true,
            text: `${desks} desks: too few for your team of ${ask.teamSize}`,
          },
  );
  const rate = `${usd(space.monthlyRate)}/mo`;
  if (ask.monthlyBudget <= 0) {
    reasons.push({ criterion: 'budget', ok: true, isHard: true, text: `${rate}: no budget given yet` });
  } else if (space.monthlyRate <= ask.monthlyBudget) {
    reasons.push({
      criterion: 'budget',
      ok: true,
      isHard: true,
      text: `${rate}: within your ${usd(ask.monthlyBudget)}`,
    });
  } else if (space.monthlyRate <= budgetCeiling(ask)) {
    reasons.push({
      criterion: 'budget',
      ok: true,
      isHard: true,
      text: `${rate}: within ${ask.tolerancePercent}% of your ${usd(ask.monthlyBudget)}`,
    });
  } else {
    reasons.push({
      criterion: 'budget',
      ok: false,
      isHard: true,
      text: `${rate}: over your ${usd(ask.monthlyBudget)}`,
    });
  }
  for (const must of mustHavesOf(ask.requirements)) {
    const has = space.amenities[must] === true;
    reasons.push({ criterion: must, ok: has, isHard: true, text: MUST_TEXT[must][has ? 0 : 1] });
  }
  const moveIn = ask.requirements.moveInDate;
  if (moveIn) {
    if (!space.availableFrom)
      reasons.push({
        criterion: 'moveInDate',
        ok: true,
        isHard: true,
        text: 'available now (no date on record)',
      });
    else if (space.availableFrom <= moveIn)
      reasons.push({
        criterion: 'moveInDate',
        ok: true,
        isHard: true,
        text: `available from ${shortDate(space.availableFrom)}: in time for ${shortDate(moveIn)}`,
      });
    else
      reasons.push({
        criterion: 'moveInDate',
        ok: false,
        isHard: true,
        text: `available only from ${shortDate(space.availableFrom)}, after ${shortDate(moveIn)}`,
      });
  }
  const hoods = ask.requirements.neighborhoods ?? [];
  if (hoods.length > 0) {
    const isIn = space.neighborhood !== null && hoods.includes(space.neighborhood);
    reasons.push({
      criterion: 'neighborhood',
      ok: isIn,
      isHard: false,
      text: isIn
        ? `in ${space.neighborhood}`
        : `in ${space.neighborhood ?? 'an unknown area'}, not ${hoods.join(' or ')}`,
    });
  }
  const spots = ask.requirements.parkingSpots;
  if (
    spots &&
    space.amenities.parking === true &&
    space.parkingSpots !== undefined &&
    space.parkingSpots !== null
  ) {
    const enough = space.parkingSpots >= spots;
    reasons.push({
      criterion: 'parkingSpots',
      ok: enough,
      isHard: false,
      text: enough
        ? `${space.parkingSpots} parking spots for your ${spots}`
        : `only ${space.parkingSpots} parking spots, you asked for ${spots}`,
    });
  }
  return reasons;
}

export const isFitting = (reasons: Reason[]) => reasons.every((reason) => !reason.isHard || reason.ok);
