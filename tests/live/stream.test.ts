import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema';
import { GET } from '../../src/app/api/events/route';
import { liveListener } from '../../src/server/live/listener';
import { openEventStream } from '../../src/server/live/stream';
import { db, seedDemo, signInCookie } from '../helpers';
import { eventually, firstDraft, OTHER, sseReader, TANDEM } from './support';

beforeAll(async () => {
  await seedDemo();
});
afterAll(async () => {
  await liveListener().close();
});

const eventsRequest = (cookie?: string) => {
  const controller = new AbortController();
  const request = new Request('http://localhost:3000/api/events', {
    headers: cookie ? { cookie } : {},
    signal: controller.signal,
  });
  return { request, abort: () => controller.abort() };
};

describe('GET /api/events', () => {
  it('refuses a request without a session with 401', async () => {
    const response = await GET(eventsRequest().request);
    expect(response.status).toBe(401);
  });

  it('streams the viewer organization’s events and nothing of another organization', async () => {
    const tandem = eventsRequest(await signInCookie('agent@echo.test'));
    const other = eventsRequest(await signInCookie('agent@other.test'));
    const tandemResponse = await GET(tandem.request);
    const otherResponse = await GET(other.request);
    expect(tandemResponse.status).toBe(200);
    expect(tandemResponse.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(tandemResponse.headers.get('cache-control')).toContain('no-transform');
    if (!tandemResponse.body || !otherResponse.body) throw new Error('no body');
    const tandemEvents = sseReader(tandemResponse.body);
    const otherEvents = sseReader(otherResponse.body);
    await eventually(() => expect(tandemEvents.events.map((event) => event.event)).toContain('ready'));
    await eventually(() => expect(otherEvents.events.map((event) => event.event)).toContain('ready'));

    const draft = await firstDraft(TANDEM);
    await db.execute(sql`update email_drafts set status = 'approved' where id = ${draft.id}`);
    await eventually(() =>
      expect(tandemEvents.messages()).toEqual([
        { kind: 'draft.updated', draftId: draft.id, dealId: draft.dealId, status: 'approved' },
      ]),
    );
    const otherDraft = await firstDraft(OTHER);
    await db.execute(sql`update email_drafts set body = body || ' ' where id = ${otherDraft.id}`);
    await eventually(() => expect(otherEvents.messages()).toHaveLength(1));
    expect(otherEvents.messages()[0]).toMatchObject({ draftId: otherDraft.id });
    // Never the organization id, and never the other organization's draft.
    expect(tandemEvents.messages()).toHaveLength(1);
    expect(JSON.stringify(tandemEvents.events)).not.toContain('org_');
    await db.execute(sql`update email_drafts set status = 'pending' where id = ${draft.id}`);

    tandem.abort();
    other.abort();
    await tandemEvents.cancel();
    await otherEvents.cancel();
    await eventually(() => expect(liveListener().subscriberCount).toBe(0));
  });

  it('refuses a signed-out session with 401', async () => {
    const cookie = await signInCookie('manager@echo.test');
    await db.delete(sessions).where(eq(sessions.userId, 'user_demo_manager'));
    const response = await GET(eventsRequest(cookie).request);
    expect(response.status).toBe(401);
  });
});

describe('an open stream', () => {
  it('ends at the next heartbeat once its session is revoked', async () => {
    const cookie = await signInCookie('admin@echo.test');
    const [session] = await db
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.userId, 'user_demo_admin'))
      .orderBy(sql`${sessions.createdAt} desc`)
      .limit(1);
    if (!session || !cookie) throw new Error('no session');
    const stream = sseReader(
      openEventStream({
        db,
        listener: liveListener(),
        session: { sessionId: session.id, userId: 'user_demo_admin', organizationId: TANDEM },
        heartbeatMs: 100,
      }),
    );
    await eventually(() => expect(stream.events.map((event) => event.event)).toContain('ping'));
    expect(stream.isDone).toBe(false);

    await db.delete(sessions).where(eq(sessions.id, session.id));
    await eventually(() => expect(stream.isDone).toBe(true), 2_000);
    expect(stream.events.at(-1)).toEqual({ event: 'end', data: '{"reason":"session"}' });
    await eventually(() => expect(liveListener().subscriberCount).toBe(0));
  });

  it('ends when the viewer is removed from the organization', async () => {
    await signInCookie('agent@echo.test');
    const [session] = await db
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.userId, 'user_demo_agent'))
      .limit(1);
    if (!session) throw new Error('no session');
    const stream = sseReader(
      openEventStream({
        db,
        listener: liveListener(),
        // The stream of an organization the user does not belong to never survives a heartbeat.
        session: { sessionId: session.id, userId: 'user_demo_agent', organizationId: OTHER },
        heartbeatMs: 100,
      }),
    );
    await eventually(() => expect(stream.isDone).toBe(true), 2_000);
    expect(stream.events.at(-1)?.event).toBe('end');
  });
});
