import { sql } from 'drizzle-orm';
import { draftsRouter } from './drafts/router';
import { authedProcedure, createCallerFactory, publicProcedure, router } from './trpc';

export const appRouter = router({
  health: publicProcedure.query(async ({ ctx }) => {
    await ctx.db.execute(sql`select 1`);
    return { ok: true as const, db: true as const };
  }),
  /** Who is signed in, in which organization, with which role. */
  me: authedProcedure.query(({ ctx }) => ctx.viewer),
  drafts: draftsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
