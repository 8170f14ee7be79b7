import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { superviseServices, tsEntry } from '../../scripts/supervise';
import { stopBoss } from '../../src/server/queue';
import { type FakeResend, startFakeResend } from '../fakes/resend';
import { callerFor, seedDemo } from '../helpers';
import { draftRow, emailRow, eventually, makeDraft, setSettings, TANDEM } from './support';

// A real worker process (src/server/jobs/worker.ts, as `make start` runs it) beside a stand-in web
// process, both under the supervisor of scripts/dev.ts; the worker is SIGKILLed mid-delivery.

let fake: FakeResend;
let supervisor: ReturnType<typeof superviseServices>;
let webPort = 0;

async function freePort() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function webAnswers() {
  const response = await fetch(`http://127.0.0.1:${webPort}/`).catch(() => null);
  return response?.status === 200;
}

async function waitForWorkerPid(notPid?: number) {
  return eventually(
    async () => {
      const pid = supervisor.service('worker').pid;
      return pid !== undefined && pid !== notPid ? pid : undefined;
    },
    20_000,
    'the supervisor to (re)start the worker',
  );
}

beforeAll(async () => {
  await seedDemo();
  fake = await startFakeResend();
  await setSettings(TANDEM, { undoWindowSeconds: 0 });
  webPort = await freePort();
  const env = { ...process.env, RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: fake.url };
  supervisor = superviseServices(
    [
      {
        name: 'web',
        command: process.execPath,
        args: [
          '-e',
          `require('node:http').createServer((q, r) => r.end('ok')).listen(${webPort}, '127.0.0.1')`,
        ],
        stdio: 'ignore',
      },
      { name: 'worker', ...tsEntry('src/server/jobs/worker.ts'), env, stdio: 'ignore' },
    ],
    { initialBackoffMs: 200, stopTimeoutMs: 5_000, log: () => {} },
  );
  await eventually(async () => ((await webAnswers()) ? true : undefined), 20_000, 'the web stand-in');
});

afterAll(async () => {
  await supervisor?.stop();
  await fake?.close();
  await stopBoss();
});

describe('a worker process killed mid-delivery under the supervisor', () => {
  it('keeps the web process answering, restarts the worker, and delivers once within a minute', async () => {
    // Resend gets the request and the worker dies before reading the answer.
    fake.script({ kind: 'hang', deliver: true });
    const firstPid = await waitForWorkerPid();
    const { draft } = await makeDraft({ status: 'approved' });
    const caller = await callerFor('agent@echo.test');
    const { email } = await caller.drafts.send({ id: draft.id, revision: draft.revision });
    await fake.waitForEmailRequests(1, 30_000);

    process.kill(firstPid, 'SIGKILL');
    const killedAt = Date.now();
    expect(await webAnswers()).toBe(true);

    await waitForWorkerPid(firstPid);
    expect(supervisor.service('worker').restarts).toBe(1);
    expect(await webAnswers()).toBe(true);

    const delivered = await eventually(
      async () => {
        const row = await emailRow(email.id);
        return row.deliveryStatus === 'sent' ? row : undefined;
      },
      60_000,
      'the restarted worker to finish the delivery',
    );
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    const requests = fake.emailRequests();
    expect(requests.length).toBeGreaterThanOrEqual(2);
    expect(new Set(requests.map((r) => r.idempotencyKey))).toEqual(new Set([`send/${draft.id}`]));
    expect(fake.deliveries).toHaveLength(1);
    expect(delivered.providerMessageId).toBe(fake.deliveries[0]?.id);
    expect((await draftRow(draft.id)).status).toBe('sent');
    expect(supervisor.service('web').restarts).toBe(0);
  }, 90_000);
});
