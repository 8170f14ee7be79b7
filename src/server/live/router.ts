import { authedProcedure, router } from '../trpc';
import { leavePresence, markPresence } from './presence';
import { countPending, listPresence } from './queries';
import { heartbeatInput, presenceInput } from './schemas';

/** Presence on a draft and the tab's count; the events themselves come from /api/events. */
export const liveRouter = router({
  presence: authedProcedure.input(presenceInput).query(({ ctx, input }) =>
    listPresence(ctx.db, {
      draftId: input.id,
      organizationId: ctx.viewer.organizationId,
      viewerId: ctx.viewer.userId,
    }),
  ),
  heartbeat: authedProcedure
    .input(heartbeatInput)
    .mutation(({ ctx, input }) => markPresence(ctx.db, { ...input, actor: ctx.viewer })),
  leave: authedProcedure
    .input(presenceInput)
    .mutation(({ ctx, input }) => leavePresence(ctx.db, { id: input.id, actor: ctx.viewer })),
  pendingCount: authedProcedure.query(({ ctx }) =>
    countPending(ctx.db, { organizationId: ctx.viewer.organizationId }),
  ),
});
