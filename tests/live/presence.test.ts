import { TRPCError } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { draftPresence } from '../../db/schema';
import { callerFor, db, seedDemo } from '../helpers';
import { eventually, firstDraft, listenRaw, OTHER, TANDEM } from './support';

beforeAll(async () => {
  await seedDemo();
});

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
}

describe('presence on a draft', () => {
  it('shows who else has the draft open and what they do, never the viewer', async () => {
    const draft = await firstDraft(TANDEM);
    const agent = await callerFor('agent@echo.test');
    const manager = await callerFor('manager@echo.test');
    await agent.live.heartbeat({ id: draft.id, state: 'viewing' });
    await manager.live.heartbeat({ id: draft.id, state: 'editing' });

    const seenByAgent = await agent.live.presence({ id: draft.id });
    expect(seenByAgent.others.map(({ userId, state }) => ({ userId, state }))).toEqual([
      { userId: 'user_demo_manager', state: 'editing' },
    ]);
    expect(seenByAgent.others[0]?.name).toBeTruthy();
    const seenByManager = await manager.live.presence({ id: draft.id });
    expect(seenByManager.others.map((other) => [other.userId, other.state])).toEqual([
      ['user_demo_agent', 'viewing'],
    ]);

    await manager.live.leave({ id: draft.id });
    expect((await agent.live.presence({ id: draft.id })).others).toEqual([]);
    await agent.live.leave({ id: draft.id });
  });

  it('forgets a heartbeat older than 30 seconds, and the next heartbeat clears it', async () => {
    const draft = await firstDraft(TANDEM);
    const agent = await callerFor('agent@echo.test');
    const manager = await callerFor('manager@echo.test');
    await manager.live.heartbeat({ id: draft.id, state: 'viewing' });
    await db.execute(
      sql`update draft_presence set seen_at = now() - interval '29 seconds' where user_id = 'user_demo_manager'`,
    );
    expect((await agent.live.presence({ id: draft.id })).others).toHaveLength(1);
    await db.execute(
      sql`update draft_presence set seen_at = now() - interval '31 seconds' where user_id = 'user_demo_manager'`,
    );
    expect((await agent.live.presence({ id: draft.id })).others).toEqual([]);

    await agent.live.heartbeat({ id: draft.id, state: 'viewing' });
    const rows = await db
      .select({ userId: draftPresence.userId })
      .from(draftPresence)
      .where(eq(draftPresence.draftId, draft.id));
    expect(rows).toEqual([{ userId: 'user_demo_agent' }]);
    await agent.live.leave({ id: draft.id });
  });

  it('announces arrivals, state changes and departures, but not a plain heartbeat', async () => {
    const draft = await firstDraft(TANDEM);
    const manager = await callerFor('manager@echo.test');
    const listener = await listenRaw();
    try {
      await manager.live.heartbeat({ id: draft.id, state: 'viewing' });
      await manager.live.heartbeat({ id: draft.id, state: 'viewing' });
      await manager.live.heartbeat({ id: draft.id, state: 'editing' });
      await manager.live.leave({ id: draft.id });
      await db.execute(sql`select pg_notify('echo_events', '{"probe":true}')`);
      await eventually(() => expect(listener.payloads.at(-1)).toEqual({ probe: true }));
      expect(listener.payloads.slice(0, -1)).toEqual([
        { organizationId: TANDEM, kind: 'presence', draftId: draft.id },
        { organizationId: TANDEM, kind: 'presence', draftId: draft.id },
        { organizationId: TANDEM, kind: 'presence', draftId: draft.id },
      ]);
    } finally {
      await listener.close();
    }
  });

  it('treats another organization’s draft as not found, for reading and for writing', async () => {
    const otherDraft = await firstDraft(OTHER);
    const agent = await callerFor('agent@echo.test');
    expect(await codeOf(agent.live.presence({ id: otherDraft.id }))).toBe('NOT_FOUND');
    expect(await codeOf(agent.live.heartbeat({ id: otherDraft.id, state: 'viewing' }))).toBe('NOT_FOUND');
    const rows = await db.select().from(draftPresence).where(eq(draftPresence.draftId, otherDraft.id));
    expect(rows).toEqual([]);
  });

  it('names the field of a bad input', async () => {
    const agent = await callerFor('agent@echo.test');
    await expect(agent.live.heartbeat({ id: 1, state: 'typing' as 'viewing' })).rejects.toThrow(/state/);
    await expect(agent.live.presence({ id: -1 })).rejects.toThrow(/id/);
  });

  it('counts the organization’s pending drafts for the tab title', async () => {
    const agent = await callerFor('agent@echo.test');
    const before = (await agent.live.pendingCount()).pending;
    expect(before).toBeGreaterThan(0);
    const draft = await firstDraft(TANDEM);
    await db.execute(sql`update email_drafts set status = 'approved' where id = ${draft.id}`);
    expect((await agent.live.pendingCount()).pending).toBe(before - 1);
  });
});
