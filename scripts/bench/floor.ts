/**
 * The bare-HTTP floor of `make bench`: a `node:http` server answering the bench's `health`,
 * `drafts.list` and `drafts.get` requests with the app's own SQL — the statements the real query
 * functions (src/server/drafts/queries.ts) send, captured once through Drizzle's statement hook at
 * start-up and replayed by `pg` per request as named prepared statements (as the app runs them), in
 * the same order and parallelism — after a session lookup that is one plain indexed select on
 * `sessions.token`. The JSON is shaped like tRPC's
 * (`{"result":{"data":{"json":…}}}`) from the rows as pg returns them, so it is about the same size.
 * No Next.js, no tRPC, no zod, no superjson, no Drizzle per request: what a request cannot cost less
 * than on this machine.
 *
 * Run by scripts/bench/run.ts: `tsx scripts/bench/floor.ts` with DATABASE_URL, FLOOR_PORT,
 * AUTH_SECRET and BENCH_ORG; prints "floor ready" when it listens.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { createDatabase, onStatement } from '../../db/client';
import { getDraft, listDrafts } from '../../src/server/drafts/queries';
import { readCookie, verifySignedCookieValue } from '../../src/server/session';

type Statement = { sql: string; params: unknown[] };

/** The statements a query function sends, in order, as Drizzle hands them to pg. */
export async function captureStatements(work: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = [];
  const stop = onStatement((sql, params) => seen.push({ sql, params }));
  try {
    await work();
  } finally {
    stop();
  }
  return seen;
}

/** The app's statements for the bench's requests in one organization, keyed by request. */
export async function captureBenchStatements(databaseUrl: string, organizationId: string) {
  const { db, pool } = createDatabase(databaseUrl, 2);
  try {
    const list = await captureStatements(() => listDrafts(db, { limit: 25, organizationId }));
    const ids = (
      await pool.query<{ id: number }>('select id from email_drafts where organization_id = $1', [
        organizationId,
      ])
    ).rows.map((row) => Number(row.id));
    const get = new Map<number, Statement[]>();
    for (const id of ids) {
      get.set(id, await captureStatements(() => getDraft(db, { id, organizationId, role: 'agent' })));
    }
    return { list, get };
  } finally {
    await pool.end();
  }
}

/**
 * Replays `getDraft`'s statements in its shape: the draft first, then versions, thread, spaces and
 * the audit probe in parallel.
 */
export async function replayGet(query: (s: Statement) => Promise<unknown[]>, statements: Statement[]) {
  const [first, ...rest] = statements;
  if (!first) return [];
  const head = await query(first);
  return [head, ...(await Promise.all(rest.map(query)))];
}

/**
 * Runs a statement as a named prepared statement on each pooled connection, as the app runs its hot
 * ones (src/server/db.ts `preparedStatement`): a floor must not pay a parse and plan the app skips.
 */
export function preparedRunner(pool: pg.Pool) {
  const names = new Map<string, string>();
  return async (statement: Statement) => {
    let name = names.get(statement.sql);
    if (!name) {
      name = `floor_${createHash('sha1').update(statement.sql).digest('hex').slice(0, 16)}`;
      names.set(statement.sql, name);
    }
    return (await pool.query({ name, text: statement.sql, values: statement.params })).rows;
  };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const databaseUrl = process.env.DATABASE_URL ?? '';
  const port = Number(process.env.FLOOR_PORT ?? 3301);
  const secret = process.env.AUTH_SECRET ?? '';
  const organizationId = process.env.BENCH_ORG ?? 'bench_org_1';
  const captured = await captureBenchStatements(databaseUrl, organizationId);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: Number(process.env.DB_POOL_MAX ?? 10),
    application_name: 'echo-floor',
  });
  const query = preparedRunner(pool);

  /** One indexed select on the unique token, as the app's session lookup must do at least. */
  async function sessionOf(cookieHeader: string | undefined) {
    const raw = readCookie(cookieHeader ?? null, 'better-auth.session_token');
    const token = raw ? verifySignedCookieValue(raw, secret) : null;
    if (!token) return null;
    const rows = await query({
      sql: 'select user_id, active_organization_id from sessions where token = $1 and expires_at > now()',
      params: [token],
    });
    return rows[0] ?? null;
  }

  const send = (response: import('node:http').ServerResponse, status: number, data: unknown) => {
    const body = JSON.stringify(status === 200 ? { result: { data: { json: data } } } : { error: data });
    response.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  };

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://floor');
      const procedure = url.pathname.replace('/api/trpc/', '');
      if (procedure === 'health') {
        await pool.query('select 1');
        return send(response, 200, { ok: true, db: true });
      }
      const session = await sessionOf(request.headers.cookie);
      if (!session) return send(response, 401, { message: 'Sign in to continue' });
      const input = JSON.parse(url.searchParams.get('input') ?? '{}').json ?? {};
      if (procedure === 'drafts.list') {
        const [statement] = captured.list;
        if (!statement) throw new Error('no list statement');
        const rows = await query(statement);
        return send(response, 200, { items: rows.slice(0, 25), nextCursor: null });
      }
      if (procedure === 'drafts.get') {
        const statements = captured.get.get(Number(input.id));
        if (!statements) return send(response, 404, { message: 'Draft not found' });
        const [head, versions, thread, spaces] = await replayGet(query, statements);
        return send(response, 200, { ...(head?.[0] as object), versions, thread, spaces });
      }
      return send(response, 404, { message: 'No such procedure' });
    } catch (error) {
      send(response, 500, { message: String(error) });
    }
  });
  server.keepAliveTimeout = 60_000;
  server.listen(port, '127.0.0.1', () => console.log('floor ready'));
  process.on('SIGTERM', () => {
    server.close();
    void pool.end().then(() => process.exit(0));
  });
}
