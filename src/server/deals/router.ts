import { userActor } from '../audit';
import { authedProcedure, managerProcedure, router } from '../trpc';
import { getBoard, getDeal } from './queries';
import { acceptPendingRequirement } from './requirements/service';
import {
  acceptRequirementInput,
  boardInput,
  getDealInput,
  moveStageInput,
  setSpaceStatusInput,
  suggestionActionInput,
  suggestionsInput,
} from './schemas';
import { moveDealStage, setDealSpaceStatus } from './service';
import { suggestSpaces } from './shortlist/query';
import { dismissSuggestion, keepSuggestion } from './shortlist/service';

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
  /** The ranked shortlist from the inventory, each space with its reasons; best first. */
  suggestions: authedProcedure
    .input(suggestionsInput)
    .query(({ ctx, input }) =>
      suggestSpaces(ctx.db, { dealId: input.id, organizationId: ctx.viewer.organizationId }),
    ),
  keepSuggestion: authedProcedure.input(suggestionActionInput).mutation(({ ctx, input }) =>
    keepSuggestion(ctx.db, {
      ...input,
      organizationId: ctx.viewer.organizationId,
      actor: userActor(ctx.viewer.userId),
    }),
  ),
  dismissSuggestion: authedProcedure.input(suggestionActionInput).mutation(({ ctx, input }) =>
    dismissSuggestion(ctx.db, {
      ...input,
      organizationId: ctx.viewer.organizationId,
      actor: userActor(ctx.viewer.userId),
    }),
  ),
  /** Take what the email says for a field entered by hand ("the email says 12 people — update?"). */
  acceptRequirement: authedProcedure.input(acceptRequirementInput).mutation(({ ctx, input }) =>
    acceptPendingRequirement(ctx.db, {
      dealId: input.id,
      field: input.field,
      organizationId: ctx.viewer.organizationId,
      actor: userActor(ctx.viewer.userId),
    }),
  ),
});
