import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { apiSecurityHeaders } from '@/lib/security-headers';
import { MAX_BATCH_SIZE } from '@/lib/trpc-limits';
import { appRouter } from '@/server/root';
import { createTRPCContext } from '@/server/trpc';

/** Procedures that read no session: a request calling only these skips the session lookup. */
const SESSIONLESS = new Set(['health']);

// src/proxy.ts skips this route (its per-request nonce and header rewriting are a page's concern):
// the security headers are set here, built once.
const HTTP_HEADERS = apiSecurityHeaders({ isHttps: false });
const HTTPS_HEADERS = apiSecurityHeaders({ isHttps: true });

function isHttps(request: Request) {
  return (
    request.url.startsWith('https:') ||
    request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
  );
}

function handler(request: Request) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    // One HTTP request carries at most this many calls (the client's batch link splits at the same size).
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: ({ resHeaders, info }) =>
      createTRPCContext({
        headers: request.headers,
        responseHeaders: resHeaders,
        withSession: info.calls.some((call) => !SESSIONLESS.has(call.path)),
      }),
    responseMeta: () => ({ headers: isHttps(request) ? HTTPS_HEADERS : HTTP_HEADERS }),
  });
}

export { handler as GET, handler as POST };
