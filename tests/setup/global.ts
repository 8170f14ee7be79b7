import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, TEST_DATABASE } from '../../db/embedded';
import { migrateAll } from '../../scripts/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

/**
 * One real PostgreSQL for the run (embedded, or the server of DATABASE_URL): a template database is
 * migrated once, and every test file gets its own copy of it (tests/setup/database.ts).
 */
export default async function setup(project: TestProject) {
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(TEST_DATABASE);
  const adminUrl = new URL(process.env.DATABASE_URL ?? embedded?.url ?? '');
  adminUrl.pathname = '/postgres';

  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const templateDatabase = `echo_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`create database "${templateDatabase}"`);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${templateDatabase}`;
  await migrateAll(templateUrl.toString());

  project.provide('adminDatabaseUrl', adminUrl.toString());
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`echo_%${runId}%`],
    );
    for (const row of rows) await admin.query(`drop database if exists "${row.datname}" with (force)`);
    await admin.end();
    await embedded?.stop();
  };
}
