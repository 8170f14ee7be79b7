import type { ContextSpace, DraftContext } from '../../src/server/ai/context';
import {
  demoDeals,
  demoSpaces,
  otherBrokerage,
  type SeedDeal,
  type SeedSpace,
} from '../../src/server/seed/seed-data';

export const SIGNATURE = 'Best,\nAlex Agent\nTandem Brokerage · (415) 555-0142';

/** Space ids by key, stable across fixtures: the index in the demo inventory, from 101. */
export const spaceId = (key: string) => {
  const index = demoSpaces.findIndex((space) => space.key === key);
  return index >= 0 ? 101 + index : 900;
};

function toSpace(space: SeedSpace, status: ContextSpace['dealStatus']): ContextSpace {
  return {
    id: spaceId(space.key),
    name: space.name,
    address: space.address,
    neighborhood: space.neighborhood,
    hostCompany: space.hostCompany,
    hostContext: space.hostContext,
    monthlyRate: space.monthlyRate,
    amenities: space.amenities,
    detailedAmenities: space.detailedAmenities,
    availability: space.availability,
    desks: space.desks ?? null,
    squareFeet: space.squareFeet ?? null,
    availableFrom: space.availableFrom ?? null,
    dealStatus: status,
  };
}

/** The context the drafter would get for a seeded deal's last inbound email, built without a database. */
export function seedContext(dealKey: string, inboundBody?: string): DraftContext {
  const deal: SeedDeal | undefined =
    demoDeals.find((d) => d.key === dealKey) ??
    (dealKey === otherBrokerage.deal.key ? otherBrokerage.deal : undefined);
  if (!deal) throw new Error(`No seeded deal ${dealKey}`);
  const inventory = [...demoSpaces, otherBrokerage.space];
  const dealIndex = demoDeals.indexOf(deal);
  const history = [...deal.history].reverse();
  return {
    organizationId: dealKey === otherBrokerage.deal.key ? 'org_other_brokerage' : 'org_tandem_demo',
    deal: {
      id: 1 + dealIndex,
      companyName: deal.companyName,
      seekerName: deal.seekerName,
      teamSize: deal.teamSize,
      monthlyBudget: deal.monthlyBudget,
      requirements: deal.requirements,
      stage: deal.stage,
    },
    spaces: deal.spaces.map((link) => {
      const space = inventory.find((s) => s.key === link.key);
      if (!space) throw new Error(`No seeded space ${link.key}`);
      return toSpace(space, link.status);
    }),
    inbound: {
      id: 500 + dealIndex,
      direction: 'inbound',
      from: deal.seekerEmail,
      subject: deal.inbound.subject,
      sentAt: '2026-11-29T10:00:00.000Z',
      text: inboundBody ?? deal.inbound.body,
    },
    thread: history.map((message, n) => ({
      id: 400 + n,
      direction: message.direction,
      from: message.direction === 'inbound' ? deal.seekerEmail : 'deals@tandem.echo.test',
      subject: message.subject,
      sentAt: '2026-11-27T10:00:00.000Z',
      text: message.body,
    })),
    signature: dealKey === otherBrokerage.deal.key ? 'Cheers,\nOlive\nOther Brokerage' : SIGNATURE,
    omitted: { messages: 0, spaces: 0, inboundChars: 0 },
  };
}

export const seededDealKeys = [...demoDeals.map((d) => d.key), otherBrokerage.deal.key];
