import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { emailDrafts } from '../../db/schema';
import { db } from '../helpers';

export const TANDEM = 'org_tandem_demo';
export const OTHER = 'org_other_brokerage';

/** A plain pg client LISTENing on the channel, collecting what arrives. */
export async function listenRaw(channel = 'echo_events') {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const payloads: unknown[] = [];
  client.on('notification', (message) => {
    if (message.payload) payloads.push(JSON.parse(message.payload));
  });
  await client.query(`LISTEN ${channel}`);
  return { payloads, close: () => client.end() };
}

/** Waits until `check` passes (or throws its last failure after `timeoutMs`). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

export async function firstDraft(organizationId: string, status: 'pending' | 'approved' = 'pending') {
  const [draft] = await db
    .select({ id: emailDrafts.id, revision: emailDrafts.revision, dealId: emailDrafts.dealId })
    .from(emailDrafts)
    .where(and(eq(emailDrafts.organizationId, organizationId), eq(emailDrafts.status, status)))
    .orderBy(emailDrafts.id)
    .limit(1);
  if (!draft) throw new Error(`The seed has no ${status} draft in ${organizationId}`);
  return draft;
}

/** Reads a text/event-stream body, splitting it into events as a browser would. */
export function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const events: Array<{ event: string; data: string }> = [];
  let buffer = '';
  let isDone = false;
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let boundary = buffer.indexOf('\n\n');
      while (boundary !== -1) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const lines = block.split('\n');
        const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6));
        const named = lines.find((line) => line.startsWith('event: '));
        if (data.length > 0)
          events.push({ event: named ? named.slice(7) : 'message', data: data.join('\n') });
        else if (lines.some((line) => line.startsWith(':'))) events.push({ event: 'comment', data: block });
        boundary = buffer.indexOf('\n\n');
      }
    }
    isDone = true;
  })().catch(() => {
    isDone = true;
  });
  return {
    events,
    get isDone() {
      return isDone;
    },
    messages: () =>
      events.filter((event) => event.event === 'message').map((event) => JSON.parse(event.data)),
    cancel: async () => {
      await reader.cancel().catch(() => undefined);
      await pump;
    },
  };
}
