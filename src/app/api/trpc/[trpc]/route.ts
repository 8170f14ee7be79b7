import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { MAX_BATCH_SIZE } from '@/lib/trpc-limits';
import { appRouter } from '@/server/root';
import { createTRPCContext } from '@/server/trpc';

function handler(request: Request) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    // One HTTP request carries at most this many calls (the client's batch link splits at the same size).
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: ({ resHeaders }) =>
      createTRPCContext({ headers: request.headers, responseHeaders: resHeaders }),
  });
}

export { handler as GET, handler as POST };
