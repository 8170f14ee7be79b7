import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members, spaces } from '../../db/schema';
import { loadDraftContext } from '../../src/server/ai/context';
import { validateDraftBody } from '../../src/server/ai/grounding';
import { auditOf, OTHER, setSettings } from '../drafts/support';
import { callerFor, db, seedDemo } from '../helpers';
import { approvedDraftWithSpace, proposalsFor, sendEdited, spaceRow, TANDEM } from './support';

beforeAll(async () => {
  await seedDemo();
  await setSettings(TANDEM, { undoWindowSeconds: 3600 });
});

afterAll(async () => {
  const { getBoss } = await import('../../src/server/queue');
  await (await getBoss()).stop({ graceful: false });
});

/** A reply as the agent finished it: greeting, the edited sentence, the signature. */
const reply = (firstName: string, sentence: string, signature: string) =>
  `Hi ${firstName},\n\n${sentence}\n\n${signature}`;

async function spaceWithoutParkingCost() {
  const setup = await approvedDraftWithSpace();
  const detailedAmenities = { ...setup.space.detailedAmenities, parking: { type: 'garage' } };
  await db.update(spaces).set({ detailedAmenities }).where(eq(spaces.id, setup.space.id));
  return setup;
}

describe('facts captured from sent edits', () => {
  it('turns an unrecorded parking cost an agent added into exactly one pending proposal, with its source', async () => {
    const { draft, space, context } = await spaceWithoutParkingCost();
    const firstName = context.deal.seekerName.split(' ')[0] ?? '';
    const sentence = `Parking at ${space.name} is $300/month in the garage next door.`;
    const sent = await sendEdited(draft.id, reply(firstName, sentence, context.signature));

    const rows = await proposalsFor(space.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      field: 'detailedAmenities.parking.costMonthly',
      value: 300,
      current: null,
      kind: 'addition',
      status: 'pending',
      sourceEmailId: sent.email.id,
      sourceText: sentence,
      sentBy: 'user_demo_agent',
    });
    // Never applied silently.
    expect((await spaceRow(space.id)).detailedAmenities.parking?.costMonthly).toBeUndefined();

    const manager = await callerFor('manager@echo.test');
    const { items } = await manager.knowledge.proposals({ status: 'pending' });
    const item = items.find((row) => row.id === rows[0]?.id);
    expect(item).toMatchObject({
      spaceId: space.id,
      spaceName: space.name,
      fact: 'parking $300/month',
      source: { emailId: sent.email.id, text: sentence, sentBy: { name: 'Alex Agent' } },
    });
  });

  it('accept writes the fact into the space (revision, audit) and the next draft’s checks pass that figure', async () => {
    const { draft, space, context } = await spaceWithoutParkingCost();
    const before = await spaceRow(space.id);
    const sentence = `Parking at ${space.name} is $310/month.`;
    const body = reply('Sam', sentence, context.signature);
    // Before: the checks find the figure unsupported.
    expect(validateDraftBody(body, context).issues.some((issue) => issue.claim.includes('$310'))).toBe(true);
    await sendEdited(draft.id, body);
    const proposal = (await proposalsFor(space.id)).find((row) => row.value === 310);
    if (!proposal) throw new Error('no proposal');

    const manager = await callerFor('manager@echo.test');
    await manager.knowledge.accept({ id: proposal.id });
    const after = await spaceRow(space.id);
    expect(after.detailedAmenities.parking).toMatchObject({ type: 'garage', costMonthly: 310 });
    expect(after.revision).toBe(before.revision + 1);
    expect((await auditOf(space.id, 'knowledge.accepted')).length).toBe(1);
    expect((await auditOf(space.id, 'space.updated')).length).toBeGreaterThanOrEqual(1);
    expect((await manager.knowledge.proposals({ status: 'accepted' })).items.map((p) => p.id)).toContain(
      proposal.id,
    );

    const next = await loadDraftContext(db, { organizationId: TANDEM, inboundEmailId: draft.inboundEmailId });
    expect(validateDraftBody(body, next).issues.filter((issue) => issue.claim.includes('$310'))).toEqual([]);
    await expect(manager.knowledge.accept({ id: proposal.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
  });

  it('remembers a dismissal: the same fact sent again is not proposed again', async () => {
    const first = await approvedDraftWithSpace();
    const sentence = `${first.space.name} has 9 meeting rooms.`;
    await sendEdited(first.draft.id, reply('Sam', sentence, first.context.signature));
    const [proposal] = (await proposalsFor(first.space.id)).filter(
      (row) => row.field === 'detailedAmenities.meetingRooms.count',
    );
    if (!proposal) throw new Error('no proposal');
    const manager = await callerFor('manager@echo.test');
    await manager.knowledge.dismiss({ id: proposal.id });

    const second = await approvedDraftWithSpace();
    expect(second.space.id).toBe(first.space.id);
    await sendEdited(second.draft.id, reply('Sam', sentence, second.context.signature));
    const rows = (await proposalsFor(first.space.id)).filter(
      (row) => row.field === 'detailedAmenities.meetingRooms.count',
    );
    expect(rows.map((row) => row.status)).toEqual(['dismissed']);
    expect((await spaceRow(first.space.id)).detailedAmenities.meetingRooms?.count).not.toBe(9);
  });

  it('proposes a figure that contradicts the record as a correction, never applied silently', async () => {
    const { draft, space, context } = await approvedDraftWithSpace();
    await db
      .update(spaces)
      .set({
        detailedAmenities: { ...space.detailedAmenities, parking: { type: 'garage', costMonthly: 275 } },
      })
      .where(eq(spaces.id, space.id));
    await sendEdited(draft.id, reply('Sam', `Parking at ${space.name} is $325/month.`, context.signature));
    const rows = (await proposalsFor(space.id)).filter((row) => row.value === 325);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'correction', current: 275, status: 'pending' });
    expect((await spaceRow(space.id)).detailedAmenities.parking?.costMonthly).toBe(275);
  });

  it('lets only managers and admins decide, and answers NOT_FOUND for another organization’s proposal', async () => {
    const { draft, space, context } = await spaceWithoutParkingCost();
    await sendEdited(draft.id, reply('Sam', `Parking at ${space.name} is $333/month.`, context.signature));
    const proposal = (await proposalsFor(space.id)).find((row) => row.value === 333);
    if (!proposal) throw new Error('no proposal');

    const agent = await callerFor('agent@echo.test');
    await expect(agent.knowledge.accept({ id: proposal.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(agent.knowledge.dismiss({ id: proposal.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await db.update(members).set({ role: 'admin' }).where(eq(members.userId, 'user_other_agent'));
    const other = await callerFor('agent@other.test');
    await expect(other.knowledge.accept({ id: proposal.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(other.knowledge.dismiss({ id: proposal.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await other.knowledge.proposals({})).items).toEqual([]);
    expect((await spaceRow(space.id)).detailedAmenities.parking?.costMonthly).toBeUndefined();
    await db.update(members).set({ role: 'agent' }).where(eq(members.userId, 'user_other_agent'));
    expect(OTHER).not.toBe(TANDEM);
  });

  it('refuses a bad id with a 400 naming the field', async () => {
    const manager = await callerFor('manager@echo.test');
    await expect(manager.knowledge.accept({ id: -1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(manager.knowledge.proposals({ status: 'nope' as 'pending' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
