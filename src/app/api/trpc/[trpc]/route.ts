import { handleTrpcFetch } from '@/server/trpc-http';

// `make start` answers /api/trpc before Next.js sees it (scripts/web.ts); this route is the same API
// for `next dev` and for a plain `next start`.
export { handleTrpcFetch as GET, handleTrpcFetch as POST };
