import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

// Each test file runs against its own fresh copy of the migrated template: a clean state, and
// files can run in parallel without seeing each other's rows.
const adminUrl = inject('adminDatabaseUrl');
const template = inject('templateDatabase');
const database = `echo_t_${template.replace('echo_tpl_', '')}_${randomBytes(4).toString('hex')}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database "${database}" template "${template}"`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${database}`;
process.env.DATABASE_URL = url.toString();
