/**
 * `make bench`: the production server and a worker on the bench data (`make bench-seed` first),
 * driven over HTTP with autocannon at concurrency 1 and 16, beside the floor — the same rows
 * fetched by hand-written SQL in this process. Prints one table; writes bench/results.json and
 * bench/RESULTS.md.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import pg from 'pg';
import { DEV_DATABASE, startEmbeddedPostgres } from '../../db/embedded';
import { EMBEDDED_DATABASE_URL } from '../../src/server/env';

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const PASSWORD = 'echo-demo-password';
const shouldBuild = !process.argv.includes('--no-build');

// `--report-only`: write bench/RESULTS.md again from bench/results.json (after editing ANALYSIS.md).
if (process.argv.includes('--report-only')) {
  report(JSON.parse(readFileSync('bench/results.json', 'utf8')));
  process.exit(0);
}

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(DEV_DATABASE);
const databaseUrl = process.env.DATABASE_URL || EMBEDDED_DATABASE_URL;
const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });

const benchOrgs = await pool.query<{ count: string }>(
  `select count(*)::text as count from organizations where id like 'bench_org_%'`,
);
if (Number(benchOrgs.rows[0]?.count ?? 0) === 0)
  throw new Error('No bench data: run `make bench-seed` first');

if (shouldBuild) {
  console.log('Building the production app…');
  execFileSync('node_modules/.bin/next', ['build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}

const appEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL: databaseUrl,
  PORT: String(PORT),
  APP_URL: BASE,
  AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-secret-bench-secret-bench-secret-0000',
  OPENAI_API_KEY: '',
  RESEND_API_KEY: '',
  NEXT_TELEMETRY_DISABLED: '1',
  // The bench signs in as many users, each naming its own address as one trusted proxy would.
  TRUSTED_PROXY: '1',
};
const server = spawn('node_modules/.bin/next', ['start', '--port', String(PORT), '--hostname', '127.0.0.1'], {
  env: appEnv,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const worker = spawn('node_modules/.bin/tsx', ['src/server/jobs/worker.ts'], {
  env: appEnv,
  stdio: ['ignore', 'ignore', 'inherit'],
});

async function stopAll() {
  for (const child of [server, worker]) child.kill('SIGTERM');
  await Promise.all(
    [server, worker].map((child: ChildProcess) =>
      child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve)),
    ),
  );
  await pool.end();
  await embedded?.stop();
}

async function waitForHealth() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${BASE}/api/trpc/health`).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('The server did not become healthy');
}

let signIns = 0;
async function signIn(email: string) {
  signIns += 1;
  const response = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: 'POST',
    // Sign-in is rate limited per client address; the bench signs in as many users, so each
    // sign-in names its own loopback address.
    headers: {
      'content-type': 'application/json',
      origin: BASE,
      'x-forwarded-for': `127.1.${signIns >> 8}.${signIns & 255}`,
    },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok)
    throw new Error(`Sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

const query = (procedure: string, input: unknown) =>
  `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

type Request = { method?: 'GET' | 'POST'; path: string; body?: string };
type Scenario = { name: string; concurrency: number; next: () => Request; cookie: () => string };
type Measured = {
  name: string;
  concurrency: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
};

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

async function drive(scenario: Scenario): Promise<Measured> {
  const latencies: number[] = [];
  let instance: autocannon.Instance | undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: BASE,
        connections: scenario.concurrency,
        duration: DURATION,
        requests: [
          {
            setupRequest: (request) => {
              const next = scenario.next();
              return {
                ...request,
                method: next.method ?? 'GET',
                path: next.path,
                body: next.body,
                headers: {
                  cookie: scenario.cookie(),
                  'content-type': 'application/json',
                  origin: BASE,
                  'sec-fetch-site': 'same-origin',
                },
              };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance?.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await done;
  latencies.sort((a, b) => a - b);
  return {
    name: scenario.name,
    concurrency: scenario.concurrency,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** The floor: the same rows by one hand-written SQL statement over a pg Pool, no HTTP. */
async function floor(name: string, run: () => Promise<unknown>): Promise<Measured> {
  const latencies: number[] = [];
  const end = Date.now() + DURATION * 1000;
  while (Date.now() < end) {
    const started = performance.now();
    await run();
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return {
    name,
    concurrency: 1,
    requests: latencies.length,
    rps: Math.round(latencies.length / DURATION),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: 0,
    non2xx: 0,
  };
}

async function firstLoadJs(path: string, cookie: string) {
  const html = await (await fetch(`${BASE}${path}`, { headers: { cookie } })).text();
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((match) => match[1] ?? '');
  let total = 0;
  for (const source of new Set(sources)) {
    const body = Buffer.from(await (await fetch(new URL(source, BASE))).arrayBuffer());
    total += gzipSync(body).length;
  }
  return Math.round(total / 1024);
}

function processTree(pid: number): number[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .split(' ')
    .filter(Boolean)
    .map(Number);
  return [pid, ...children.flatMap(processTree)];
}

/** Resident memory of the server process and its children (`next start` serves from a child). */
function residentMemoryMb(pid: number | undefined) {
  if (!pid) return null;
  let kb = 0;
  for (const id of processTree(pid)) {
    const status = readFileSync(`/proc/${id}/status`, 'utf8');
    kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return Math.round(kb / 1024);
}

async function runBench() {
  const agentCookie = await signIn('bench-agent-1@bench.test');
  const managerCookie = await signIn('bench-manager-1@bench.test');
  const org = 'bench_org_1';

  const draftIds = (
    await pool.query<{ id: number }>(`select id from email_drafts where organization_id = $1 order by id`, [
      org,
    ])
  ).rows.map((row) => Number(row.id));
  // A cursor deep in the inbox: walk 20 pages.
  let cursor: string | null = null;
  for (let page = 0; page < 20; page++) {
    const response = await fetch(`${BASE}${query('drafts.list', { limit: 25, cursor })}`, {
      headers: { cookie: agentCookie },
    });
    const data = (await response.json()) as { result: { data: { json: { nextCursor: string | null } } } };
    if (!data.result.data.json.nextCursor) break;
    cursor = data.result.data.json.nextCursor;
  }

  // Writes go to drafts of many organizations, each used once, so no request meets a stale
  // revision: the 100 organizations with the most pending drafts (a run sends what it approved,
  // so later runs move on to fresh organizations), half for sends, half for edits.
  const fresh = (
    await pool.query<{ organization_id: string }>(
      `select organization_id from email_drafts
       where organization_id like 'bench_org_%' and organization_id <> $1 and status = 'pending'
       group by organization_id order by count(*) desc, organization_id limit 100`,
      [org],
    )
  ).rows.map((row) => row.organization_id);
  const sendOrgs = fresh.slice(0, 50);
  const editOrgs = fresh.slice(50);
  const cookies = new Map<string, string>();
  for (const writer of fresh) {
    cookies.set(writer, await signIn(`bench-agent-${writer.replace('bench_org_', '')}@bench.test`));
  }
  await pool.query(
    `update email_drafts set status = 'approved', approved_at = now() where organization_id = any($1) and status = 'pending'`,
    [sendOrgs],
  );
  const writable = async (organizations: string[], status: string) =>
    (
      await pool.query<{ id: number; revision: number; organization_id: string }>(
        `select id, revision, organization_id from email_drafts where organization_id = any($1) and status = $2 order by id`,
        [organizations, status],
      )
    ).rows;
  const sendTargets = await writable(sendOrgs, 'approved');

  const random = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)] as T;
  const agent = () => agentCookie;
  // Read per run: the concurrency-1 run bumps the revisions the concurrency-16 run must carry.
  const scenarios = async (concurrency: number): Promise<Scenario[]> => {
    const editTargets = await writable(editOrgs, 'pending');
    let edits = 0;
    let sends = concurrency === 1 ? 0 : Math.floor(sendTargets.length / 2);
    let editCookie = agentCookie;
    let sendCookie = agentCookie;
    return [
      { name: 'health', concurrency, next: () => ({ path: '/api/trpc/health' }), cookie: agent },
      {
        name: 'drafts.list',
        concurrency,
        next: () => ({ path: query('drafts.list', { limit: 25 }) }),
        cookie: agent,
      },
      {
        name: 'drafts.list deep',
        concurrency,
        next: () => ({ path: query('drafts.list', { limit: 25, cursor }) }),
        cookie: agent,
      },
      {
        name: 'drafts.list failed',
        concurrency,
        next: () => ({ path: query('drafts.list', { limit: 25, validation: 'failed' }) }),
        cookie: agent,
      },
      {
        name: 'drafts.get',
        concurrency,
        next: () => ({ path: query('drafts.get', { id: random(draftIds) }) }),
        cookie: agent,
      },
      {
        name: 'deals.board',
        concurrency,
        next: () => ({ path: query('deals.board', {}) }),
        cookie: () => managerCookie,
      },
      {
        name: 'metrics.summary 30d',
        concurrency,
        next: () => ({
          path: query('metrics.summary', {
            from: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
          }),
        }),
        cookie: () => managerCookie,
      },
      {
        name: 'drafts.edit',
        concurrency,
        next: () => {
          const target = editTargets[edits++ % editTargets.length];
          if (!target) throw new Error('no drafts to edit');
          editCookie = cookies.get(target.organization_id) ?? agentCookie;
          return {
            method: 'POST',
            path: '/api/trpc/drafts.edit',
            body: JSON.stringify({
              json: {
                id: Number(target.id),
                body: `Edited in the bench ${edits}.`,
                revision: target.revision + Math.floor((edits - 1) / editTargets.length),
              },
            }),
          };
        },
        cookie: () => editCookie,
      },
      {
        name: 'drafts.send',
        concurrency,
        next: () => {
          const target = sendTargets[sends++ % sendTargets.length];
          if (!target) throw new Error('no approved drafts to send');
          sendCookie = cookies.get(target.organization_id) ?? agentCookie;
          return {
            method: 'POST',
            path: '/api/trpc/drafts.send',
            body: JSON.stringify({ json: { id: Number(target.id), revision: target.revision } }),
          };
        },
        cookie: () => sendCookie,
      },
    ];
  };

  const memoryBefore = residentMemoryMb(server.pid);
  const measured: Measured[] = [];
  for (const concurrency of [1, 16]) {
    for (const scenario of await scenarios(concurrency)) {
      const result = await drive(scenario);
      measured.push(result);
      console.log(
        `  ${result.name.padEnd(22)} c=${String(concurrency).padEnd(3)} ${String(result.rps).padStart(6)} req/s  p95 ${result.p95.toFixed(1)} ms`,
      );
    }
  }
  const memoryAfter = residentMemoryMb(server.pid);

  const [sample] = (
    await pool.query<{ id: number }>(`select id from email_drafts where organization_id = $1 limit 1`, [org])
  ).rows;
  const floors = [
    await floor('floor: drafts.list', () =>
      pool.query(
        `select d.id, d.status, d.deal_id, deals.company_name, e.subject, d.validation_status, d.confidence, d.is_offline, d.reply_deadline_at
         from email_drafts d join deals on deals.id = d.deal_id join emails e on e.id = d.inbound_email_id
         where d.organization_id = $1 and d.status <> 'archived'
         order by d.reply_deadline_at asc nulls last, d.id asc limit 26`,
        [org],
      ),
    ),
    await floor('floor: drafts.get', () =>
      pool.query(
        `select d.*, row_to_json(deals) as deal,
                (select json_agg(v order by v.version) from draft_versions v where v.draft_id = d.id) as versions,
                (select json_agg(e order by e.sent_at, e.id) from emails e where e.deal_id = d.deal_id) as thread,
                (select json_agg(s) from deal_spaces ds join spaces s on s.id = ds.space_id where ds.deal_id = d.deal_id) as spaces
         from email_drafts d join deals on deals.id = d.deal_id where d.id = $1 and d.organization_id = $2`,
        [random(draftIds) ?? sample?.id, org],
      ),
    ),
  ];

  const pgVersion = (await pool.query<{ server_version: string }>('show server_version')).rows[0]
    ?.server_version;
  return {
    measuredAt: new Date().toISOString(),
    machine: {
      cores: os.cpus().length,
      memoryGb: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
      postgres: pgVersion,
      durationSeconds: DURATION,
    },
    scenarios: measured,
    floors,
    firstLoadJsKb: {
      inbox: await firstLoadJs('/inbox', agentCookie),
      board: await firstLoadJs('/board', managerCookie),
    },
    serverMemoryMb: { before: memoryBefore, after: memoryAfter },
  };
}

type Results = Awaited<ReturnType<typeof runBench>>;

/** The targets of the performance issue, checked against this run. */
function targetVerdicts(results: Results) {
  const find = (name: string, concurrency: number) =>
    results.scenarios.find((r) => r.name === name && r.concurrency === concurrency);
  const floorOf = (name: string) => results.floors.find((r) => r.name === `floor: ${name}`);
  const verdicts: Array<[string, boolean, string]> = [];
  for (const name of ['drafts.list', 'drafts.get', 'deals.board']) {
    const r = find(name, 1);
    if (r) verdicts.push([`${name} p95 ≤ 25 ms at concurrency 1`, r.p95 <= 25, `${r.p95.toFixed(1)} ms`]);
  }
  const list16 = find('drafts.list', 16);
  if (list16)
    verdicts.push(['drafts.list ≥ 400 req/s at concurrency 16', list16.rps >= 400, `${list16.rps} req/s`]);
  for (const name of ['drafts.list', 'drafts.get']) {
    const r = find(name, 1);
    const f = floorOf(name);
    if (r && f)
      verdicts.push([
        `${name} within 3× its SQL floor (p95, c=1)`,
        r.p95 <= 3 * f.p95,
        `${r.p95.toFixed(1)} vs ${f.p95.toFixed(1)} ms`,
      ]);
  }
  const send = find('drafts.send', 1);
  if (send)
    verdicts.push(['drafts.send p95 ≤ 50 ms at concurrency 1', send.p95 <= 50, `${send.p95.toFixed(1)} ms`]);
  const metrics = find('metrics.summary 30d', 1);
  if (metrics)
    verdicts.push(['metrics.summary p95 ≤ 150 ms', metrics.p95 <= 150, `${metrics.p95.toFixed(1)} ms`]);
  const failures = results.scenarios.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
  verdicts.push(['zero errors and non-2xx under load', failures === 0, `${failures}`]);
  verdicts.push([
    '/inbox first-load JS ≤ 200 kB gzipped',
    results.firstLoadJsKb.inbox <= 200,
    `${results.firstLoadJsKb.inbox} kB`,
  ]);
  return verdicts;
}

function report(results: Results) {
  const rows = [...results.scenarios, ...results.floors].map(
    (r) =>
      `| ${r.name} | ${r.concurrency} | ${r.rps} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ${r.non2xx} |`,
  );
  const table = [
    '| scenario | conc. | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
  const m = results.machine;
  const summary = `First-load JS (gzipped): /inbox ${results.firstLoadJsKb.inbox} kB, /board ${results.firstLoadJsKb.board} kB.
Server resident memory: ${results.serverMemoryMb.before} MB before the load, ${results.serverMemoryMb.after} MB after.
Machine: ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, PostgreSQL ${m.postgres}; ${m.durationSeconds} s per scenario.`;
  const verdicts = targetVerdicts(results)
    .map(([target, isMet, value]) => `| ${target} | ${value} | ${isMet ? 'met' : '**missed**'} |`)
    .join('\n');
  console.log(`\n${table}\n\n${summary}\n`);

  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  const analysis = existsSync('bench/ANALYSIS.md') ? readFileSync('bench/ANALYSIS.md', 'utf8') : '';
  writeFileSync(
    'bench/RESULTS.md',
    `# Echo under load

Measured ${results.measuredAt} by \`make bench\` on the \`make bench-seed\` data (1,000 organizations,
100,000 drafts); every scenario ran for ${m.durationSeconds} s at concurrency 1 and 16 against the production
server, signed in as bench users. The floor rows fetch the same rows with one hand-written SQL statement
over a pg Pool in the bench process, without HTTP.

${table}

${summary}

## Targets

| target | this run | |
|---|---:|---|
${verdicts}

${analysis}`,
  );
}

try {
  await waitForHealth();
  const results = await runBench();
  report(results);
} finally {
  await stopAll();
}
