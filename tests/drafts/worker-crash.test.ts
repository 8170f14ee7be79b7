import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverEmailJob } from '../../src/server/jobs/deliver-email';
import { resendTransport } from '../../src/server/mail/resend';
import { createBoss, getBoss } from '../../src/server/queue';
import { type FakeResend, startFakeResend } from '../fakes/resend';
import { callerFor, seedDemo } from '../helpers';
import { draftRow, emailRow, eventually, makeDraft, setSettings, TANDEM } from './support';

let fake: FakeResend;
const workers: PgBoss[] = [];

async function startWorker() {
  const boss = await createBoss(undefined, { isWorker: true });
  const job = deliverEmailJob({
    transport: resendTransport({ apiKey: 're_test_key', baseUrl: fake.url }),
    backoffSeconds: () => 0,
    boss,
  });
  await boss.work(job.queue, { batchSize: 1, pollingIntervalSeconds: 0.5 }, job.handler);
  workers.push(boss);
  return boss;
}

beforeAll(async () => {
  await seedDemo();
  fake = await startFakeResend();
  await setSettings(TANDEM, { undoWindowSeconds: 0 });
});

afterAll(async () => {
  for (const boss of workers) await boss.stop({ graceful: false });
  await fake.close();
  await (await getBoss()).stop({ graceful: false });
});

describe('a worker killed mid-delivery', () => {
  it('leaves the job to another worker, which sends with the same key: delivered once', async () => {
    // Resend gets the first request and the worker dies before reading the answer.
    fake.script({ kind: 'hang', deliver: true });
    const doomed = await startWorker();
    const { draft } = await makeDraft({ status: 'approved' });
    const caller = await callerFor('agent@echo.test');
    const { email } = await caller.drafts.send({ id: draft.id, revision: draft.revision });
    await fake.waitForEmailRequests(1);

    // No graceful wait: pg-boss hands the active job back for a retry, as after a crash.
    await doomed.stop({ graceful: false, wait: false });
    await startWorker();

    const delivered = await eventually(
      async () => {
        const row = await emailRow(email.id);
        return row.deliveryStatus === 'sent' ? row : undefined;
      },
      30_000,
      'the second worker to deliver',
    );
    const requests = fake.emailRequests();
    expect(requests.length).toBeGreaterThanOrEqual(2);
    expect(new Set(requests.map((r) => r.idempotencyKey))).toEqual(new Set([`send/${draft.id}`]));
    expect(fake.deliveries).toHaveLength(1);
    expect(delivered.providerMessageId).toBe(fake.deliveries[0]?.id);
    expect((await draftRow(draft.id)).status).toBe('sent');
  });
});
