import { authedProcedure, router } from '../trpc';
import { getDraft, listDrafts } from './queries';
import { getDraftInput, listDraftsInput } from './schemas';

export const draftsRouter = router({
  list: authedProcedure
    .input(listDraftsInput)
    .query(({ ctx, input }) => listDrafts(ctx.db, { ...input, organizationId: ctx.viewer.organizationId })),
  get: authedProcedure
    .input(getDraftInput)
    .query(({ ctx, input }) => getDraft(ctx.db, { id: input.id, organizationId: ctx.viewer.organizationId })),
});
