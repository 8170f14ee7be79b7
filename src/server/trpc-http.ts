import type { IncomingMessage, ServerResponse } from 'node:http';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import type { TRPCRequestInfo } from '@trpc/server/http';
import compression from 'compression';
import { apiSecurityHeaders } from '../lib/security-headers';
import { MAX_BATCH_SIZE } from '../lib/trpc-limits';
import { appRouter } from './root';
import { createTRPCContext } from './trpc';

/**
 * The tRPC API over HTTP, two ways with one set of options: `handleTrpcFetch` is the Next.js
 * route (src/app/api/trpc/[trpc], what `next dev` serves), `handleTrpcNode` is what each web
 * process of `make start` answers /api/trpc with before Next.js sees the request (scripts/web.ts).
 * The second skips Next's per-request pipeline, most of a small request's CPU (bench/ANALYSIS.md).
 */
export const TRPC_ENDPOINT = '/api/trpc';

/** Procedures that read no session: a request calling only these skips the session lookup. */
const SESSIONLESS = new Set(['health']);
const needsSession = (info: TRPCRequestInfo) => info.calls.some((call) => !SESSIONLESS.has(call.path));

// src/proxy.ts skips this route (its per-request nonce and header rewriting are a page's concern):
// the security headers are set here, built once.
const HTTP_HEADERS = apiSecurityHeaders({ isHttps: false });
const HTTPS_HEADERS = apiSecurityHeaders({ isHttps: true });

const isForwardedHttps = (proto: string | null | undefined) => proto?.split(',')[0]?.trim() === 'https';

export function handleTrpcFetch(request: Request) {
  const isHttps =
    request.url.startsWith('https:') || isForwardedHttps(request.headers.get('x-forwarded-proto'));
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req: request,
    router: appRouter,
    // One HTTP request carries at most this many calls (the client's batch link splits at the same size).
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: ({ resHeaders, info }) =>
      createTRPCContext({
        headers: request.headers,
        responseHeaders: resHeaders,
        withSession: needsSession(info),
      }),
    responseMeta: () => ({ headers: isHttps ? HTTPS_HEADERS : HTTP_HEADERS }),
  });
}

// Responses are compressed as Next.js compresses its own: gzip or deflate above 1 kB, when accepted.
const compress = compression();
type CompressionArgs = Parameters<typeof compress>;

/**
 * /api/trpc/… on Node's own request and response; the caller has checked the path's prefix. The
 * call is `handleTrpcFetch`'s, on the Web `Request` tRPC's Node adapter makes of Node's request, so
 * both ways share every option. A client that accepts no encoding (a script, a health check) skips
 * the compression wrapper.
 */
export function handleTrpcNode(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!req.headers['accept-encoding']) return answer(req, res);
  return new Promise((resolve, reject) => {
    // Express middleware: it wraps `res` and calls back at once.
    compress(req as CompressionArgs[0], res as CompressionArgs[1], () =>
      answer(req, res).then(resolve, reject),
    );
  });
}

async function answer(req: IncomingMessage, res: ServerResponse) {
  const response = await handleTrpcFetch(incomingMessageToRequest(req, res, { maxBodySize: null }));
  res.statusCode = response.status;
  for (const [name, value] of response.headers) if (name !== 'set-cookie') res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  // tRPC's batch answers are one JSON document: nothing here streams.
  res.end(Buffer.from(await response.arrayBuffer()));
}
