import type { Executor } from '../db';
import type { LiveListener } from './listener';
import { isStreamSessionValid } from './queries';
import type { LiveEvent, StreamEvent } from './schemas';

/** Under the ~30-60 s idle timeouts of common proxies and load balancers. */
export const HEARTBEAT_MS = 25_000;

const encoder = new TextEncoder();

function toStreamEvent(event: LiveEvent | { kind: 'resync' }): StreamEvent {
  if (event.kind === 'resync') return event;
  const { organizationId: _organizationId, ...rest } = event;
  return rest;
}

/**
 * An organization's live events as Server-Sent Events: `ready` once this process is listening,
 * then one `data:` line per event, and a `ping` every heartbeat (an event, not a comment, so the
 * browser can tell a silent connection from a quiet one). Each heartbeat re-checks the
 * session: once it is revoked (sign-out, password reset, removal from the organization) the
 * stream says `event: end` and closes.
 */
export function openEventStream(options: {
  db: Executor;
  listener: LiveListener;
  session: { sessionId: string; userId: string; organizationId: string };
  signal?: AbortSignal;
  heartbeatMs?: number;
}): ReadableStream<Uint8Array> {
  const { db, listener, session, signal, heartbeatMs = HEARTBEAT_MS } = options;
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let isOpen = true;
      let unsubscribe: () => void = () => {};
      const write = (text: string) => {
        if (!isOpen) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const timer = setInterval(async () => {
        let isValid = false;
        try {
          isValid = await isStreamSessionValid(db, session);
        } catch {
          // The database did not answer: keep the stream, the next heartbeat checks again.
          isValid = true;
        }
        if (!isValid) {
          write('event: end\ndata: {"reason":"session"}\n\n');
          cleanup();
          return;
        }
        write('event: ping\ndata: {}\n\n');
      }, heartbeatMs);
      cleanup = () => {
        if (!isOpen) return;
        isOpen = false;
        clearInterval(timer);
        unsubscribe();
        signal?.removeEventListener('abort', cleanup);
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      signal?.addEventListener('abort', cleanup);
      if (signal?.aborted) return cleanup();

      // Browsers reconnect by themselves after this long when the connection drops.
      write('retry: 3000\n\n');
      unsubscribe = await listener.subscribe(session.organizationId, (event) =>
        write(`data: ${JSON.stringify(toStreamEvent(event))}\n\n`),
      );
      if (!isOpen) unsubscribe();
      write(`event: ready\ndata: ${JSON.stringify({ heartbeatMs })}\n\n`);
    },
    cancel() {
      cleanup();
    },
  });
}
