import { TRPCError } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, emailDrafts } from '../../db/schema';
import { auth } from '../../src/server/auth';
import { anonymousCaller, callerFor, db, seedDemo } from '../helpers';

beforeAll(async () => {
  await seedDemo();
});

async function otherOrganizationDraftId() {
  const [row] = await db
    .select({ id: emailDrafts.id })
    .from(emailDrafts)
    .where(eq(emailDrafts.organizationId, 'org_other_brokerage'));
  if (!row) throw new Error('seed has no draft in Other Brokerage');
  return row.id;
}

describe('health', () => {
  it('answers ok when the database answers', async () => {
    const caller = await anonymousCaller();
    await expect(caller.health()).resolves.toEqual({ ok: true, db: true });
  });
});

describe('sign-in', () => {
  it('refuses a wrong password', async () => {
    const response = await auth.api.signInEmail({
      body: { email: 'agent@echo.test', password: 'not-the-password' },
      asResponse: true,
    });
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('signs the demo agent into Tandem Demo as an agent', async () => {
    const caller = await callerFor('agent@echo.test');
    const me = await caller.me();
    expect(me).toMatchObject({ email: 'agent@echo.test', role: 'agent', organizationName: 'Tandem Demo' });
  });
});

describe('tenancy', () => {
  it('answers UNAUTHORIZED to a call without a session', async () => {
    const caller = await anonymousCaller();
    await expect(caller.drafts.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('lists only the organization’s own drafts', async () => {
    const tandem = await (await callerFor('agent@echo.test')).drafts.list({ limit: 100 });
    const other = await (await callerFor('agent@other.test')).drafts.list({ limit: 100 });
    expect(tandem.items.map((item) => item.company)).not.toContain('Confidential Client Co');
    expect(other.items.map((item) => item.company)).toEqual(['Confidential Client Co']);
  });

  it('answers NOT_FOUND for another organization’s draft, exactly as for a missing one', async () => {
    const caller = await callerFor('agent@echo.test');
    const foreign = await caller.drafts.get({ id: await otherOrganizationDraftId() }).catch((error) => error);
    const missing = await caller.drafts.get({ id: 987_654_321 }).catch((error) => error);
    expect(foreign).toBeInstanceOf(TRPCError);
    expect(foreign.code).toBe('NOT_FOUND');
    expect(missing.code).toBe('NOT_FOUND');
    expect(foreign.message.replace(/\d+/g, 'N')).toBe(missing.message.replace(/\d+/g, 'N'));
  });
});

describe('input validation', () => {
  it('answers BAD_REQUEST naming the field for a malformed input', async () => {
    const caller = await callerFor('agent@echo.test');
    const error = await caller.drafts.get({ id: -3 }).catch((caught) => caught);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('id');
  });

  it('refuses an unknown status filter as BAD_REQUEST', async () => {
    const caller = await callerFor('agent@echo.test');
    // @ts-expect-error an invalid status on purpose
    const error = await caller.drafts.list({ status: 'deleted' }).catch((caught) => caught);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('status');
  });

  it('refuses a forged cursor as BAD_REQUEST', async () => {
    const caller = await callerFor('agent@echo.test');
    const error = await caller.drafts.list({ cursor: 'not-a-cursor' }).catch((caught) => caught);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('cursor');
  });
});

describe('audit_events', () => {
  it('refuses UPDATE at the database', async () => {
    await expect(db.execute(sql`update audit_events set action = 'tampered'`)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/append-only: UPDATE/) },
    });
  });

  it('refuses DELETE at the database', async () => {
    const before = await db.$count(auditEvents);
    expect(before).toBeGreaterThan(0);
    await expect(db.execute(sql`delete from audit_events`)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/append-only: DELETE/) },
    });
    expect(await db.$count(auditEvents)).toBe(before);
  });
});
