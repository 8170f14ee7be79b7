import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, deals, emailDrafts, emails } from '../../db/schema';
import { MAX_BULK_IDS } from '../../src/server/drafts/schemas';
import { regenerateDraft } from '../../src/server/drafts/service';
import { callerFor, db, seedDemo } from '../helpers';
import { agent, auditOf, draftRow, failure, fakeGenerator, makeDraft, OTHER } from './support';

type Caller = Awaited<ReturnType<typeof callerFor>>;
let asAgent: Caller;
let asManager: Caller;
let asOther: Caller;

const AGENT = 'user_demo_agent';
const MANAGER = 'user_demo_manager';
const ADMIN = 'user_demo_admin';
const OTHER_AGENT = 'user_other_agent';

beforeAll(async () => {
  await seedDemo();
  [asAgent, asManager, asOther] = await Promise.all([
    callerFor('agent@echo.test'),
    callerFor('manager@echo.test'),
    callerFor('agent@other.test'),
  ]);
});

let dealCount = 0;
/** A fresh deal nobody owns, in Tandem. */
async function newDeal(ownerId?: string) {
  dealCount += 1;
  return asManager.deals.create({
    seekerName: `Seeker ${dealCount}`,
    seekerEmail: `seeker${dealCount}-${Date.now()}@example.com`,
    companyName: `Ownership Co ${dealCount}`,
    teamSize: 8,
    monthlyBudget: 9000,
    ownerId,
  });
}

/** A draft (and its inbound email) moved onto the given deal. */
async function draftOn(dealId: number, options: Parameters<typeof makeDraft>[0] = {}) {
  const { draft, inbound } = await makeDraft(options);
  await db.update(emails).set({ dealId }).where(eq(emails.id, inbound.id));
  await db.update(emailDrafts).set({ dealId }).where(eq(emailDrafts.id, draft.id));
  return { ...draft, dealId };
}

async function ownerOf(dealId: number) {
  const [row] = await db
    .select({ ownerId: deals.ownerId, revision: deals.revision })
    .from(deals)
    .where(eq(deals.id, dealId));
  return row;
}

/** Every item of a list, following the cursor. */
async function listAll(caller: Caller, input: Parameters<Caller['drafts']['list']>[0]) {
  const items: Awaited<ReturnType<Caller['drafts']['list']>>['items'] = [];
  let cursor: string | null | undefined = null;
  do {
    const page: Awaited<ReturnType<Caller['drafts']['list']>> = await caller.drafts.list({
      ...input,
      limit: 100,
      cursor,
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function writes() {
  const [audit] = await db.select({ count: sql<number>`count(*)::int` }).from(auditEvents);
  const [owners] = await db.select({ sum: sql<number>`sum(${deals.revision})::int` }).from(deals);
  const [drafts] = await db.select({ sum: sql<number>`sum(${emailDrafts.revision})::int` }).from(emailDrafts);
  return { audit: audit?.count, deals: owners?.sum, drafts: drafts?.sum };
}

/** A refusal: a 4xx with this code, and nothing written. */
async function refused(code: string, call: () => Promise<unknown>) {
  const before = await writes();
  const error = await failure(call());
  expect(error.code).toBe(code);
  expect(await writes()).toEqual(before);
  return error;
}

describe('drafts follow their deal’s owner', () => {
  it('assigns a draft by giving its deal an owner: every draft on the deal follows, audited', async () => {
    const deal = await newDeal();
    const first = await draftOn(deal.id);
    const second = await draftOn(deal.id);
    const before = await ownerOf(deal.id);

    const result = await asManager.drafts.assign({ ids: [first.id], userId: AGENT });
    expect(result).toEqual({ items: [{ id: first.id, dealId: deal.id, assigneeId: AGENT }], changed: 1 });

    expect(await ownerOf(deal.id)).toEqual({ ownerId: AGENT, revision: (before?.revision ?? 0) + 1 });
    const seen = await asAgent.drafts.get({ id: second.id });
    expect(seen.assignee).toEqual({ id: AGENT, name: 'Alex Agent' });

    const [dealEvent] = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityType, 'deal'),
          eq(auditEvents.entityId, String(deal.id)),
          eq(auditEvents.action, 'deal.owner_changed'),
        ),
      );
    expect(dealEvent).toMatchObject({
      actorType: 'user',
      actorId: MANAGER,
      details: { changes: { ownerId: { from: null, to: AGENT } }, via: 'drafts.assign' },
    });
    const draftEvents = (await auditOf(first.id, 'draft.assigned')).filter(
      (row) => row.entityType === 'draft',
    );
    expect(draftEvents).toHaveLength(1);
    expect(draftEvents[0]?.details).toEqual({ dealId: deal.id, from: null, to: AGENT });
    // The draft itself is not changed: nobody editing it gets a CONFLICT from an assignment.
    expect((await draftRow(first.id)).revision).toBe(first.revision);
  });

  it('assigns in bulk across deals in one go, with an audit event per deal and per draft', async () => {
    const [dealA, dealB] = [await newDeal(), await newDeal(AGENT)];
    const drafts = [await draftOn(dealA.id), await draftOn(dealA.id), await draftOn(dealB.id)];
    const ids = drafts.map((draft) => draft.id);

    const result = await asManager.drafts.assign({ ids: [...ids, ids[0] ?? 0], userId: ADMIN });
    expect(result.changed).toBe(3);
    expect((await ownerOf(dealA.id))?.ownerId).toBe(ADMIN);
    expect((await ownerOf(dealB.id))?.ownerId).toBe(ADMIN);

    const events = await db
      .select()
      .from(auditEvents)
      .where(inArray(auditEvents.action, ['deal.owner_changed', 'draft.assigned']));
    expect(
      events.filter(
        (row) =>
          row.action === 'deal.owner_changed' && [String(dealA.id), String(dealB.id)].includes(row.entityId),
      ),
    ).toHaveLength(2);
    expect(
      events.filter((row) => row.action === 'draft.assigned' && ids.map(String).includes(row.entityId)),
    ).toHaveLength(3);
    const fromAgent = events.find(
      (row) => row.action === 'deal.owner_changed' && row.entityId === String(dealB.id),
    );
    expect(fromAgent?.details).toMatchObject({ changes: { ownerId: { from: AGENT, to: ADMIN } } });

    // Assigning again to the same person changes nothing and records nothing.
    const before = await writes();
    expect((await asManager.drafts.assign({ ids, userId: ADMIN })).changed).toBe(0);
    expect(await writes()).toEqual(before);
  });

  it('lets a manager unassign, and shows who owns a draft in the list', async () => {
    const deal = await newDeal(AGENT);
    const draft = await draftOn(deal.id);
    const [listed] = (await listAll(asManager, { status: 'pending' })).filter((item) => item.id === draft.id);
    expect(listed).toMatchObject({ assigneeId: AGENT, assigneeName: 'Alex Agent' });
    await asManager.drafts.assign({ ids: [draft.id], userId: null });
    expect((await ownerOf(deal.id))?.ownerId).toBeNull();
    expect((await asManager.drafts.get({ id: draft.id })).assignee).toBeNull();
  });
});

describe('who may assign', () => {
  it('lets an agent take an unowned draft, and let go of their own', async () => {
    const deal = await newDeal();
    const draft = await draftOn(deal.id);
    const seen = await asAgent.drafts.get({ id: draft.id });
    expect(seen.can.assign).toEqual({ allowed: true, reason: null, onlySelf: true });
    await asAgent.drafts.assign({ ids: [draft.id], userId: AGENT });
    expect((await ownerOf(deal.id))?.ownerId).toBe(AGENT);
    await asAgent.drafts.assign({ ids: [draft.id], userId: null });
    expect((await ownerOf(deal.id))?.ownerId).toBeNull();
  });

  it('refuses an agent handing a draft to someone else, or taking a colleague’s', async () => {
    const free = await draftOn((await newDeal()).id);
    const error = await refused('FORBIDDEN', () =>
      asAgent.drafts.assign({ ids: [free.id], userId: MANAGER }),
    );
    expect(error.message).toMatch(/only to themselves/);

    const managers = await draftOn((await newDeal(MANAGER)).id);
    expect((await asAgent.drafts.get({ id: managers.id })).can.assign.allowed).toBe(false);
    const taken = await refused('FORBIDDEN', () =>
      asAgent.drafts.assign({ ids: [managers.id], userId: AGENT }),
    );
    expect(taken.message).toMatch(/ask a manager/);
    // One refused draft refuses the whole selection.
    await refused('FORBIDDEN', () => asAgent.drafts.assign({ ids: [free.id, managers.id], userId: AGENT }));
    expect((await ownerOf(free.dealId))?.ownerId).toBeNull();
  });

  it('lets a manager reassign anyone’s draft to any member', async () => {
    const draft = await draftOn((await newDeal(AGENT)).id);
    const seen = await asManager.drafts.get({ id: draft.id });
    expect(seen.can.assign).toEqual({ allowed: true, reason: null, onlySelf: false });
    await asManager.drafts.assign({ ids: [draft.id], userId: MANAGER });
    expect((await ownerOf(draft.dealId))?.ownerId).toBe(MANAGER);
  });
});

describe('assignment and tenancy', () => {
  it('answers another organization’s draft like a missing one, and assigns nothing', async () => {
    const mine = await draftOn((await newDeal()).id);
    const { draft: theirs } = await makeDraft({ organizationId: OTHER });
    const error = await refused('NOT_FOUND', () =>
      asManager.drafts.assign({ ids: [mine.id, theirs.id], userId: AGENT }),
    );
    expect(error.message).toBe(`Draft ${theirs.id} was not found`);
    expect((await ownerOf(mine.dealId))?.ownerId).toBeNull();
    await refused('NOT_FOUND', () => asManager.drafts.assign({ ids: [987_654], userId: AGENT }));
  });

  it('refuses a user of another organization, or nobody, naming userId', async () => {
    const draft = await draftOn((await newDeal()).id);
    for (const userId of [OTHER_AGENT, 'user_who_does_not_exist']) {
      const error = await refused('BAD_REQUEST', () => asManager.drafts.assign({ ids: [draft.id], userId }));
      expect(error.message).toMatch(/userId/);
    }
    // And the other organization cannot assign Tandem's draft to its own agent.
    await refused('NOT_FOUND', () => asOther.drafts.assign({ ids: [draft.id], userId: OTHER_AGENT }));
  });

  it('refuses hostile input with a 4xx naming the field', async () => {
    const draft = await draftOn((await newDeal()).id);
    const tooMany = Array.from({ length: MAX_BULK_IDS + 1 }, (_, index) => index + 1);
    const cases: Array<[unknown, RegExp]> = [
      [{ ids: [], userId: AGENT }, /ids/],
      [{ ids: tooMany, userId: AGENT }, /ids/],
      [{ ids: [-1], userId: AGENT }, /ids/],
      [{ ids: ['1'], userId: AGENT }, /ids/],
      [{ ids: [draft.id], userId: '' }, /userId/],
      [{ ids: [draft.id], userId: 'x'.repeat(201) }, /userId/],
      [{ ids: [draft.id] }, /userId/],
      [{ ids: [draft.id], userId: 42 }, /userId/],
    ];
    for (const [input, field] of cases) {
      // biome-ignore lint/suspicious/noExplicitAny: hostile input on purpose
      const error = await refused('BAD_REQUEST', () => asManager.drafts.assign(input as any));
      expect(error.message).toMatch(field);
    }
  });
});

describe('the Mine view', () => {
  it('lists exactly the drafts on deals the viewer owns', async () => {
    const mineDeal = await newDeal(AGENT);
    const mine = await draftOn(mineDeal.id);
    const theirs = await draftOn((await newDeal(MANAGER)).id);
    const nobodys = await draftOn((await newDeal()).id);

    const listed = await listAll(asAgent, { assignee: 'me' });
    const expected = await db
      .select({ id: emailDrafts.id })
      .from(emailDrafts)
      .innerJoin(deals, eq(deals.id, emailDrafts.dealId))
      .where(and(eq(deals.ownerId, AGENT), sql`${emailDrafts.status} <> 'archived'`));
    expect(listed.map((item) => item.id).sort()).toEqual(expected.map((row) => row.id).sort());
    expect(listed.map((item) => item.id)).toContain(mine.id);
    expect(listed.every((item) => item.assigneeId === AGENT)).toBe(true);
    expect(listed.map((item) => item.id)).not.toContain(theirs.id);

    const managerMine = (await listAll(asManager, { assignee: 'me' })).map((item) => item.id);
    expect(managerMine).toContain(theirs.id);
    expect(managerMine).not.toContain(mine.id);
    const unassigned = (await listAll(asManager, { assignee: 'unassigned' })).map((item) => item.id);
    expect(unassigned).toContain(nobodys.id);
    expect(unassigned).not.toContain(mine.id);
    // Combined with a status tab.
    const pendingMine = await listAll(asAgent, { assignee: 'me', status: 'pending' });
    expect(pendingMine.every((item) => item.status === 'pending' && item.assigneeId === AGENT)).toBe(true);
  });

  it('never shows another organization’s drafts, and refuses an unknown filter', async () => {
    const listed = await listAll(asOther, { assignee: 'me' });
    expect(listed.every((item) => item.assigneeId === OTHER_AGENT)).toBe(true);
    // biome-ignore lint/suspicious/noExplicitAny: hostile input on purpose
    const error = await failure(asAgent.drafts.list({ assignee: 'user_demo_manager' as any }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/assignee/);
  });
});

describe('bulk archive', () => {
  it('archives the selection in one transaction with an audit event each, skipping archived ones', async () => {
    const a = await makeDraft();
    const b = await makeDraft({ status: 'approved' });
    const gone = await makeDraft({ status: 'archived' });
    const result = await asAgent.drafts.archiveMany({
      ids: [a.draft.id, b.draft.id, gone.draft.id],
      reason: 'duplicates',
    });
    expect(result).toEqual({ archived: [a.draft.id, b.draft.id], skipped: [gone.draft.id] });
    for (const { draft } of [a, b]) {
      expect((await draftRow(draft.id)).status).toBe('archived');
      expect(await auditOf(draft.id, 'draft.archived')).toHaveLength(1);
    }
    expect((await draftRow(b.draft.id)).statusBeforeArchive).toBe('approved');
  });

  it('archives nothing when one id is another organization’s', async () => {
    const mine = await makeDraft();
    const theirs = await makeDraft({ organizationId: OTHER });
    await refused('NOT_FOUND', () => asAgent.drafts.archiveMany({ ids: [mine.draft.id, theirs.draft.id] }));
    expect((await draftRow(mine.draft.id)).status).toBe('pending');
    await refused('BAD_REQUEST', () => asAgent.drafts.archiveMany({ ids: [] }));
  });
});

describe('ask a manager', () => {
  it('puts an agent’s request in the managers’ Attention view with the note, audited', async () => {
    const { draft } = await makeDraft({ validation: 'failed' });
    const seen = await asAgent.drafts.get({ id: draft.id });
    expect(seen.can.requestOverride).toEqual({ allowed: true, reason: null });
    expect(seen.attentionRequest).toBeNull();

    const result = await asAgent.drafts.requestOverride({
      id: draft.id,
      note: '  The host quoted $150 by phone  ',
    });
    expect(result).toMatchObject({
      id: draft.id,
      revision: draft.revision + 1,
      attentionNote: 'The host quoted $150 by phone',
    });

    const attention = await listAll(asManager, { status: 'needs_attention' });
    expect(attention.find((item) => item.id === draft.id)?.attentionRequestedAt).toBeInstanceOf(Date);
    const asSeen = await asManager.drafts.get({ id: draft.id });
    expect(asSeen.attentionRequest).toMatchObject({
      byName: 'Alex Agent',
      note: 'The host quoted $150 by phone',
    });
    expect(asSeen.can.approve.needsOverride).toBe(true);

    const [event] = await auditOf(draft.id, 'draft.override_requested');
    expect(event).toMatchObject({ actorId: AGENT, details: { note: 'The host quoted $150 by phone' } });
    expect((await asAgent.drafts.get({ id: draft.id })).can.requestOverride).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/already been asked/),
    });
    await refused('PRECONDITION_FAILED', () =>
      asAgent.drafts.requestOverride({ id: draft.id, note: 'again' }),
    );
  });

  it('is answered by the override: the request clears and the pane shows who overrode, when and why', async () => {
    const { draft } = await makeDraft({ validation: 'failed' });
    const asked = await asAgent.drafts.requestOverride({
      id: draft.id,
      note: 'Please check the parking rate',
    });
    await asManager.drafts.approve({
      id: draft.id,
      revision: asked.revision,
      override: { reason: 'Rate confirmed with the host' },
    });
    const seen = await asAgent.drafts.get({ id: draft.id });
    expect(seen.attentionRequest).toBeNull();
    expect(seen.override).toMatchObject({ byName: 'Morgan Manager', reason: 'Rate confirmed with the host' });
    expect(seen.override?.at).toBeInstanceOf(Date);
    const [overridden] = await auditOf(draft.id, 'draft.overridden');
    expect(overridden?.details).toMatchObject({
      reason: 'Rate confirmed with the host',
      answeredRequest: { by: AGENT, note: 'Please check the parking rate' },
    });
    const attention = await listAll(asManager, { status: 'needs_attention' });
    // Still failed, so still listed for the failure, but no longer as a request.
    expect(attention.find((item) => item.id === draft.id)?.attentionRequestedAt ?? null).toBeNull();
  });

  it('is cleared by a new version', async () => {
    const { draft } = await makeDraft({ validation: 'failed' });
    const asked = await asAgent.drafts.requestOverride({ id: draft.id, note: 'Stuck on the rate' });
    await regenerateDraft(db, {
      id: draft.id,
      revision: asked.revision,
      instruction: null,
      actor: agent,
      generator: fakeGenerator({ validation: 'failed' }),
    });
    const row = await draftRow(draft.id);
    expect([row.attentionRequestedAt, row.attentionRequestedBy, row.attentionNote]).toEqual([
      null,
      null,
      null,
    ]);
    expect((await asAgent.drafts.get({ id: draft.id })).can.requestOverride.allowed).toBe(true);
  });

  it('is refused where no override is needed, or from a manager, and never lists the draft', async () => {
    const passed = await makeDraft();
    const approved = await makeDraft({ status: 'approved', validation: 'failed' });
    const failed = await makeDraft({ validation: 'failed' });
    const theirs = await makeDraft({ organizationId: OTHER, validation: 'failed' });
    await refused('PRECONDITION_FAILED', () =>
      asAgent.drafts.requestOverride({ id: passed.draft.id, note: 'Look' }),
    );
    await refused('PRECONDITION_FAILED', () =>
      asAgent.drafts.requestOverride({ id: approved.draft.id, note: 'Look' }),
    );
    const self = await refused('FORBIDDEN', () =>
      asManager.drafts.requestOverride({ id: failed.draft.id, note: 'Look' }),
    );
    expect(self.message).toMatch(/yourself/);
    expect((await asManager.drafts.get({ id: failed.draft.id })).can.requestOverride.allowed).toBe(false);
    await refused('NOT_FOUND', () => asAgent.drafts.requestOverride({ id: theirs.draft.id, note: 'Look' }));
    await refused('NOT_FOUND', () => asOther.drafts.requestOverride({ id: failed.draft.id, note: 'Look' }));

    const requested = (await listAll(asManager, { status: 'needs_attention' })).filter(
      (item) => item.attentionRequestedAt !== null,
    );
    expect(requested.map((item) => item.id)).not.toContain(passed.draft.id);
    expect(requested.map((item) => item.id)).not.toContain(failed.draft.id);
  });

  it('refuses a missing, empty or oversized note', async () => {
    const { draft } = await makeDraft({ validation: 'failed' });
    for (const note of [undefined, '', '   ', 'x'.repeat(1_001)]) {
      const error = await refused('BAD_REQUEST', () =>
        // biome-ignore lint/suspicious/noExplicitAny: hostile input on purpose
        asAgent.drafts.requestOverride({ id: draft.id, note } as any),
      );
      expect(error.message).toMatch(/note/);
    }
  });
});
