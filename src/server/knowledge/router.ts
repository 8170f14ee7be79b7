import { userActor } from '../audit';
import { listStyleItems } from '../learning/queries';
import { removeStyleItem } from '../learning/style-service';
import { adminProcedure, authedProcedure, managerProcedure, router } from '../trpc';
import { listProposals } from './queries';
import { listProposalsInput, proposalIdInput, styleItemIdInput } from './schemas';
import { acceptProposal, dismissProposal } from './service';

/** Facts learned from sent replies (everyone reads, managers decide) and the organization's style (admins). */
export const knowledgeRouter = router({
  proposals: authedProcedure
    .input(listProposalsInput)
    .query(({ ctx, input }) =>
      listProposals(ctx.db, { ...input, organizationId: ctx.viewer.organizationId }),
    ),
  accept: managerProcedure.input(proposalIdInput).mutation(({ ctx, input }) =>
    acceptProposal(ctx.db, {
      id: input.id,
      organizationId: ctx.viewer.organizationId,
      actor: userActor(ctx.viewer.userId),
    }),
  ),
  dismiss: managerProcedure.input(proposalIdInput).mutation(({ ctx, input }) =>
    dismissProposal(ctx.db, {
      id: input.id,
      organizationId: ctx.viewer.organizationId,
      actor: userActor(ctx.viewer.userId),
    }),
  ),
  style: adminProcedure.query(async ({ ctx }) => ({
    items: await listStyleItems(ctx.db, { organizationId: ctx.viewer.organizationId }),
  })),
  removeStyle: adminProcedure.input(styleItemIdInput).mutation(({ ctx, input }) =>
    removeStyleItem(ctx.db, {
      id: input.id,
      organizationId: ctx.viewer.organizationId,
      actor: userActor(ctx.viewer.userId),
    }),
  ),
});
