import { userActor } from '../audit';
import { authedProcedure, managerProcedure, router } from '../trpc';
import { getBoard, getDeal, listOwners } from './queries';
import { acceptPendingRequirement } from './requirements/service';
import {
  acceptRequirementInput,
  attachSpaceInput,
  boardInput,
  createDealInput,
  detachSpaceInput,
  getDealInput,
  moveStageInput,
  setSpaceStatusInput,
  suggestionActionInput,
  suggestionsInput,
  updateDealInput,
} from './schemas';
import {
  attachSpace,
  createDeal,
  detachSpace,
  moveDealStage,
  setDealSpaceStatus,
  updateDeal,
} from './service';
import { suggestSpaces } from './shortlist/query';
import { dismissSuggestion, keepSuggestion } from './shortlist/service';

export const dealsRouter = router({
  board: authedProcedure
    .input(boardInput)
    .query(({ ctx, input }) => getBoard(ctx.db, { ...input, organizationId: ctx.viewer.organizationId })),
  /** Who can own a deal: the organization's members. */
  owners: authedProcedure.query(({ ctx }) =>
    listOwners(ctx.db, { organizationId: ctx.viewer.organizationId }),
  ),
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
  /** Deals and the spaces on them are kept by managers and admins; agents read them. */
  create: managerProcedure.input(createDealInput).mutation(({ ctx, input }) =>
    createDeal(ctx.db, {
      ...input,
      organizationId: ctx.viewer.organizationId,
      actor: userActor(ctx.viewer.userId),
    }),
  ),
  update: managerProcedure.input(updateDealInput).mutation(({ ctx, input }) =>
    updateDeal(ctx.db, {
      ...input,
      organizationId: ctx.viewer.organizationId,
      actor: userActor(ctx.viewer.userId),
    }),
  ),
  attachSpace: managerProcedure.input(attachSpaceInput).mutation(({ ctx, input }) =>
    attachSpace(ctx.db, {
      ...input,
      organizationId: ctx.viewer.organizationId,
      actor: userActor(ctx.viewer.userId),
    }),
  ),
  detachSpace: managerProcedure.input(detachSpaceInput).mutation(({ ctx, input }) =>
    detachSpace(ctx.db, {
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
