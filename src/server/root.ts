import { sql } from 'drizzle-orm';
import { dealsRouter } from './deals/router';
import { draftsRouter } from './drafts/router';
import { inboundRouter } from './inbound/router';
import { joiningRouter } from './joining/router';
import { knowledgeRouter } from './knowledge/router';
import { liveRouter } from './live/router';
import { metricsRouter } from './metrics/router';
import { searchRouter } from './search/router';
import { settingsRouter } from './settings/router';
import { spacesRouter } from './spaces/router';
import { authedProcedure, createCallerFactory, publicProcedure, router } from './trpc';

export const appRouter = router({
  health: publicProcedure.query(async ({ ctx }) => {
    await ctx.db.execute(sql`select 1`);
    return { ok: true as const, db: true as const };
  }),
  /** Who is signed in, in which organization, with which role. */
  me: authedProcedure.query(({ ctx }) => ctx.viewer),
  drafts: draftsRouter,
  deals: dealsRouter,
  spaces: spacesRouter,
  metrics: metricsRouter,
  inbound: inboundRouter,
  settings: settingsRouter,
  joining: joiningRouter,
  search: searchRouter,
  live: liveRouter,
  knowledge: knowledgeRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
