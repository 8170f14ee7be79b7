import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailDrafts } from '../../db/schema';
import { LiveListener } from '../../src/server/live/listener';
import type { LiveEvent } from '../../src/server/live/schemas';
import { callerFor, db, seedDemo } from '../helpers';
import { eventually, firstDraft, listenRaw, OTHER, TANDEM } from './support';

beforeAll(async () => {
  await seedDemo();
});

describe('the database announces every change (triggers → NOTIFY)', () => {
  it('announces an edit through the service with the organization, draft and status', async () => {
    const listener = await listenRaw();
    try {
      const draft = await firstDraft(TANDEM);
      const agent = await callerFor('agent@echo.test');
      await agent.drafts.edit({ id: draft.id, body: 'Thanks, live edit.', revision: draft.revision });
      const payloads = await eventually(() => {
        const found = listener.payloads.filter((payload) => (payload as LiveEvent).kind === 'draft.updated');
        expect(found.length).toBeGreaterThan(0);
        return found;
      });
      expect(payloads[0]).toEqual({
        organizationId: TANDEM,
        kind: 'draft.updated',
        draftId: draft.id,
        dealId: draft.dealId,
        status: 'pending',
      });
    } finally {
      await listener.close();
    }
  });

  it('announces a new draft and a new email on any write path, and stays quiet on a no-op update', async () => {
    const listener = await listenRaw();
    try {
      const draft = await firstDraft(TANDEM);
      // A no-op UPDATE (same values) says nothing.
      await db.update(emailDrafts).set({ status: 'pending' }).where(eq(emailDrafts.id, draft.id));
      // Raw SQL, as a job or another helper's feature would write: a status change.
      await db.execute(sql`update email_drafts set status = 'archived' where id = ${draft.id}`);
      await db.execute(sql`
        insert into emails (organization_id, deal_id, direction, from_address, to_address, subject, body, message_id)
        values (${TANDEM}, ${draft.dealId}, 'inbound', 'a@b.test', 'inbox@tandem.echo.test', 'Hi', 'Hello', '<live-1@test>')`);
      const events = await eventually(() => {
        expect(listener.payloads).toHaveLength(2);
        return listener.payloads as LiveEvent[];
      });
      expect(events).toEqual([
        {
          organizationId: TANDEM,
          kind: 'draft.updated',
          draftId: draft.id,
          dealId: draft.dealId,
          status: 'archived',
        },
        { organizationId: TANDEM, kind: 'email.created', count: 1 },
      ]);
      await db.execute(sql`update email_drafts set status = 'pending' where id = ${draft.id}`);
    } finally {
      await listener.close();
    }
  });

  it("announces a reassignment: the drafts follow their deal's new owner", async () => {
    const listener = await listenRaw();
    try {
      const draft = await firstDraft(TANDEM);
      const manager = await callerFor('manager@echo.test');
      const before = await manager.drafts.get({ id: draft.id });
      const members = await callerFor('agent@echo.test').then((agent) => agent.me());
      const target = before.assignee?.id === members.userId ? null : members.userId;
      await manager.drafts.assign({ ids: [draft.id], userId: target });
      await eventually(() =>
        expect(listener.payloads).toContainEqual(
          expect.objectContaining({ organizationId: TANDEM, kind: 'draft.updated', draftId: draft.id }),
        ),
      );
      await manager.drafts.assign({ ids: [draft.id], userId: before.assignee?.id ?? null });
    } finally {
      await listener.close();
    }
  });

  it('says nothing for a transaction that rolls back', async () => {
    const listener = await listenRaw();
    try {
      const draft = await firstDraft(TANDEM);
      await db
        .transaction(async (tx) => {
          await tx.update(emailDrafts).set({ body: 'never' }).where(eq(emailDrafts.id, draft.id));
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      await db.execute(sql`select pg_notify('echo_events', '{"probe":true}')`);
      await eventually(() => expect(listener.payloads).toEqual([{ probe: true }]));
    } finally {
      await listener.close();
    }
  });
});

describe('each process LISTENs once and fans out by organization', () => {
  const instances: LiveListener[] = [];
  afterAll(async () => {
    for (const instance of instances) await instance.close();
  });
  const newInstance = () => {
    const instance = new LiveListener(process.env.DATABASE_URL ?? '', { warn: () => undefined });
    instances.push(instance);
    return instance;
  };

  it('delivers a change to every app instance, and only to streams of its organization', async () => {
    const [a, b] = [newInstance(), newInstance()];
    const tandemOnA: LiveEvent[] = [];
    const tandemOnB: LiveEvent[] = [];
    const otherOnA: LiveEvent[] = [];
    await a.subscribe(TANDEM, (event) => event.kind !== 'resync' && tandemOnA.push(event));
    await b.subscribe(TANDEM, (event) => event.kind !== 'resync' && tandemOnB.push(event));
    await a.subscribe(OTHER, (event) => event.kind !== 'resync' && otherOnA.push(event));

    const draft = await firstDraft(TANDEM);
    await db.execute(sql`update email_drafts set body = body || ' ' where id = ${draft.id}`);
    await eventually(() => {
      expect(tandemOnA.map((event) => event.kind)).toEqual(['draft.updated']);
      expect(tandemOnB.map((event) => event.kind)).toEqual(['draft.updated']);
    });

    const otherDraft = await firstDraft(OTHER);
    await db.execute(sql`update email_drafts set body = body || ' ' where id = ${otherDraft.id}`);
    await eventually(() => expect(otherOnA).toHaveLength(1));
    expect(otherOnA[0]).toMatchObject({ organizationId: OTHER, draftId: otherDraft.id });
    expect(tandemOnA).toHaveLength(1);
    expect(tandemOnB).toHaveLength(1);
  });

  it('ignores a payload that is not one of ours', async () => {
    const instance = newInstance();
    const seen: unknown[] = [];
    await instance.subscribe(TANDEM, (event) => seen.push(event));
    await db.execute(sql`select pg_notify('echo_events', 'not json')`);
    await db.execute(
      sql`select pg_notify('echo_events', ${JSON.stringify({ organizationId: TANDEM, kind: 'rm -rf' })})`,
    );
    await db.execute(
      sql`select pg_notify('echo_events', ${JSON.stringify({ organizationId: TANDEM, kind: 'email.created', count: 2 })})`,
    );
    await eventually(() =>
      expect(seen).toEqual([{ organizationId: TANDEM, kind: 'email.created', count: 2 }]),
    );
  });

  it('reconnects after the connection drops, tells its streams to resync, and hears changes again', async () => {
    const instance = newInstance();
    const seen: string[] = [];
    await instance.subscribe(TANDEM, (event) => seen.push(event.kind));
    await instance.simulateDisconnect();
    await eventually(() => expect(seen).toContain('resync'));
    expect(instance.isListening).toBe(true);
    const draft = await firstDraft(TANDEM);
    await db.execute(sql`update email_drafts set body = body || ' ' where id = ${draft.id}`);
    await eventually(() => expect(seen).toContain('draft.updated'));
  });
});
