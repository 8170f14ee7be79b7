import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Resend API on 127.0.0.1, for the real `resend` SDK (`new Resend(key, { baseUrl: fake.url })`).
 *
 * `POST /emails` honours the `Idempotency-Key` header the way Resend does: the first accepted request
 * with a key is a delivery; later requests with the same key get the same id and deliver nothing.
 * Faults are scripted per request (`fake.script(…)`) or for every request (`fake.failAlways(…)`).
 * Every request is recorded, faults included, in `fake.requests`; what was delivered is in
 * `fake.deliveries`.
 */

export type FakeReply =
  /** Answer normally (the default when nothing is scripted). */
  | { kind: 'ok' }
  /** An error answer with this status, e.g. 500, 422, or 429 with `retryAfter` seconds. */
  | { kind: 'error'; status: number; name?: string; message?: string; retryAfter?: number }
  /**
   * Never answer (until the server closes). With `deliver`, the email is delivered first, as when
   * Resend received it and the caller died before reading the answer.
   */
  | { kind: 'hang'; deliver: boolean };

export type RecordedRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  idempotencyKey: string | null;
  body: unknown;
  receivedAt: Date;
  /** The status answered; null for a request left hanging. */
  status: number | null;
};

export type FakeDelivery = {
  id: string;
  idempotencyKey: string | null;
  from: string;
  to: string | string[];
  subject: string;
  text: string | undefined;
  headers: Record<string, string>;
  deliveredAt: Date;
};

export type FakeResend = {
  /** Base URL for the SDK: `http://127.0.0.1:<port>`. */
  url: string;
  requests: RecordedRequest[];
  deliveries: FakeDelivery[];
  /** Replies for the next `POST /emails` requests, in order; afterwards requests succeed again. */
  script(...replies: FakeReply[]): void;
  /** Every `POST /emails` answers this until `reset()`. */
  failAlways(reply?: FakeReply): void;
  /** Stops failing (clears scripts and the always-fail mode) but keeps the records. */
  heal(): void;
  /** Clears scripts, the always-fail mode and the records. */
  reset(): void;
  /** Requests to `POST /emails`, oldest first. */
  emailRequests(): RecordedRequest[];
  /** Resolves when `count` email requests have arrived. */
  waitForEmailRequests(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

const fail500: FakeReply = { kind: 'error', status: 500, name: 'internal_server_error', message: 'Boom' };

function errorBody(status: number, reply: Extract<FakeReply, { kind: 'error' }>) {
  const name =
    reply.name ??
    (status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'internal_server_error' : 'validation_error');
  return { statusCode: status, name, message: reply.message ?? `Fake Resend answered ${status}` };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export async function startFakeResend(): Promise<FakeResend> {
  const requests: RecordedRequest[] = [];
  const deliveries: FakeDelivery[] = [];
  const byKey = new Map<string, string>();
  let scripted: FakeReply[] = [];
  let always: FakeReply | null = null;
  const waiters: Array<{ count: number; resolve: () => void }> = [];

  const emailRequests = () => requests.filter((r) => r.method === 'POST' && r.path === '/emails');
  const notify = () => {
    const seen = emailRequests().length;
    for (const waiter of [...waiters]) {
      if (seen >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };

  function deliver(key: string | null, body: Record<string, unknown>): string {
    const existing = key ? byKey.get(key) : undefined;
    if (existing) return existing;
    const id = randomUUID();
    if (key) byKey.set(key, id);
    deliveries.push({
      id,
      idempotencyKey: key,
      from: String(body.from ?? ''),
      to: (body.to as string | string[]) ?? '',
      subject: String(body.subject ?? ''),
      text: typeof body.text === 'string' ? body.text : undefined,
      headers: (body.headers as Record<string, string>) ?? {},
      deliveredAt: new Date(),
    });
    return id;
  }

  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(', ') : (value ?? ''),
      ]),
    );
    const body = await readJson(request);
    const idempotencyKey = headers['idempotency-key'] || null;
    const record: RecordedRequest = {
      method: request.method ?? 'GET',
      path,
      headers,
      idempotencyKey,
      body,
      receivedAt: new Date(),
      status: null,
    };
    requests.push(record);

    const answer = (status: number, payload: unknown, extra?: Record<string, string>) => {
      record.status = status;
      send(response, status, payload, extra);
      notify();
    };

    if (!(headers.authorization ?? '').startsWith('Bearer ')) {
      return answer(401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key' });
    }
    if (request.method !== 'POST' || path !== '/emails') {
      return answer(404, {
        statusCode: 404,
        name: 'not_found',
        message: `No route ${request.method} ${path}`,
      });
    }

    const reply = scripted.shift() ?? always ?? { kind: 'ok' };
    if (reply.kind === 'hang') {
      if (reply.deliver && body && typeof body === 'object')
        deliver(idempotencyKey, body as Record<string, unknown>);
      notify();
      return;
    }
    if (reply.kind === 'error') {
      const extra: Record<string, string> =
        reply.retryAfter !== undefined ? { 'retry-after': String(reply.retryAfter) } : {};
      return answer(reply.status, errorBody(reply.status, reply), extra);
    }
    const email = body as Record<string, unknown> | null;
    if (!email || typeof email !== 'object' || !email.from || !email.to || !email.subject) {
      return answer(422, {
        statusCode: 422,
        name: 'validation_error',
        message: 'from, to and subject are required',
      });
    }
    return answer(200, { id: deliver(idempotencyKey, email) });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    deliveries,
    script(...replies) {
      scripted.push(...replies);
    },
    failAlways(reply = fail500) {
      always = reply;
    },
    heal() {
      scripted = [];
      always = null;
    },
    reset() {
      scripted = [];
      always = null;
      requests.length = 0;
      deliveries.length = 0;
      byKey.clear();
    },
    emailRequests,
    waitForEmailRequests(count, timeoutMs = 20_000) {
      if (emailRequests().length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`Fake Resend saw ${emailRequests().length} of ${count} email requests`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
