import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema';
import { handleTrpcFetch, handleTrpcNode } from '../../src/server/trpc-http';
import { db, seedDemo, signInCookie } from '../helpers';

/**
 * The API answered over real HTTP both ways it is served: tRPC's Node adapter (what each web
 * process of `make start` runs, scripts/web.ts) and the fetch handler of the Next.js route (what
 * `next dev` runs), mounted here on plain node:http servers. Same answers, same headers, same
 * session rules — the Node path is a shortcut past Next.js, never past a check.
 */
type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

function listen(server: Server) {
  return new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

/** node:http rather than fetch: fetch asks for and undoes compression on its own. */
function call(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(
      `${base}${path}`,
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = (answer: Answer) =>
  JSON.parse(
    (answer.headers['content-encoding'] === 'gzip' ? gunzipSync(answer.body) : answer.body).toString(),
  );
const input = (value: unknown) => encodeURIComponent(JSON.stringify({ json: value }));

const nodeServer = createServer((req, res) => void handleTrpcNode(req, res));
const fetchServer = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const response = await handleTrpcFetch(
    new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === 'GET' ? undefined : Buffer.concat(chunks),
    }),
  );
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
});
const bases: Record<'node adapter' | 'Next.js route', string> = { 'node adapter': '', 'Next.js route': '' };

beforeAll(async () => {
  await seedDemo();
  bases['node adapter'] = await listen(nodeServer);
  bases['Next.js route'] = await listen(fetchServer);
});
afterAll(() => {
  nodeServer.close();
  fetchServer.close();
});

describe.each(['node adapter', 'Next.js route'] as const)('the API through the %s', (way) => {
  it('answers health with the API security headers', async () => {
    const answer = await call(bases[way], '/api/trpc/health');
    expect(answer.status).toBe(200);
    expect(json(answer)).toEqual({ result: { data: { json: { ok: true, db: true } } } });
    expect(answer.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['strict-transport-security']).toBeUndefined();
    const behindHttps = await call(bases[way], '/api/trpc/health', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(behindHttps.headers['strict-transport-security']).toMatch(/max-age=/);
  });

  it('serves a signed-in member, and refuses the same cookie the moment its session is gone', async () => {
    const cookie = await signInCookie('agent@echo.test');
    const me = await call(bases[way], '/api/trpc/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(json(me).result.data.json).toMatchObject({ email: 'agent@echo.test' });

    const token = decodeURIComponent(/session_token=([^;]+)/.exec(cookie)?.[1] ?? '').split('.')[0] ?? '';
    await db.delete(sessions).where(eq(sessions.token, token));

    const replayedRead = await call(bases[way], `/api/trpc/drafts.list?input=${input({})}`, {
      headers: { cookie },
    });
    expect(replayedRead.status).toBe(401);
    const replayedWrite = await call(bases[way], '/api/trpc/settings.update', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: bases[way] },
      body: JSON.stringify({ json: { signature: 'replayed' } }),
    });
    expect(replayedWrite.status).toBe(401);
  });

  it('refuses a cross-site write and an oversized batch, naming what is wrong', async () => {
    const cookie = await signInCookie('manager@echo.test');
    const crossSite = await call(bases[way], '/api/trpc/settings.update', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ json: { signature: 'forged' } }),
    });
    expect(crossSite.status).toBe(403);
    expect(json(crossSite).error.json.message).toBe('Cross-site requests are not allowed');

    const paths = Array.from({ length: 21 }, () => 'health').join(',');
    const batch = await call(bases[way], `/api/trpc/${paths}?batch=1&input={}`, { headers: { cookie } });
    expect(batch.status).toBe(400);
    expect(JSON.stringify(json(batch))).toMatch(/batch/i);
  });

  it('names the field of a bad input with a 400', async () => {
    const cookie = await signInCookie('agent@echo.test');
    const answer = await call(bases[way], `/api/trpc/drafts.list?input=${input({ limit: 'many' })}`, {
      headers: { cookie },
    });
    expect(answer.status).toBe(400);
    expect(json(answer).error.json.message).toMatch(/limit/);
  });
});

describe('the node adapter', () => {
  it('compresses a large answer for a client that accepts gzip, and not for one that does not', async () => {
    const cookie = await signInCookie('agent@echo.test');
    const path = `/api/trpc/drafts.list?input=${input({})}`;
    const plain = await call(bases['node adapter'], path, { headers: { cookie } });
    const gzipped = await call(bases['node adapter'], path, {
      headers: { cookie, 'accept-encoding': 'gzip' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.body.length).toBeLessThan(plain.body.length);
    expect(json(gzipped)).toEqual(json(plain));
  });

  it('passes on the cookie of a session whose expiry slid forward', async () => {
    const cookie = await signInCookie('agent@echo.test');
    const token = decodeURIComponent(/session_token=([^;]+)/.exec(cookie)?.[1] ?? '').split('.')[0] ?? '';
    // A session last extended two days ago: past better-auth's one-day updateAge.
    const twoDaysAgo = Date.now() - 2 * 24 * 3600 * 1000;
    await db
      .update(sessions)
      .set({ expiresAt: new Date(twoDaysAgo + 7 * 24 * 3600 * 1000), updatedAt: new Date(twoDaysAgo) })
      .where(eq(sessions.token, token));
    const answer = await call(bases['node adapter'], '/api/trpc/me', { headers: { cookie } });
    expect(answer.status).toBe(200);
    expect(String(answer.headers['set-cookie'])).toMatch(/session_token=/);
  });
});
