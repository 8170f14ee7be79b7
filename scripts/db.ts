/**
 * Database chores behind the Makefile: `tsx scripts/db.ts <migrate|seed|fresh|reset|status>`.
 * With DATABASE_URL unset, an embedded PostgreSQL is started for the command and stopped after.
 */

import { DEV_DATABASE, startEmbeddedPostgres } from '../db/embedded';
import { EMBEDDED_DATABASE_URL } from '../src/server/env';
import { migrateAll } from './migrate';

const command = process.argv[2] ?? 'status';
const isEmbedded = !process.env.DATABASE_URL;

const embedded = isEmbedded ? await startEmbeddedPostgres(DEV_DATABASE) : null;
const url = process.env.DATABASE_URL || EMBEDDED_DATABASE_URL;
const { db, pool } = await import('../src/server/db');
const { isSeeded, seed, demoUsers, DEMO_PASSWORD } = await import('../src/server/seed/seed');
const { sql } = await import('drizzle-orm');

const redacted = url.replace(/\/\/([^:@]+):[^@]+@/, '//$1:***@');

async function dropEverything() {
  // DROP SCHEMA is not a row change, so the audit trigger does not stand in the way of a full reset.
  await db.execute(sql`drop schema if exists public cascade`);
  await db.execute(sql`drop schema if exists drizzle cascade`);
  await db.execute(sql`drop schema if exists pgboss cascade`);
  await db.execute(sql`create schema public`);
}

async function seedIfEmpty() {
  if (await isSeeded(db)) {
    console.log('Demo data already present; left as it is.');
    return;
  }
  await seed(db, new Date(), { withLearningHistory: true });
  console.log('Seeded "Tandem Demo" and "Other Brokerage".');
}

async function status() {
  console.log(`Database: ${redacted}${isEmbedded ? ' (embedded, data in .data/postgres)' : ''}`);
  const version = await db.execute<{ version: string }>(sql`select version()`);
  console.log(version.rows[0]?.version);
  const applied = await db
    .execute<{ count: string }>(sql`select count(*)::text as count from drizzle.__drizzle_migrations`)
    .catch(() => ({ rows: [{ count: '0 (not migrated)' }] }));
  console.log(`Migrations applied: ${applied.rows[0]?.count}`);
  const tables = await db.execute<{ table_name: string; rows: string }>(sql`
    select c.relname as table_name,
           (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from public.%I', c.relname), false, true, '')))[1]::text as rows
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
    order by c.relname`);
  for (const row of tables.rows) console.log(`  ${row.table_name.padEnd(24)} ${row.rows.padStart(8)}`);
  await heldEmails();
}

/** Received mail no organization took (`unrouted_emails`): kept for an operator to look at. */
async function heldEmails() {
  const held = await db
    .execute<{
      total: number;
      reason: string;
      from_raw: string;
      to_addresses: string[];
      subject: string;
      received_at: string;
    }>(
      sql`select count(*) over ()::int as total, reason, from_raw, to_addresses, subject, received_at::text
          from unrouted_emails order by received_at desc, id desc limit 10`,
    )
    .catch(() => null);
  if (!held) return;
  const total = held.rows[0]?.total ?? 0;
  console.log(`Held emails (unrouted_emails): ${total}${total ? ', newest first:' : ''}`);
  for (const row of held.rows) {
    console.log(
      `  ${row.received_at}  ${row.reason.padEnd(17)} from ${row.from_raw || '(empty)'} to ${row.to_addresses.join(', ') || '(none)'}: ${row.subject}`,
    );
  }
}

try {
  switch (command) {
    case 'migrate':
      await migrateAll(url);
      console.log('Migrations applied.');
      break;
    case 'seed':
      await seedIfEmpty();
      break;
    case 'fresh':
      await migrateAll(url);
      await seedIfEmpty();
      break;
    case 'reset':
      await dropEverything();
      await migrateAll(url);
      await seed(db, new Date(), { withLearningHistory: true });
      console.log('Database reset: migrated and seeded.');
      break;
    case 'status':
      await status();
      break;
    case 'logins':
      break;
    default:
      throw new Error(`Unknown command "${command}": use migrate, seed, fresh, reset or status`);
  }
  if (command === 'seed' || command === 'fresh' || command === 'reset' || command === 'logins') {
    console.log(`\nDemo logins (password: ${DEMO_PASSWORD}):`);
    for (const user of demoUsers) console.log(`  ${user.email.padEnd(20)} ${user.role}`);
  }
} finally {
  await pool.end();
  await embedded?.stop();
}
