import { userActor } from '../audit';
import { adminProcedure, authedProcedure, router } from '../trpc';
import { simulateInboundInput } from './schemas';
import { inboundOverview, simulateInboundEmail } from './service';

export const inboundRouter = router({
  /** Settings: the Reply-To every sent email carries, and held emails on this organization's domain. */
  overview: adminProcedure.query(({ ctx }) => inboundOverview(ctx.db, ctx.viewer.organizationId)),
  /** As if the email arrived: development and tests, or production with ECHO_SIMULATE_INBOUND=1. */
  simulate: authedProcedure.input(simulateInboundInput).mutation(({ ctx, input }) =>
    simulateInboundEmail(ctx.db, {
      organizationId: ctx.viewer.organizationId,
      actor: userActor(ctx.viewer.userId),
      ...input,
    }),
  ),
});
