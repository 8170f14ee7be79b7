import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { env } from '../src/server/env';
import * as schema from './schema';

type StatementListener = (sql: string, params: unknown[]) => void;
const statementListeners = new Set<StatementListener>();

/** Watches every statement sent through Drizzle (the tests count them and read their plans). */
export function onStatement(listener: StatementListener) {
  statementListeners.add(listener);
  return () => statementListeners.delete(listener);
}

export function createDatabase(connectionString: string, max = env.DB_POOL_MAX) {
  const pool = new Pool({ connectionString, max, application_name: 'echo' });
  const logger = {
    logQuery(sql: string, params: unknown[]) {
      for (const listener of statementListeners) listener(sql, params);
    },
  };
  return { pool, db: drizzle({ client: pool, schema, casing: 'snake_case', logger }) };
}

export type Database = ReturnType<typeof createDatabase>['db'];
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** What services take: the pool-backed database, or an open transaction to join. */
export type Executor = Database | Transaction;

// One pool per process, kept across Next.js dev reloads.
const globalForDb = globalThis as unknown as { echoDatabase?: ReturnType<typeof createDatabase> };
const instance = globalForDb.echoDatabase ?? createDatabase(env.DATABASE_URL);
globalForDb.echoDatabase = instance;

export const pool = instance.pool;
export const db = instance.db;
