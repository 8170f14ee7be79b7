import { authedProcedure, router } from '../trpc';
import { searchOrganization } from './queries';
import { searchInput } from './schemas';

export const searchRouter = router({
  /** The palette's search: the organization's drafts, emails, deals and spaces, best match first. */
  query: authedProcedure.input(searchInput).query(async ({ ctx, input }) => ({
    items: await searchOrganization(ctx.db, { ...input, organizationId: ctx.viewer.organizationId }),
  })),
});
