import { beforeAll, describe, expect, it } from 'vitest';
import { onStatement } from '../../db/client';
import { pool } from '../../src/server/db';
import { createCaller } from '../../src/server/root';
import { createTRPCContext } from '../../src/server/trpc';
import { seedDemo, signInCookie } from '../helpers';

// What resolving "who is asking, in which organization, with which role" costs per request:
// every tRPC request and every server-rendered page pays it once.
const ROUNDS = 300;

async function measure(cookie: string) {
  const headers = new Headers({ cookie });
  await createCaller(await createTRPCContext({ headers })).me(); // warm up
  let statements = 0;
  const stop = onStatement(() => {
    statements += 1;
  });
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round += 1) {
    await createCaller(await createTRPCContext({ headers })).me();
  }
  const elapsed = performance.now() - started;
  stop();
  return { msPerRequest: elapsed / ROUNDS, statementsPerRequest: statements / ROUNDS };
}

let cookie = '';
beforeAll(async () => {
  await seedDemo();
  cookie = await signInCookie('agent@echo.test');
});

describe('resolving the viewer', () => {
  it('costs one indexed statement per request', async () => {
    const full = await measure(cookie);
    const tokenOnly = await measure(
      cookie
        .split('; ')
        .filter((part) => part.startsWith('better-auth.session_token='))
        .join('; '),
    );
    console.log(
      `viewer resolution: with every cookie ${JSON.stringify(full)}, token cookie only ${JSON.stringify(tokenOnly)}`,
    );
    expect(full.statementsPerRequest).toBe(1);
    expect(tokenOnly.statementsPerRequest).toBe(1);
  });

  it('finds the session by its unique token index, not by a scan', async () => {
    let statement: { sql: string; params: unknown[] } | null = null;
    const stop = onStatement((sql, params) => {
      statement = { sql, params };
    });
    await createCaller(await createTRPCContext({ headers: new Headers({ cookie }) })).me();
    stop();
    if (!statement) throw new Error('no statement seen');
    const { sql, params } = statement as { sql: string; params: unknown[] };
    const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`explain ${sql}`, params);
    const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(plan).toMatch(/Index Scan using sessions_token_unique/);
    expect(plan).not.toMatch(/Seq Scan on sessions/);
  });

  it('answers a health check through the route without looking up the session', async () => {
    const { GET } = await import('../../src/app/api/trpc/[trpc]/route');
    const statements: string[] = [];
    const stop = onStatement((sql) => statements.push(sql));
    const health = await GET(new Request('http://localhost/api/trpc/health', { headers: { cookie } }));
    const me = await GET(new Request('http://localhost/api/trpc/me', { headers: { cookie } }));
    stop();
    expect(health.status).toBe(200);
    expect(me.status).toBe(200);
    // health: its own `select 1` only; me: the one session statement.
    expect(statements).toHaveLength(2);
    expect(statements[0]).toBe('select 1');
    expect(statements[1]).toMatch(/from "sessions"/);
    // The page proxy does not run for this route: it sets the security headers itself.
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
