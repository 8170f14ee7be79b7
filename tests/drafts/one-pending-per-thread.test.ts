import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, deals, draftVersions, emailDrafts, emails } from '../../db/schema';
import { createDraftGenerator } from '../../src/server/ai/index';
import { generateFirstDraft } from '../../src/server/drafts/first-draft';
import { getBoss } from '../../src/server/queue';
import { callerFor, db, seedDemo } from '../helpers';

const offline = createDraftGenerator({ openai: null });
let caller: Awaited<ReturnType<typeof callerFor>>;
let organizationId: string;
let senders = 0;

beforeAll(async () => {
  await seedDemo();
  caller = await callerFor('agent@echo.test');
});
afterAll(async () => {
  await (await getBoss()).stop({ graceful: false, wait: true });
});

/** An email arrives (as `make inbound` and the webhook store it) and its draft job runs. */
async function arrive(body: string, dealId?: number, from?: string) {
  const received = await caller.inbound.simulate({
    from: from ?? 'Dana Wu <dana@newco.example>',
    subject: 'Office space',
    body,
    ...(dealId === undefined ? {} : { dealId }),
  });
  if (received.status !== 'received') throw new Error('The email was a duplicate');
  return received;
}

async function draftFor(emailId: number) {
  const [deal] = await db.select().from(deals).limit(1);
  organizationId ??= deal?.organizationId ?? '';
  return generateFirstDraft(db, offline, { organizationId, inboundEmailId: emailId });
}

async function newThread() {
  senders += 1;
  const first = await arrive(
    'We are a team of 8 looking in the Mission. Is there parking?',
    undefined,
    `Sam ${senders} <sam${senders}@thread${senders}.example>`,
  );
  const draft = await draftFor(first.emailId);
  expect(draft.isCreated).toBe(true);
  return { dealId: first.dealId, firstEmailId: first.emailId, draftId: draft.draftId };
}

/** The email that arrived last of these (received time, then id): the one the draft must answer. */
async function latestOf(emailIds: number[]) {
  const rows = await db.select({ id: emails.id, sentAt: emails.sentAt }).from(emails);
  const chosen = rows
    .filter((row) => emailIds.includes(row.id))
    .sort((x, y) => x.sentAt.getTime() - y.sentAt.getTime() || x.id - y.id);
  return chosen[chosen.length - 1]?.id;
}

const draftsOfDeal = (dealId: number) =>
  db.select().from(emailDrafts).where(eq(emailDrafts.dealId, dealId)).orderBy(asc(emailDrafts.id));
const versionsOf = (draftId: number) =>
  db
    .select()
    .from(draftVersions)
    .where(eq(draftVersions.draftId, draftId))
    .orderBy(asc(draftVersions.version));

describe('one pending draft per thread', () => {
  it('a follow-up brings the pending draft up to date: the agent’s edit kept first, then a new AI version', async () => {
    const thread = await newThread();
    const before = await caller.drafts.get({ id: thread.draftId });
    const edited = `${before.body}\n\nP.S. I can also send floor plans.`;
    await caller.drafts.edit({ id: thread.draftId, body: edited, revision: before.revision });

    const followUp = await arrive('Also, could we tour Thursday afternoon?', thread.dealId);
    const result = await draftFor(followUp.emailId);

    expect(result).toEqual({ draftId: thread.draftId, isCreated: false, isUpdated: true });
    const drafts = await draftsOfDeal(thread.dealId);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      status: 'pending',
      inboundEmailId: followUp.emailId,
      isEdited: false,
      currentVersion: 2,
    });
    const versions = await versionsOf(thread.draftId);
    expect(versions.map((v) => [v.version, v.kind])).toEqual([
      [0, 'ai'],
      [1, 'edit'],
      [2, 'ai'],
    ]);
    expect(versions[1]?.body).toBe(edited);
    expect(drafts[0]?.body).toBe(versions[2]?.body);
    // The new version answers the whole thread: the first email's question and the follow-up's.
    const sources = versions[2]?.reasoning.questionsAddressed.map((q) => q.sourceEmailId) ?? [];
    expect(sources).toContain(thread.firstEmailId);
    expect(sources).toContain(followUp.emailId);

    const audit = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'draft.updated_for_new_email'),
          eq(auditEvents.entityId, String(thread.draftId)),
        ),
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({
      inboundEmailId: followUp.emailId,
      previousInboundEmailId: thread.firstEmailId,
      version: 2,
      editedVersion: 1,
    });

    // The draft job running again for either email changes nothing.
    expect(await draftFor(followUp.emailId)).toMatchObject({ draftId: thread.draftId, isCreated: false });
    expect(await draftFor(thread.firstEmailId)).toMatchObject({ draftId: thread.draftId, isCreated: false });
    expect(await versionsOf(thread.draftId)).toHaveLength(3);
  });

  it('two emails arriving at once leave exactly one pending draft, with a version for each', async () => {
    for (let round = 0; round < 3; round += 1) {
      const thread = await newThread();
      const results = await Promise.all(
        ['Could we move in from March?', 'And is it dog friendly?'].map(async (body) => {
          const email = await arrive(body, thread.dealId);
          return { emailId: email.emailId, draft: await draftFor(email.emailId) };
        }),
      );

      const drafts = await draftsOfDeal(thread.dealId);
      expect(drafts.filter((d) => d.status === 'pending')).toHaveLength(1);
      expect(drafts).toHaveLength(1);
      expect(results.map((r) => r.draft.draftId)).toEqual([thread.draftId, thread.draftId]);
      // The draft answers the later of the two emails; every email that updated it left its version.
      expect(drafts[0]?.inboundEmailId).toBe(await latestOf(results.map((r) => r.emailId)));
      const updates = results.filter((r) => r.draft.isUpdated).length;
      expect(updates).toBeGreaterThanOrEqual(1);
      const versions = await versionsOf(thread.draftId);
      expect(versions.map((v) => v.version)).toEqual([...Array(1 + updates).keys()]);
      expect(drafts[0]?.currentVersion).toBe(updates);
    }
  });

  it('emails stored at once, then their draft jobs at once: one draft, answering the later email', async () => {
    const thread = await newThread();
    const [a, b] = await Promise.all([
      arrive('Could we move in from March?', thread.dealId),
      arrive('And is it dog friendly?', thread.dealId),
    ]);
    if (!a || !b) throw new Error('two emails expected');
    const later = await latestOf([a.emailId, b.emailId]);
    const earlier = later === a.emailId ? b.emailId : a.emailId;
    // The earlier email's job is started first, the later one's right after: both race for the lock.
    const results = await Promise.all([draftFor(earlier), draftFor(later ?? 0)]);
    const drafts = await draftsOfDeal(thread.dealId);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.inboundEmailId).toBe(later);
    expect(results.every((r) => r.draftId === thread.draftId)).toBe(true);
    const versions = await versionsOf(thread.draftId);
    expect(versions.length).toBe(1 + results.filter((r) => r.isUpdated).length);
    expect(versions.length).toBeGreaterThanOrEqual(2);
  });

  it('sent and approved drafts are never touched: the new email gets its own pending draft', async () => {
    for (const status of ['sent', 'approved'] as const) {
      const [seeded] = await db
        .select()
        .from(emailDrafts)
        .where(eq(emailDrafts.status, status))
        .orderBy(asc(emailDrafts.id))
        .limit(1);
      if (!seeded) throw new Error(`The seed has no ${status} draft`);
      const versionsBefore = await versionsOf(seeded.id);
      const email = await arrive('One more question: is there a bike room?', seeded.dealId);
      const result = await draftFor(email.emailId);

      expect(result.isCreated).toBe(true);
      expect(result.draftId).not.toBe(seeded.id);
      const [after] = await db.select().from(emailDrafts).where(eq(emailDrafts.id, seeded.id));
      expect(after).toMatchObject({
        status,
        body: seeded.body,
        revision: seeded.revision,
        inboundEmailId: seeded.inboundEmailId,
      });
      expect(await versionsOf(seeded.id)).toHaveLength(versionsBefore.length);
    }
  });
});
