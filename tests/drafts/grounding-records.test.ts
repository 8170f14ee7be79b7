import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dealSpaces, spaces } from '../../db/schema';
import { callerFor, db, seedDemo } from '../helpers';
import { makeDraft } from './support';

beforeAll(async () => {
  await seedDemo();
});

/** A space on the draft's deal (attached by a manager when the deal has none). */
async function spaceOnDeal(dealId: number) {
  const [link] = await db
    .select({ space: spaces })
    .from(dealSpaces)
    .innerJoin(spaces, eq(spaces.id, dealSpaces.spaceId))
    .where(eq(dealSpaces.dealId, dealId))
    .limit(1);
  if (link) return link.space;
  const [space] = await db.select().from(spaces).where(eq(spaces.organizationId, 'org_tandem_demo')).limit(1);
  if (!space) throw new Error('seed has no space');
  await (await callerFor('manager@echo.test')).deals.attachSpace({ dealId, spaceId: space.id });
  return space;
}

const rateErrors = (validation: { issues: Array<{ source: string; severity: string }> }, spaceId: number) =>
  validation.issues.filter((i) => i.severity === 'error' && i.source === `space:${spaceId}.monthlyRate`);

describe('grounding reads the records as they are now', () => {
  it('fails a draft stating the old rate on the next edit after the rate changes, and passes the new one', async () => {
    const { draft } = await makeDraft();
    const space = await spaceOnDeal(draft.dealId);
    const manager = await callerFor('manager@echo.test');
    const agent = await callerFor('agent@echo.test');
    const current = await manager.spaces.get({ id: space.id });
    await manager.spaces.update({ id: space.id, revision: current.revision, monthlyRate: 7777 });

    const oldRateBody = `Hi,\n\n${space.name} is $7,777/month.\n\nBest`;
    const first = await agent.drafts.edit({ id: draft.id, body: oldRateBody, revision: draft.revision });
    expect(rateErrors(first.validation ?? { issues: [] }, space.id)).toEqual([]);
    expect((await agent.drafts.get({ id: draft.id })).recordsChangedSince).toBe(false);

    const edited = await manager.spaces.get({ id: space.id });
    await manager.spaces.update({ id: space.id, revision: edited.revision, monthlyRate: 8888 });
    // The body was checked before the rate changed: the draft says so.
    expect((await agent.drafts.get({ id: draft.id })).recordsChangedSince).toBe(true);

    const second = await agent.drafts.edit({
      id: draft.id,
      body: `${oldRateBody} `,
      revision: first.revision,
    });
    expect(second.validation?.status).toBe('failed');
    expect(rateErrors(second.validation ?? { issues: [] }, space.id)).toHaveLength(1);
    expect((await agent.drafts.get({ id: draft.id })).recordsChangedSince).toBe(false);

    const third = await agent.drafts.edit({
      id: draft.id,
      body: `Hi,\n\n${space.name} is $8,888/month.\n\nBest`,
      revision: second.revision,
    });
    expect(rateErrors(third.validation ?? { issues: [] }, space.id)).toEqual([]);
  });

  it('says the records changed when the deal itself is edited after the checks, not when it only moves stage', async () => {
    const { draft } = await makeDraft();
    const manager = await callerFor('manager@echo.test');
    const agent = await callerFor('agent@echo.test');
    const edited = await agent.drafts.edit({
      id: draft.id,
      body: 'Hi,\n\nThanks for writing.\n\nBest',
      revision: draft.revision,
    });
    const deal = await manager.deals.get({ id: draft.dealId });
    await manager.deals.moveStage({ id: deal.id, stage: deal.stage });
    expect((await agent.drafts.get({ id: edited.id })).recordsChangedSince).toBe(false);
    await manager.deals.update({ id: deal.id, revision: deal.revision, teamSize: deal.teamSize + 1 });
    expect((await agent.drafts.get({ id: edited.id })).recordsChangedSince).toBe(true);
  });
});
