/**
 * `make bench`: the production server and a worker on the bench data (`make bench-seed` first),
 * driven over HTTP with autocannon at concurrency 1 and 16, beside the floor — the same rows
 * fetched by hand-written SQL in this process. Prints one table; writes bench/results.json and
 * bench/RESULTS.md.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { DEV_DATABASE, startEmbeddedPostgres } from '../../db/embedded';
import { EMBEDDED_DATABASE_URL } from '../../src/server/env';
import { firstLoadJs as measureFirstLoad } from './first-load';
import { captureBenchStatements, preparedRunner, replayGet } from './floor';

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const FLOOR_PORT = Number(process.env.BENCH_FLOOR_PORT ?? PORT + 1);
const FLOOR_BASE = `http://127.0.0.1:${FLOOR_PORT}`;
const BENCH_ORG = 'bench_org_1';
/** The scenarios the bare-HTTP floor (scripts/bench/floor.ts) answers too. */
const FLOORED = new Set(['health', 'drafts.list', 'drafts.get']);
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const PASSWORD = 'echo-demo-password';
const shouldBuild = !process.argv.includes('--no-build');
// `BENCH_ONLY=health,drafts.list`: only these scenarios (a profiling run).
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
// `BENCH_CPU_PROF=<dir>`: the server writes a V8 CPU profile there when it stops (scripts/bench/profile.ts reads it).
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF;
// `--soak`: also a long load at concurrency 16 with the server's memory sampled (SOAK_SECONDS, 300).
const SOAK_SECONDS = process.argv.includes('--soak') ? Number(process.env.SOAK_SECONDS ?? 300) : 0;

// `--report-only`: write bench/RESULTS.md again from bench/results.json (after editing ANALYSIS.md).
if (process.argv.includes('--report-only')) {
  report(JSON.parse(readFileSync('bench/results.json', 'utf8')));
  process.exit(0);
}

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(DEV_DATABASE);
const databaseUrl = process.env.DATABASE_URL || EMBEDDED_DATABASE_URL;
const pool = new pg.Pool({ connectionString: databaseUrl, max: 16 });

const benchOrgs = await pool.query<{ count: string }>(
  `select count(*)::text as count from organizations where id like 'bench_org_%'`,
);
if (Number(benchOrgs.rows[0]?.count ?? 0) === 0)
  throw new Error('No bench data: run `make bench-seed` first');

if (shouldBuild) {
  console.log('Building the production app…');
  execFileSync('node_modules/.bin/next', ['build'], {
    stdio: 'inherit',
    // Browser source maps let the bench name the largest modules of each page's first-load JS.
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ECHO_BROWSER_SOURCE_MAPS: '1' },
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
// The web server as `make start` runs it: scripts/cluster.ts, one web process (scripts/web.ts) per
// core on one port (WEB_CONCURRENCY=1 for one process). With BENCH_CPU_PROF every web process writes a profile.
const server = spawn(
  process.execPath,
  [
    ...(CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`, '--cpu-prof-interval=250'] : []),
    '--import',
    'tsx',
    'scripts/cluster.ts',
  ],
  { env: { ...appEnv, HOSTNAME_BIND: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] },
);
const worker = spawn('node_modules/.bin/tsx', ['src/server/jobs/worker.ts'], {
  env: appEnv,
  stdio: ['ignore', 'ignore', 'inherit'],
});
// The floor: the same SQL behind a bare node:http server, loaded with the same autocannon settings.
const floorServer = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/floor.ts'], {
  env: { ...appEnv, NODE_ENV: 'development', FLOOR_PORT: String(FLOOR_PORT), BENCH_ORG },
  stdio: ['ignore', 'ignore', 'inherit'],
});

async function stopAll() {
  for (const child of [server, worker, floorServer]) child.kill('SIGTERM');
  await Promise.all(
    [server, worker, floorServer].map((child: ChildProcess) =>
      child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve)),
    ),
  );
  await pool.end();
  await embedded?.stop();
}

async function waitForHealth(base = BASE) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${base}/api/trpc/health`).catch(() => null);
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
  bytesPerResponse?: number;
};

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

async function drive(scenario: Scenario, base = BASE, duration = DURATION): Promise<Measured> {
  const latencies: number[] = [];
  let bytes = 0;
  let instance: autocannon.Instance | undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: base,
        connections: scenario.concurrency,
        duration,
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
  instance?.on('response', (_client, _status, responseBytes, responseTime) => {
    latencies.push(responseTime);
    bytes += responseBytes;
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  return {
    name: base === BASE ? scenario.name : `floor: ${scenario.name}`,
    bytesPerResponse: Math.round(bytes / Math.max(1, latencies.length)),
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

/** The SQL floor: the app's own statements for the request over a pg Pool, no HTTP, `concurrency` loops. */
async function sqlFloor(name: string, concurrency: number, run: () => Promise<unknown>): Promise<Measured> {
  const latencies: number[] = [];
  const end = Date.now() + DURATION * 1000;
  const loop = async () => {
    while (Date.now() < end) {
      const started = performance.now();
      await run();
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  latencies.sort((a, b) => a - b);
  return {
    name: `sql floor: ${name}`,
    concurrency,
    requests: latencies.length,
    rps: Math.round(latencies.length / DURATION),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: 0,
    non2xx: 0,
  };
}

function processTree(pid: number): number[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .split(' ')
    .filter(Boolean)
    .map(Number);
  return [pid, ...children.flatMap(processTree)];
}

/** Resident memory of the server process and its children (the cluster primary and its web workers). */
function residentMemoryMb(pid: number | undefined) {
  if (!pid) return null;
  let kb = 0;
  for (const id of processTree(pid)) {
    const status = readFileSync(`/proc/${id}/status`, 'utf8');
    kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return Math.round(kb / 1024);
}

/**
 * `--soak`: drafts.list and drafts.get, half each, at concurrency 16 for SOAK_SECONDS (300), the
 * server's resident memory sampled every 10 s. After the first minute (warm-up: routes loaded,
 * JIT, caches filled) the samples must stay within 10% of each other.
 */
async function runSoak(cookie: string, draftIds: number[]) {
  console.log(`Soak: ${SOAK_SECONDS} s at concurrency 16…`);
  const samples: Array<{ second: number; rssMb: number | null }> = [];
  const started = Date.now();
  const timer = setInterval(() => {
    samples.push({ second: Math.round((Date.now() - started) / 1000), rssMb: residentMemoryMb(server.pid) });
  }, 10_000);
  let turn = 0;
  const result = await drive(
    {
      name: 'soak: drafts.list + drafts.get',
      concurrency: 16,
      next: () =>
        turn++ % 2 === 0
          ? { path: query('drafts.list', { limit: 25 }) }
          : { path: query('drafts.get', { id: draftIds[turn % draftIds.length] }) },
      cookie: () => cookie,
    },
    BASE,
    SOAK_SECONDS,
  );
  clearInterval(timer);
  const warm = samples.filter((sample) => sample.second >= 60).map((sample) => sample.rssMb ?? 0);
  const low = Math.min(...warm);
  const high = Math.max(...warm);
  const spread = low > 0 ? (high - low) / low : 0;
  console.log(
    `  soak ${result.rps} req/s; RSS after warm-up ${low}–${high} MB (${(spread * 100).toFixed(1)}%)`,
  );
  const measuredAt = new Date().toISOString();
  return { seconds: SOAK_SECONDS, result, samples, warmLowMb: low, warmHighMb: high, spread, measuredAt };
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
  const captured = await captureBenchStatements(databaseUrl, org);
  const sqlQuery = preparedRunner(pool);
  const sqlFloors: Record<string, () => Promise<unknown>> = {
    health: () => pool.query('select 1'),
    'drafts.list': () => sqlQuery(captured.list[0] ?? { sql: 'select 1', params: [] }),
    'drafts.get': () => replayGet(sqlQuery, captured.get.get(random(draftIds)) ?? []),
  };
  const measured: Measured[] = [];
  const floors: Measured[] = [];
  const line = (result: Measured) =>
    console.log(
      `  ${result.name.padEnd(30)} c=${String(result.concurrency).padEnd(3)} ${String(result.rps).padStart(6)} req/s  p50 ${result.p50.toFixed(1)}  p95 ${result.p95.toFixed(1)} ms`,
    );
  for (const concurrency of [1, 16]) {
    for (const scenario of (await scenarios(concurrency)).filter((item) => !ONLY || ONLY.has(item.name))) {
      const result = await drive(scenario);
      measured.push(result);
      line(result);
      // Side by side: the floors of this procedure right after it, at the same concurrency.
      const sql = sqlFloors[scenario.name];
      if (FLOORED.has(scenario.name) && sql) {
        const bare = await drive(scenario, FLOOR_BASE);
        floors.push(bare);
        line(bare);
        const direct = await sqlFloor(scenario.name, concurrency, sql);
        floors.push(direct);
        line(direct);
      }
    }
  }
  const memoryAfter = residentMemoryMb(server.pid);
  const soak = SOAK_SECONDS > 0 ? await runSoak(agentCookie, draftIds) : null;

  const inbox = await measureFirstLoad(BASE, '/inbox', agentCookie);
  const board = await measureFirstLoad(BASE, '/board', managerCookie);
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
      loadAverage: os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(' '),
    },
    scenarios: measured,
    floors,
    firstLoadJsKb: { inbox: inbox.kb, board: board.kb },
    topModules: { inbox: inbox.topModules, board: board.topModules },
    serverMemoryMb: { before: memoryBefore, after: memoryAfter },
    soak,
  };
}

type Results = Awaited<ReturnType<typeof runBench>>;

/** The targets of the performance issue (#17), checked against this run. */
function targetVerdicts(results: Results) {
  const find = (name: string, concurrency: number) =>
    results.scenarios.find((r) => r.name === name && r.concurrency === concurrency);
  const floorOf = (name: string, concurrency: number) =>
    results.floors.find((r) => r.name === `floor: ${name}` && r.concurrency === concurrency);
  const verdicts: Array<[string, boolean, string]> = [];
  const list16 = find('drafts.list', 16);
  const listFloor16 = floorOf('drafts.list', 16);
  if (list16) {
    verdicts.push(['drafts.list ≥ 500 req/s at concurrency 16', list16.rps >= 500, `${list16.rps} req/s`]);
    if (listFloor16)
      verdicts.push([
        'drafts.list req/s within 2× of the bare-HTTP floor (c=16)',
        listFloor16.rps <= 2 * list16.rps,
        `${(listFloor16.rps / list16.rps).toFixed(2)}× (${list16.rps} vs ${listFloor16.rps})`,
      ]);
  }
  const health16 = find('health', 16);
  const healthFloor16 = floorOf('health', 16);
  if (health16 && healthFloor16)
    verdicts.push([
      'health req/s within 1.5× of the bare-HTTP floor (c=16)',
      healthFloor16.rps <= 1.5 * health16.rps,
      `${(healthFloor16.rps / health16.rps).toFixed(2)}× (${health16.rps} vs ${healthFloor16.rps})`,
    ]);
  for (const name of ['drafts.list', 'drafts.get', 'deals.board']) {
    const r = find(name, 1);
    if (!r) continue;
    verdicts.push([`${name} p50 ≤ 4 ms at concurrency 1`, r.p50 <= 4, `${r.p50.toFixed(1)} ms`]);
    verdicts.push([`${name} p95 ≤ 10 ms at concurrency 1`, r.p95 <= 10, `${r.p95.toFixed(1)} ms`]);
  }
  const send = find('drafts.send', 1);
  if (send)
    verdicts.push(['drafts.send p95 ≤ 25 ms at concurrency 1', send.p95 <= 25, `${send.p95.toFixed(1)} ms`]);
  if (results.soak)
    verdicts.push([
      'RSS flat within 10% under a 5-minute soak at c=16 (after warm-up)',
      results.soak.spread <= 0.1,
      `${results.soak.warmLowMb}–${results.soak.warmHighMb} MB (${(results.soak.spread * 100).toFixed(1)}%)`,
    ]);
  const failures = results.scenarios.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
  verdicts.push(['zero errors and non-2xx under load', failures === 0, `${failures}`]);
  for (const page of ['inbox', 'board'] as const)
    verdicts.push([
      `/${page} first-load JS ≤ 200 kB gzipped`,
      results.firstLoadJsKb[page] <= 200,
      `${results.firstLoadJsKb[page]} kB`,
    ]);
  return verdicts;
}

/** Every floored procedure as a ratio to its floors, side by side in this run (> 1: the app is slower). */
function ratioRows(results: Results) {
  const rows: string[] = [];
  for (const r of results.scenarios) {
    const http = results.floors.find((f) => f.name === `floor: ${r.name}` && f.concurrency === r.concurrency);
    const sql = results.floors.find(
      (f) => f.name === `sql floor: ${r.name}` && f.concurrency === r.concurrency,
    );
    if (!http || !sql) continue;
    rows.push(
      `| ${r.name} | ${r.concurrency} | ${(http.rps / Math.max(1, r.rps)).toFixed(2)}× | ${(r.p50 / Math.max(0.01, http.p50)).toFixed(2)}× | ${(sql.rps / Math.max(1, r.rps)).toFixed(2)}× | ${(r.p50 / Math.max(0.01, sql.p50)).toFixed(2)}× | ${r.bytesPerResponse ?? ''} / ${http.bytesPerResponse ?? ''} |`,
    );
  }
  return [
    '| procedure | conc. | req/s: HTTP floor ÷ app | p50: app ÷ HTTP floor | req/s: SQL floor ÷ app | p50: app ÷ SQL floor | bytes app / floor |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
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
  const top = (page: 'inbox' | 'board') =>
    (results.topModules?.[page] ?? []).map((module) => `${module.name} ${module.kb} kB`).join(', ') ||
    'no source maps in this build';
  const summary = `First-load JS (gzipped): /inbox ${results.firstLoadJsKb.inbox} kB, /board ${results.firstLoadJsKb.board} kB.
Largest modules in it (gzipped share): /inbox: ${top('inbox')}; /board: ${top('board')}.
Server resident memory (all web processes): ${results.serverMemoryMb.before} MB before the load, ${results.serverMemoryMb.after} MB after.${
    results.soak
      ? `
Soak (\`make bench-soak\` of ${results.soak.measuredAt}, ${results.soak.seconds} s, drafts.list + drafts.get at concurrency 16, ${results.soak.result.rps} req/s, ${results.soak.result.errors + results.soak.result.non2xx} errors): RSS after the first minute ${results.soak.warmLowMb}–${results.soak.warmHighMb} MB, a spread of ${(results.soak.spread * 100).toFixed(1)}% (samples: ${results.soak.samples.map((sample) => `${sample.second}s ${sample.rssMb}`).join(', ')}).`
      : ''
  }
Machine: ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, PostgreSQL ${m.postgres}; ${m.durationSeconds} s per scenario.`;
  const verdicts = targetVerdicts(results)
    .map(([target, isMet, value]) => `| ${target} | ${value} | ${isMet ? 'met' : '**missed**'} |`)
    .join('\n');
  const ratios = ratioRows(results);
  console.log(`\n${table}\n\n${ratios}\n\n${summary}\n`);

  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  const analysis = existsSync('bench/ANALYSIS.md') ? readFileSync('bench/ANALYSIS.md', 'utf8') : '';
  writeFileSync(
    'bench/RESULTS.md',
    `# Echo under load

Measured ${results.measuredAt} by \`make bench\` on the \`make bench-seed\` data (1,000 organizations,
100,000 drafts); every scenario ran for ${m.durationSeconds} s at concurrency 1 and 16 against the production
server, signed in as bench users. Two floors run side by side with each of \`health\`, \`drafts.list\` and
\`drafts.get\`, right after it at the same concurrency: \`floor:\` is a bare \`node:http\` server
(scripts/bench/floor.ts) sending the app's own statements (captured from the real query functions),
named and prepared on each connection as the app's are, after a one-select session lookup, loaded by
the same autocannon settings; \`sql floor:\` runs the same prepared statements over a pg Pool in the
bench process, without HTTP. The load generator, the server, the
worker and PostgreSQL share the machine's cores${results.machine.loadAverage ? ` (load average at the end of the run: ${results.machine.loadAverage})` : ''}.

${table}

### Ratios to the floors

${ratios}

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
  await waitForHealth(FLOOR_BASE);
  const results = await runBench();
  report(results);
} finally {
  await stopAll();
}
