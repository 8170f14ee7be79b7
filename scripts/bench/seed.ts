/**
 * `make bench-seed`: a deterministic large data set beside the demo data — 1,000 organizations
 * (one agent, one manager each), 20,000 deals, 10,000 spaces, 200,000 emails, 100,000 drafts with
 * 300,000 versions and 500,000 audit events — generated in SQL, then ANALYZE. Running it again
 * replaces the bench organizations and touches nothing else.
 */
import { hashPassword } from 'better-auth/crypto';
import pg from 'pg';
import { DEV_DATABASE, startEmbeddedPostgres } from '../../db/embedded';
import { EMBEDDED_DATABASE_URL } from '../../src/server/env';
import { migrateAll } from '../migrate';
import { FULL_BENCH, generateBenchData } from './generate';

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(DEV_DATABASE);
const url = process.env.DATABASE_URL || EMBEDDED_DATABASE_URL;
await migrateAll(url);

const client = new pg.Client({ connectionString: url });
await client.connect();
const started = Date.now();
try {
  await generateBenchData(client, FULL_BENCH, {
    passwordHash: await hashPassword('echo-demo-password'),
    log: (line) => console.log(line),
  });
  console.log(
    `Bench data ready in ${((Date.now() - started) / 1000).toFixed(1)}s: sign in as bench-agent-1@bench.test / echo-demo-password`,
  );
} finally {
  await client.end();
  await embedded?.stop();
}
