import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, TEST_DATABASE } from '../../db/embedded';
import { migrateAll } from '../../scripts/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

const PORT = Number(process.env.E2E_PORT ?? 3123);

async function waitForHealth(url: string, server: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`The app exited with code ${server.exitCode} before it was healthy`);
    const response = await fetch(`${url}/api/trpc/health`).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not answer ${url}/api/trpc/health within ${timeoutMs / 1000}s`);
}

/**
 * One web process as `make start` runs it on each core (scripts/web.ts: Next.js's production
 * server, with /api/trpc answered by tRPC's Node adapter first), on 127.0.0.1:$PORT of `env`.
 */
export function spawnWebServer(env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/web.ts'], {
    env: { ...env, HOSTNAME_BIND: '127.0.0.1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** A seeded database of its own and the production web server (scripts/web.ts) plus a worker on it. */
export default async function setup(project: TestProject) {
  if (!existsSync(`${process.env.NEXT_DIST_DIR || '.next'}/BUILD_ID`))
    throw new Error('No production build: run `make build` before the browser tests');

  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(TEST_DATABASE);
  const adminUrl = new URL(process.env.DATABASE_URL ?? embedded?.url ?? '');
  adminUrl.pathname = '/postgres';
  const database = `echo_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${database}" with (force)`);
  await admin.query(`create database "${database}"`);
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${database}`;
  await migrateAll(databaseUrl.toString());

  process.env.DATABASE_URL = databaseUrl.toString();
  const { db, pool } = await import('../../src/server/db');
  const { seed } = await import('../../src/server/seed/seed');
  await seed(db);
  await pool.end();

  const baseUrl = `http://127.0.0.1:${PORT}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    DATABASE_URL: databaseUrl.toString(),
    PORT: String(PORT),
    APP_URL: baseUrl,
    AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
    ECHO_SIMULATE_INBOUND: '1',
    OPENAI_API_KEY: '',
    RESEND_API_KEY: '',
  };
  const server = spawnWebServer(env);
  const worker = spawn('node_modules/.bin/tsx', ['src/server/jobs/worker.ts'], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForHealth(baseUrl, server);

  project.provide('baseUrl', baseUrl);
  project.provide('databaseUrl', databaseUrl.toString());

  return async () => {
    for (const child of [server, worker]) child.kill('SIGTERM');
    await Promise.all(
      [server, worker].map((child) =>
        child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve)),
      ),
    );
    await admin.query(`drop database if exists "${database}" with (force)`);
    await admin.end();
    await embedded?.stop();
  };
}
