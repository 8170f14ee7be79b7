import { userActor } from '../audit';
import { authedProcedure, managerProcedure, router } from '../trpc';
import { getBoard, getDeal } from './queries';
import { boardInput, getDealInput, moveStageInput, setSpaceStatusInput } from './schemas';
import { moveDealStage, setDealSpaceStatus } from './service';

export const dealsRouter = router({
  board: authedProcedure
    .input(boardInput)
    .query(({ ctx, input }) => getBoard(ctx.db, { ...input, organizationId: ctx.viewer.organizationId })),
  get: authedProcedure
    .input(getDealInput)
    .query(({ ctx, input }) => getDeal(ctx.db, { id: input.id, organizationId: ctx.viewer.organizationId })),
  /** Managers run the pipeline; agents see the board read-only. */
  moveStage: managerProcedure.input(moveStageInput).mutation(({ ctx, input }) =>
    moveDealStage(ctx.db, {
      ...input,
      organizationId: ctx.viewer.organizationId,
      actor: userActor(ctx.viewer.userId),
    }),
  ),
  setSpaceStatus: authedProcedure.input(setSpaceStatusInput).mutation(({ ctx, input }) =>
    setDealSpaceStatus(ctx.db, {
      ...input,
      organizationId: ctx.viewer.organizationId,
      actor: userActor(ctx.viewer.userId),
    }),
  ),
});
