/**
 * One web process of `make start` (scripts/cluster.ts forks one per core onto the one port): Next.js's
 * production server for the pages, the assets and every route handler, with /api/trpc answered
 * first by tRPC's Node adapter (src/server/trpc-http.ts) — the same router, context, limits and
 * headers as the Next.js route, without Next's per-request pipeline around a JSON call.
 */
import { createServer } from 'node:http';
import next from 'next';
import { handleTrpcNode, TRPC_ENDPOINT } from '../src/server/trpc-http';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME_BIND || undefined;

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? 'localhost', port });
const handleNext = app.getRequestHandler();
await app.prepare();

const apiPrefix = `${TRPC_ENDPOINT}/`;

const server = createServer((req, res) => {
  const answer = req.url?.startsWith(apiPrefix) ? handleTrpcNode(req, res) : handleNext(req, res);
  // Both handlers answer their own errors; this is for a failure of the handler itself.
  answer.catch((error: unknown) => {
    console.error('[web] request failed', error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, hostname, () => {
  console.log(`[web ${process.env.ECHO_WEB_SLOT ?? 0}] ready on ${hostname ?? '*'}:${port}`);
});

function stop() {
  server.close(() => void app.close().finally(() => process.exit(0)));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
