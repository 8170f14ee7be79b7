import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { createCaller } from '@/server/root';
import { createTRPCContext } from '@/server/trpc';

/** The tRPC caller for React Server Components, with the request's session. */
export const serverApi = cache(async () =>
  createCaller(await createTRPCContext({ headers: await headers() })),
);
