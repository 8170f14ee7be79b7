import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Webhook } from 'svix';
import { db } from '../../src/server/db';

/** A webhook delivery as Resend (through svix) would POST it; `at` and `secret` let tests forge bad ones. */
export function signedRequest(
  secret: string,
  body: string,
  options: {
    svixId?: string;
    at?: Date;
    signature?: string;
    omit?: 'svix-id' | 'svix-timestamp' | 'svix-signature';
  } = {},
) {
  const svixId = options.svixId ?? `msg_${randomUUID()}`;
  const at = options.at ?? new Date();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'svix-id': svixId,
    'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
    'svix-signature': options.signature ?? new Webhook(secret).sign(svixId, at, body),
  };
  if (options.omit) delete headers[options.omit];
  return new Request('http://127.0.0.1/api/webhooks/resend', { method: 'POST', headers, body });
}

export function receivedEvent(emailId: string, to: string, from = 'someone@example.com') {
  return JSON.stringify({
    type: 'email.received',
    created_at: new Date().toISOString(),
    data: {
      email_id: emailId,
      created_at: new Date().toISOString(),
      from,
      to: [to],
      bcc: [],
      cc: [],
      received_for: [to],
      message_id: `<${emailId}@mail.example>`,
      subject: 'hello',
      attachments: [],
    },
  });
}

export function deliveryEvent(type: string, providerMessageId: string, extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    type,
    created_at: new Date().toISOString(),
    data: {
      email_id: providerMessageId,
      created_at: new Date().toISOString(),
      from: 'deals@tandem.echo.test',
      to: ['priya@acmeanalytics.example'],
      subject: 'Re: hello',
      message_id: `<${providerMessageId}@resend.example>`,
      ...extra,
    },
  });
}

/** Row counts of everything an inbound webhook can write. */
export async function writtenCounts() {
  const result = await db.execute<{
    emails: number;
    deals: number;
    webhooks: number;
    audits: number;
    jobs: number;
  }>(sql`select
    (select count(*)::int from emails) as emails,
    (select count(*)::int from deals) as deals,
    (select count(*)::int from webhook_events) as webhooks,
    (select count(*)::int from audit_events) as audits,
    (select count(*)::int from pgboss.job where name = 'draft.generate') as jobs`);
  const row = result.rows[0];
  if (!row) throw new Error('count query returned no row');
  return row;
}

/** The `draft.generate` jobs queued, by the inbound email they are for. */
export async function draftJobs() {
  const result = await db.execute<{
    inbound_email_id: string;
    organization_id: string;
    singleton_key: string | null;
  }>(
    sql`select data->>'inboundEmailId' as inbound_email_id, data->>'organizationId' as organization_id,
               singleton_key
        from pgboss.job where name = 'draft.generate'`,
  );
  return result.rows;
}

/**
 * Runs every queued `draft.generate` job through the real handler, as the worker would, `times`
 * over (a retried or duplicated job must not make a second draft), a few at a time.
 */
export async function runDraftJobs(times = 1, concurrency = 4) {
  const { generateDraftHandler } = await import('../../src/server/jobs/generate-draft');
  const handler = generateDraftHandler();
  const result = await db.execute<{ id: string; name: string; data: unknown }>(
    sql`select id, name, data from pgboss.job where name = 'draft.generate' order by created_on`,
  );
  const jobs = Array.from({ length: times }, () => result.rows).flat();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        if (job) await handler([job as never]);
      }
    }),
  );
}

/** How many drafts answer each inbound email id. */
export async function draftCounts() {
  const result = await db.execute<{ inbound_email_id: string; drafts: number }>(
    sql`select inbound_email_id::text, count(*)::int as drafts from email_drafts group by inbound_email_id`,
  );
  return new Map(result.rows.map((row) => [Number(row.inbound_email_id), row.drafts]));
}
