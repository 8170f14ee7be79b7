import { z } from 'zod';
import { dealSpaceStatuses, dealStages, requirementFields } from '../../../db/schema';
import { slaLevels } from '../sla';

export const dealId = z.number().int().positive();

export const boardInput = z
  .object({
    ownerId: z.string().min(1).max(200).optional(),
    /** Only cards whose worst reply-time level is this one. */
    slaLevel: z.enum(slaLevels).optional(),
    /** Only deals with an inbound email still waiting for a reply. */
    needsReply: z.boolean().optional(),
  })
  .default({});
export type BoardInput = z.infer<typeof boardInput>;

export const getDealInput = z.object({ id: dealId });

export const moveStageInput = z.object({
  id: dealId,
  stage: z.enum(dealStages),
  /** Index in the target column once the card is there (0 = top); the end of the column when left out. */
  position: z.number().int().min(0).max(100_000).optional(),
});
export type MoveStageInput = z.infer<typeof moveStageInput>;

export const setSpaceStatusInput = z.object({
  dealId,
  spaceId: z.number().int().positive(),
  status: z.enum(dealSpaceStatuses),
});
export type SetSpaceStatusInput = z.infer<typeof setSpaceStatusInput>;

export const suggestionsInput = z.object({ id: dealId });

export const suggestionActionInput = z.object({ dealId, spaceId: z.number().int().positive() });
export type SuggestionActionInput = z.infer<typeof suggestionActionInput>;

export const acceptRequirementInput = z.object({ id: dealId, field: z.enum(requirementFields) });
