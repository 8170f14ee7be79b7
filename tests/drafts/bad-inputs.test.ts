import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, emailDrafts } from '../../db/schema';
import { MAX_BODY_LENGTH } from '../../src/server/drafts/schemas';
import { callerFor, db, seedDemo } from '../helpers';
import { draftRow, failure, makeDraft, OTHER } from './support';

type Caller = Awaited<ReturnType<typeof callerFor>>;
let caller: Caller;

beforeAll(async () => {
  await seedDemo();
  caller = await callerFor('agent@echo.test');
});

async function writes() {
  const [drafts] = await db
    .select({ revisions: sql<number>`sum(${emailDrafts.revision})::int` })
    .from(emailDrafts);
  const [audit] = await db.select({ count: sql<number>`count(*)::int` }).from(auditEvents);
  return { revisions: drafts?.revisions, audit: audit?.count };
}

/** Runs a call that must be refused: a clear 4xx, never a 500, and nothing written. */
async function refused(call: () => Promise<unknown>) {
  const before = await writes();
  const error = await failure(call());
  expect(error.code).not.toBe('INTERNAL_SERVER_ERROR');
  expect(await writes()).toEqual(before);
  return error;
}

describe('bad inputs', () => {
  it('answers NOT_FOUND for an unknown draft id, on every action', async () => {
    const id = 987_654;
    const calls: Array<() => Promise<unknown>> = [
      () => caller.drafts.get({ id }),
      () => caller.drafts.edit({ id, body: 'Hello', revision: 0 }),
      () => caller.drafts.regenerate({ id, revision: 0 }),
      () => caller.drafts.switchVersion({ id, version: 0, revision: 0 }),
      () => caller.drafts.approve({ id, revision: 0 }),
      () => caller.drafts.send({ id, revision: 0 }),
      () => caller.drafts.undoSend({ id }),
      () => caller.drafts.retryDelivery({ id }),
      () => caller.drafts.archive({ id }),
      () => caller.drafts.restore({ id }),
    ];
    for (const call of calls) {
      const error = await refused(call);
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toBe(`Draft ${id} was not found`);
    }
  });

  it('answers another organization’s draft exactly like a missing one', async () => {
    const { draft } = await makeDraft({ organizationId: OTHER, status: 'approved' });
    for (const call of [
      () => caller.drafts.edit({ id: draft.id, body: 'Hijack', revision: draft.revision }),
      () => caller.drafts.approve({ id: draft.id, revision: draft.revision }),
      () => caller.drafts.send({ id: draft.id, revision: draft.revision }),
      () => caller.drafts.archive({ id: draft.id, reason: 'mine now' }),
      () => caller.drafts.switchVersion({ id: draft.id, version: 0, revision: draft.revision }),
    ]) {
      const error = await refused(call);
      expect(error).toMatchObject({ code: 'NOT_FOUND', message: `Draft ${draft.id} was not found` });
    }
    expect(await draftRow(draft.id)).toEqual(draft);
  });

  it('refuses a negative revision, naming the field', async () => {
    const { draft } = await makeDraft();
    const error = await refused(() => caller.drafts.edit({ id: draft.id, body: 'Hi', revision: -1 }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('revision');
  });

  it('refuses a 1 MB body, naming the field', async () => {
    const { draft } = await makeDraft();
    const body = 'x'.repeat(1024 * 1024);
    const error = await refused(() => caller.drafts.edit({ id: draft.id, body, revision: draft.revision }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('body');
  });

  it(`accepts a body of exactly ${MAX_BODY_LENGTH} characters and refuses one more`, async () => {
    const { draft } = await makeDraft();
    const longest = 'y'.repeat(MAX_BODY_LENGTH);
    const tooLong = await refused(() =>
      caller.drafts.edit({ id: draft.id, body: `${longest}y`, revision: draft.revision }),
    );
    expect(tooLong.code).toBe('BAD_REQUEST');
    const edited = await caller.drafts.edit({ id: draft.id, body: longest, revision: draft.revision });
    expect(edited.body).toHaveLength(MAX_BODY_LENGTH);
  });

  it.each(['', '   \n\t '])('refuses an empty body (%j)', async (body) => {
    const { draft } = await makeDraft();
    const error = await refused(() => caller.drafts.edit({ id: draft.id, body, revision: draft.revision }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('body');
    expect(error.message).toContain('must not be empty');
  });

  it('refuses an unknown status filter', async () => {
    const error = await refused(() => caller.drafts.list({ status: 'deleted' as unknown as 'pending' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('status');
  });

  it('refuses ids that are not positive integers', async () => {
    for (const id of [0, -4, 1.5, '12' as unknown as number, Number.NaN]) {
      const error = await refused(() => caller.drafts.archive({ id }));
      expect(error.code).toBe('BAD_REQUEST');
    }
  });

  it('refuses an override without a reason, and an instruction that is an essay', async () => {
    const { draft } = await makeDraft({ validation: 'failed' });
    const manager = await callerFor('manager@echo.test');
    const emptyReason = await refused(() =>
      manager.drafts.approve({ id: draft.id, revision: draft.revision, override: { reason: '  ' } }),
    );
    expect(emptyReason.code).toBe('BAD_REQUEST');
    const essay = await refused(() =>
      caller.drafts.regenerate({ id: draft.id, revision: draft.revision, instruction: 'z'.repeat(5000) }),
    );
    expect(essay.code).toBe('BAD_REQUEST');
    expect(essay.message).toContain('instruction');
  });

  it('refuses a version that does not exist with NOT_FOUND', async () => {
    const { draft } = await makeDraft();
    const error = await refused(() =>
      caller.drafts.switchVersion({ id: draft.id, version: 99, revision: draft.revision }),
    );
    expect(error.code).toBe('NOT_FOUND');
  });

  it('refuses a cursor this list never gave out', async () => {
    const error = await refused(() => caller.drafts.list({ cursor: 'not-a-cursor' }));
    expect(error.code).toBe('BAD_REQUEST');
  });
});
