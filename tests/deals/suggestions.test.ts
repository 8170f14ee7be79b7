import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dealSpaces, spaces } from '../../db/schema';
import { callerFor, db, seedDemo } from '../helpers';
import { spaceInput } from '../spaces/support';

beforeAll(async () => {
  await seedDemo();
});

/** A deal and an inventory built for it: two spaces that fit, three that each break one rule. */
async function constructed(tag: string) {
  const manager = await callerFor('manager@echo.test');
  const deal = await manager.deals.create({
    seekerName: 'Rita Ranker',
    seekerEmail: `rita@${tag}.example`,
    companyName: `Ranked ${tag}`,
    teamSize: 10,
    monthlyBudget: 9000,
    requirements: { parking: true, moveInDate: '2027-03-01', neighborhoods: ['SoMa'] },
  });
  const make = (name: string, overrides: Record<string, unknown>) =>
    manager.spaces.create(spaceInput(`${tag}-${name}`, { name: `${tag} ${name}`, ...overrides }));
  const fitting = [
    await make('fits-cheap', { monthlyRate: 7000, desks: 12 }),
    await make('fits-dear', { monthlyRate: 9500, desks: 11 }),
  ];
  const unfitting = {
    desks: await make('too-small', { monthlyRate: 6000, desks: 6 }),
    budget: await make('too-dear', { monthlyRate: 15000, desks: 20 }),
    parking: await make('no-parking', { monthlyRate: 6500, desks: 14, amenities: { parking: false } }),
  };
  return { manager, deal, fitting, unfitting };
}

describe('deals.suggestions', () => {
  it('ranks every fitting space above every unfitting one, each unfitting one naming the rule it breaks', async () => {
    const { manager, deal, fitting, unfitting } = await constructed('rank');
    const { items } = await manager.deals.suggestions({ id: deal.id });
    const fits = items.map((item) => item.fits);
    expect(fits.indexOf(false) === -1 || fits.lastIndexOf(true) < fits.indexOf(false)).toBe(true);
    const ids = items.map((item) => item.space.id);
    for (const space of fitting) expect(ids).toContain(space.id);
    for (const item of items.filter((i) => !i.fits)) expect(item.reasons.some((r) => !r.ok)).toBe(true);
    const broken = items.find((item) => item.space.id === unfitting.desks.id);
    if (broken) expect(broken.reasons.find((r) => !r.ok)?.criterion).toMatch(/desk|team/i);
    expect(items.find((item) => item.space.id === fitting[0]?.id)?.reasons.length).toBeGreaterThan(0);
  });

  it('never suggests an archived space, another organization’s space, or a dismissed one; Keep attaches as shown', async () => {
    const { manager, deal, fitting } = await constructed('rules');
    const [cheap, dear] = fitting;
    if (!cheap || !dear) throw new Error('constructed inventory is missing');
    await manager.spaces.archive({ id: cheap.id });
    const [foreign] = await db
      .select({ id: spaces.id })
      .from(spaces)
      .where(eq(spaces.organizationId, 'org_other_brokerage'));

    const after = (await manager.deals.suggestions({ id: deal.id })).items.map((item) => item.space.id);
    expect(after).not.toContain(cheap.id);
    if (foreign) expect(after).not.toContain(foreign.id);
    expect(after).toContain(dear.id);

    await manager.deals.dismissSuggestion({ dealId: deal.id, spaceId: dear.id });
    const dismissed = (await manager.deals.suggestions({ id: deal.id })).items.map((item) => item.space.id);
    expect(dismissed).not.toContain(dear.id);

    const agent = await callerFor('agent@echo.test');
    const other = (await agent.deals.suggestions({ id: deal.id })).items[0];
    if (!other) throw new Error('no suggestion left to keep');
    await agent.deals.keepSuggestion({ dealId: deal.id, spaceId: other.space.id });
    const links = await db.select().from(dealSpaces).where(eq(dealSpaces.dealId, deal.id));
    expect(links.map((link) => [link.spaceId, link.status])).toContainEqual([other.space.id, 'shown']);
  });

  it('answers NOT_FOUND for another organization’s deal', async () => {
    const { deal } = await constructed('tenancy');
    const outsider = await callerFor('agent@other.test');
    await expect(outsider.deals.suggestions({ id: deal.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
