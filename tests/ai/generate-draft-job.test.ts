import { and, eq } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, draftVersions, emailDrafts, emails } from '../../db/schema';
import { createDraftGenerator, type DraftGenerator } from '../../src/server/ai/index';
import { generateDraftDeadHandler, generateDraftHandler } from '../../src/server/jobs/generate-draft';
import { queues } from '../../src/server/queue';
import { db, seedDemo } from '../helpers';
import { addInbound, archivePendingDrafts } from './db-helpers';

const offline = createDraftGenerator({ openai: null });
/** Inbound email ids whose generation fails this many more times. */
const failuresLeft = new Map<number, number>();
const flaky: DraftGenerator = {
  async generate(executor, request) {
    const left = failuresLeft.get(request.inboundEmailId) ?? 0;
    if (left > 0) {
      failuresLeft.set(request.inboundEmailId, left - 1);
      throw new Error('provider exploded');
    }
    return offline.generate(executor, request);
  },
};

let boss: PgBoss;

beforeAll(async () => {
  await seedDemo();
  boss = new PgBoss({ connectionString: process.env.DATABASE_URL, max: 3 });
  boss.on('error', (error) => console.error('[test boss]', error));
  await boss.start();
  // The production queues (created at migrate time), with a short retry delay so the test does not wait on backoff.
  await boss.updateQueue(queues.generateDraft.name, {
    ...queues.generateDraft,
    retryDelay: 1,
    retryBackoff: false,
  });
  const options = { batchSize: 1, pollingIntervalSeconds: 0.5 };
  await boss.work(queues.generateDraft.name, options, generateDraftHandler({ db, generator: () => flaky }));
  await boss.work(queues.generateDraftDead.name, options, generateDraftDeadHandler({ db }));
});

afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
});

async function waitFor<T>(
  read: () => Promise<T | null | undefined>,
  what: string,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

const jobState = (id: string) => async () => {
  const job = await boss.getJobById(queues.generateDraft.name, id);
  return job && (job.state === 'completed' || job.state === 'failed') ? job : null;
};

async function draftsFor(inboundEmailId: number) {
  return db.select().from(emailDrafts).where(eq(emailDrafts.inboundEmailId, inboundEmailId));
}

describe('the draft.generate job', () => {
  it('creates exactly one draft, one version and one audit event per inbound email under duplicate enqueue', async () => {
    // The thread's first draft: with a pending one, the email would bring that one up to date instead.
    await archivePendingDrafts('Orbit Care');
    const inbound = await addInbound('Orbit Care', 'Is there parking at Mission Bay Flex?');
    const payload = { organizationId: inbound.organizationId, inboundEmailId: inbound.inboundEmailId };
    const ids = await Promise.all([
      boss.send(queues.generateDraft.name, payload),
      boss.send(queues.generateDraft.name, payload),
      boss.send(queues.generateDraft.name, payload),
    ]);
    // And the handler raced directly, as two workers picking up copies at once would.
    const handler = generateDraftHandler({ db, generator: () => offline });
    const job = { id: 'direct', name: queues.generateDraft.name, data: payload, expireInSeconds: 60 };
    await Promise.all([handler([job]), handler([job])]);
    for (const id of ids) {
      if (!id) throw new Error('send returned no id');
      expect((await waitFor(jobState(id), `job ${id}`)).state).toBe('completed');
    }

    const drafts = await draftsFor(inbound.inboundEmailId);
    expect(drafts).toHaveLength(1);
    const draft = drafts[0];
    if (!draft) throw new Error('no draft');
    expect(draft).toMatchObject({ status: 'pending', isOffline: true, dealId: inbound.dealId });
    expect(await db.select().from(draftVersions).where(eq(draftVersions.draftId, draft.id))).toHaveLength(1);
    const audits = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'draft.generated'), eq(auditEvents.entityId, String(draft.id))));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorType: 'ai', organizationId: inbound.organizationId });
  });

  it('retries a failed generation and then stores the draft', async () => {
    const inbound = await addInbound('Orbit Care', 'What is the rent at Mission Bay Flex?');
    failuresLeft.set(inbound.inboundEmailId, 2);
    const id = await boss.send(queues.generateDraft.name, {
      organizationId: inbound.organizationId,
      inboundEmailId: inbound.inboundEmailId,
    });
    if (!id) throw new Error('send returned no id');
    const job = await waitFor(jobState(id), 'the retried job');
    expect(job.state).toBe('completed');
    expect(job.retryCount).toBe(2);
    expect(await draftsFor(inbound.inboundEmailId)).toHaveLength(1);
    const [email] = await db.select().from(emails).where(eq(emails.id, inbound.inboundEmailId));
    expect(email?.draftError).toBeNull();
  });

  it('dead-letters a job that fails every attempt and shows the failure on the inbound email', async () => {
    const inbound = await addInbound('Orbit Care', 'Can we tour on Monday?');
    failuresLeft.set(inbound.inboundEmailId, 100);
    const id = await boss.send(queues.generateDraft.name, {
      organizationId: inbound.organizationId,
      inboundEmailId: inbound.inboundEmailId,
    });
    if (!id) throw new Error('send returned no id');
    const job = await waitFor(jobState(id), 'the failing job');
    expect(job.state).toBe('failed');
    const email = await waitFor(async () => {
      const [row] = await db.select().from(emails).where(eq(emails.id, inbound.inboundEmailId));
      return row?.draftError ? row : null;
    }, 'the draft error on the email');
    expect(email.draftError).toMatch(/could not be generated after 4 attempts/);
    expect(await draftsFor(inbound.inboundEmailId)).toHaveLength(0);
  });

  it('refuses a malformed payload instead of guessing', async () => {
    const handler = generateDraftHandler({ db, generator: () => offline });
    const job = {
      id: 'bad',
      name: queues.generateDraft.name,
      data: { inboundEmailId: 'x' },
      expireInSeconds: 60,
    };
    await expect(handler([job])).rejects.toThrow();
  });
});
