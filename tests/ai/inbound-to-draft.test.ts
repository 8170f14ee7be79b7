import { eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailDrafts } from '../../db/schema';
import { createDraftGenerator } from '../../src/server/ai/index';
import { generateDraftHandler } from '../../src/server/jobs/generate-draft';
import { createBoss, getBoss } from '../../src/server/queue';
import { callerFor, db, seedDemo } from '../helpers';

let worker: PgBoss;

beforeAll(async () => {
  await seedDemo();
  worker = await createBoss(process.env.DATABASE_URL, { isWorker: true });
  await worker.work(
    'draft.generate',
    { batchSize: 1, pollingIntervalSeconds: 0.5 },
    generateDraftHandler({ db, generator: () => createDraftGenerator({ openai: null }) }),
  );
});

afterAll(async () => {
  await worker.stop({ graceful: false, wait: true });
  await (await getBoss()).stop({ graceful: false, wait: true });
});

describe('an inbound email gets its draft in the background', () => {
  it('drafts a grounded offline reply to a simulated email, visible in the inbox', async () => {
    const caller = await callerFor('agent@echo.test');
    const received = await caller.inbound.simulate({
      from: 'Priya Raman <priya@acmeanalytics.example>',
      subject: 'Re: Office for 12 in the Mission',
      body: 'One more thing: how many meeting rooms does Mission Loft have, and could we tour Wednesday morning?',
    });
    expect(received.status).toBe('received');
    const { emailId } = received;

    const deadline = Date.now() + 45_000;
    let draftId: number | undefined;
    while (!draftId && Date.now() < deadline) {
      const [row] = await db
        .select({ id: emailDrafts.id })
        .from(emailDrafts)
        .where(eq(emailDrafts.inboundEmailId, emailId));
      draftId = row?.id;
      if (!draftId) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (!draftId) throw new Error('No draft was generated for the simulated email');

    const draft = await caller.drafts.get({ id: draftId });
    expect(draft.status).toBe('pending');
    // Acme's thread had a pending draft: the email brought it up to date with a new current version.
    const current = draft.versions.find((v) => v.version === draft.currentVersion);
    expect(draft.currentVersion).toBeGreaterThan(0);
    expect(draft.body).toContain('Mission Loft has 2 meeting rooms');
    expect(draft.body).toContain('Wednesday at 10am or 11am');
    expect(current).toMatchObject({ isOffline: true, model: 'echo-offline-1' });
    expect(current?.validation.status).toBe('passed');
    // Both questions of the new email, and those of the earlier email no reply has answered yet.
    const sources = current?.reasoning.questionsAddressed.map((q) => q.sourceEmailId) ?? [];
    expect(sources.filter((id) => id === emailId)).toHaveLength(2);
    expect(current?.validation.questions).toMatchObject({ unanswered: [] });
  });

  it('answers a new inquiry with the best matches of the inventory, grounded, without attaching them', async () => {
    const caller = await callerFor('agent@echo.test');
    const received = await caller.inbound.simulate({
      from: 'Nina Okafor <nina@brightpath.example>',
      subject: 'Office search',
      body: 'Hi, we are a team of 8 looking for an office in Hayes Valley or the Mission from March, budget around $9,000 a month. Is there parking, and could we tour Thursday afternoon?',
    });
    if (received.status !== 'received') throw new Error('expected a new email');
    const deadline = Date.now() + 45_000;
    let draftId: number | undefined;
    while (!draftId && Date.now() < deadline) {
      const [row] = await db
        .select({ id: emailDrafts.id })
        .from(emailDrafts)
        .where(eq(emailDrafts.inboundEmailId, received.emailId));
      draftId = row?.id;
      if (!draftId) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (!draftId) throw new Error('No draft was generated for the new inquiry');

    const draft = await caller.drafts.get({ id: draftId });
    const { items } = await caller.deals.suggestions({ id: draft.dealId });
    const best = items[0];
    if (!best) throw new Error('the inventory suggests nothing for the inquiry');
    expect(draft.body).toContain('From our inventory');
    expect(draft.body).toContain(`${best.space.name}`);
    expect(draft.body).toContain(`$${best.space.monthlyRate.toLocaleString('en-US')}/month`);
    expect(draft.versions[0]?.validation.status).not.toBe('failed');
    // Proposing is not attaching: the deal has no spaces until the broker keeps one.
    expect(draft.spaces).toHaveLength(0);
  });
});
