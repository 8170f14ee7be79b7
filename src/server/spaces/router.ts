import { authedProcedure, router } from '../trpc';
import { listSpaces } from './queries';
import { listSpacesInput } from './schemas';

export const spacesRouter = router({
  list: authedProcedure
    .input(listSpacesInput)
    .query(({ ctx, input }) => listSpaces(ctx.db, { ...input, organizationId: ctx.viewer.organizationId })),
});
