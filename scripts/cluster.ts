/**
 * The production web server on every core: scripts/web.ts (Next.js's server, with /api/trpc on
 * tRPC's Node adapter) in as many `node:cluster` workers as the machine has cores (WEB_CONCURRENCY
 * overrides), all on one port — the primary holds the listening socket and hands connections
 * round-robin. A worker that exits
 * unasked is forked again after the supervisor's backoff (scripts/supervise.ts `restartDelayMs`);
 * the primary itself is one supervised service of `make start`, restarted if it dies.
 *
 * Each worker's pg pool is DB_POOL_MAX (default here 5, not 10): see "Connections" in the README
 * for the arithmetic against PostgreSQL's max_connections.
 */
import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import { restartDelayMs } from './supervise';

export const DEFAULT_WEB_POOL_MAX = 5;

/** How many web processes: WEB_CONCURRENCY, or one per core the process may use. */
export function webConcurrency(env: NodeJS.ProcessEnv = process.env) {
  const configured = Number(env.WEB_CONCURRENCY);
  return Number.isInteger(configured) && configured > 0 ? configured : os.availableParallelism();
}

const port = process.env.PORT || '3000';

/**
 * After each full collection V8 lets the heap grow to 1.2× what survived, not the 1.1–4× it picks
 * by itself: on a machine with memory to spare it picked large steps, and a web process under load
 * swung between ~360 and ~670 MB. With this flag it holds within a few percent at the same req/s
 * (bench/ANALYSIS.md, "Memory"). Unlike a heap cap (--max-old-space-size), a large request — a
 * 20 MB spaces import peaks near 800 MB — still gets the memory it needs.
 */
const HEAP_GROWING = '--heap-growing-percent=20';

/**
 * The primary only forks: each worker is one web process (scripts/web.ts: Next.js's server, with
 * /api/trpc answered by tRPC's Node adapter first), whose listen() on the port is shared through
 * the primary. Workers get node's own flags (e.g. --cpu-prof) and tsx's loader, as this primary has.
 */
cluster.setupPrimary({ exec: 'scripts/web.ts', execArgv: [...process.execArgv, HEAP_GROWING] });

const count = webConcurrency();
let isStopping = false;
const streaks = new Map<number, { streak: number; startedAt: number }>();
function fork(slot: number) {
  if (isStopping) return;
  const worker: Worker = cluster.fork({
    DB_POOL_MAX: process.env.DB_POOL_MAX || String(DEFAULT_WEB_POOL_MAX),
    ECHO_WEB_SLOT: String(slot),
    // The in-memory rate limits allow each process its share of the ceiling (src/server/rate-limit.ts).
    ECHO_WEB_PROCESSES: String(count),
  });
  const state = streaks.get(slot) ?? { streak: 0, startedAt: 0 };
  state.startedAt = Date.now();
  streaks.set(slot, state);
  worker.once('exit', (code, signal) => {
    if (isStopping) return;
    if (Date.now() - state.startedAt >= 60_000) state.streak = 0;
    state.streak += 1;
    const delay = restartDelayMs(state.streak);
    console.log(
      `[cluster] web ${slot} exited (${signal ?? `code ${code}`}); restarting in ${(delay / 1000).toFixed(1)} s`,
    );
    setTimeout(() => fork(slot), delay);
  });
}
for (let slot = 0; slot < count; slot++) fork(slot);
console.log(`[cluster] ${count} web processes on port ${port}`);

function stop() {
  if (isStopping) return;
  isStopping = true;
  const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => Boolean(worker));
  if (workers.length === 0) process.exit(0);
  let left = workers.length;
  for (const worker of workers) {
    worker.once('exit', () => {
      left -= 1;
      if (left === 0) process.exit(0);
    });
    worker.process.kill('SIGTERM');
  }
  setTimeout(() => process.exit(0), 30_000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
