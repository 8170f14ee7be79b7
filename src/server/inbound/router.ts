import { userActor } from '../audit';
import { authedProcedure, router } from '../trpc';
import { simulateInboundInput } from './schemas';
import { simulateInboundEmail } from './service';

export const inboundRouter = router({
  /** As if the email arrived: development and tests, or production with ECHO_SIMULATE_INBOUND=1. */
  simulate: authedProcedure.input(simulateInboundInput).mutation(({ ctx, input }) =>
    simulateInboundEmail(ctx.db, {
      organizationId: ctx.viewer.organizationId,
      actor: userActor(ctx.viewer.userId),
      ...input,
    }),
  ),
});
