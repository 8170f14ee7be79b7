import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { db } from '@/server/db';
import { liveListener } from '@/server/live/listener';
import { openEventStream } from '@/server/live/stream';
import { createCaller } from '@/server/root';
import { createTRPCContext } from '@/server/trpc';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * The organization's live events (Server-Sent Events), for the signed-in viewer: the same session
 * resolution as tRPC, fed by PostgreSQL LISTEN/NOTIFY (src/server/live/).
 */
export async function GET(request: Request) {
  const context = await createTRPCContext({ headers: request.headers });
  let viewer: Awaited<ReturnType<ReturnType<typeof createCaller>['me']>>;
  try {
    viewer = await createCaller(context).me();
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return Response.json({ error: error.message }, { status: getHTTPStatusCodeFromError(error) });
  }
  if (!context.session) return Response.json({ error: 'Sign in to continue' }, { status: 401 });

  const stream = openEventStream({
    db,
    listener: liveListener(),
    session: {
      sessionId: context.session.sessionId,
      userId: viewer.userId,
      organizationId: viewer.organizationId,
    },
    signal: request.signal,
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform keeps Next.js's compression from buffering the stream.
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
