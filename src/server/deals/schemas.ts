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

const isoDate = z.iso.date('must be a date as YYYY-MM-DD');

/** What the seeker asked for (PRODUCT.md: `requirements`); the same names the emails fill in. */
export const requirementsSchema = z
  .object({
    neighborhoods: z.array(z.string().trim().min(1).max(100)).max(20),
    moveInDate: isoDate,
    leaseMonths: z.number().int('must be a whole number').min(1).max(600),
    parking: z.boolean(),
    parkingSpots: z.number().int('must be a whole number').min(0).max(10_000),
    dogFriendly: z.boolean(),
    afterHours: z.boolean(),
    meetingRooms: z.boolean(),
    notes: z.string().trim().max(5000),
  })
  .partial()
  .strict();

const dealFields = z.object({
  seekerName: z.string().trim().min(1, 'is required').max(200),
  seekerEmail: z.string().trim().toLowerCase().pipe(z.email('must be an email address').max(320)),
  companyName: z.string().trim().min(1, 'is required').max(200),
  teamSize: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000),
  monthlyBudget: z.number().int('must be whole dollars').min(0).max(100_000_000),
  requirements: requirementsSchema.default({}),
  /** A member of the organization; null leaves the deal unassigned. */
  ownerId: z.string().min(1).max(200).nullish(),
});

export const createDealInput = dealFields;
export type CreateDealInput = z.infer<typeof createDealInput>;

export const updateDealInput = dealFields
  .partial()
  .extend({ id: dealId, revision: z.number().int().min(0), requirements: requirementsSchema.optional() });
export type UpdateDealInput = z.infer<typeof updateDealInput>;

export const attachSpaceInput = z.object({
  dealId,
  spaceId: z.number().int().positive(),
  status: z.enum(dealSpaceStatuses).optional(),
});
export type AttachSpaceInput = z.infer<typeof attachSpaceInput>;

export const detachSpaceInput = z.object({ dealId, spaceId: z.number().int().positive() });
export type DetachSpaceInput = z.infer<typeof detachSpaceInput>;
export const suggestionsInput = z.object({ id: dealId });

export const suggestionActionInput = z.object({ dealId, spaceId: z.number().int().positive() });
export type SuggestionActionInput = z.infer<typeof suggestionActionInput>;

export const acceptRequirementInput = z.object({ id: dealId, field: z.enum(requirementFields) });
