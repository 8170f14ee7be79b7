import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import * as schema from './schema';

type StatementListener = (sql: string, params: unknown[]) => void;
const statementListeners = new Set<StatementListener>();

/** Watches every statement sent through Drizzle (the tests count them and read their plans). */
export function onStatement(listener: StatementListener) {
  statementListeners.add(listener);
  return () => statementListeners.delete(listener);
}

/** A pool and its Drizzle database; the caller says where and how many connections. */
export function createDatabase(connectionString: string, max: number) {
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
