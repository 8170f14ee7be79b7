import { z } from 'zod';
import { draftStatuses, validationStatuses } from '../../../db/schema';

export const draftId = z.number().int().positive();
export const revision = z.number().int().nonnegative();

/** A reply is a few paragraphs; anything near this size is a paste accident, not an email. */
export const MAX_BODY_LENGTH = 20_000;
export const MAX_INSTRUCTION_LENGTH = 1_000;
export const MAX_REASON_LENGTH = 1_000;

/** `needs_attention`: failed validation or a failed delivery, whatever the status. */
export const draftListView = z.enum([...draftStatuses, 'needs_attention']);

export const listDraftsInput = z
  .object({
    status: draftListView.optional(),
    dealId: z.number().int().positive().optional(),
    validation: z.enum(validationStatuses).optional(),
    /** `me`: drafts on deals the viewer owns (the "Mine" view); `unassigned`: deals nobody owns. */
    assignee: z.enum(['me', 'unassigned']).optional(),
    cursor: z.string().max(500).nullish(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .default({ limit: 25 });

export type ListDraftsInput = z.infer<typeof listDraftsInput>;

export const getDraftInput = z.object({ id: draftId });

const draftBody = z
  .string()
  .max(MAX_BODY_LENGTH, `must be at most ${MAX_BODY_LENGTH.toLocaleString('en-US')} characters`)
  .refine((body) => body.trim().length > 0, 'must not be empty');

export const editDraftInput = z.object({ id: draftId, body: draftBody, revision });

export const regenerateDraftInput = z.object({
  id: draftId,
  instruction: z.string().trim().max(MAX_INSTRUCTION_LENGTH).nullish(),
  revision,
});

export const switchVersionInput = z.object({
  id: draftId,
  version: z.number().int().nonnegative(),
  revision,
});

export const approveDraftInput = z.object({
  id: draftId,
  revision,
  /** Needed when the draft failed validation; only a manager or admin may give one. */
  override: z
    .object({ reason: z.string().trim().min(1, 'must not be empty').max(MAX_REASON_LENGTH) })
    .optional(),
});

export const sendDraftInput = z.object({ id: draftId, revision });

export const undoSendInput = z.object({ id: draftId });

export const retryDeliveryInput = z.object({ id: draftId });

export const archiveDraftInput = z.object({
  id: draftId,
  reason: z.string().trim().max(MAX_REASON_LENGTH).nullish(),
});

export const restoreDraftInput = z.object({ id: draftId });

/** A bulk action's ceiling: a screenful of selections, not a table scan in one request. */
export const MAX_BULK_IDS = 100;

const draftIds = z
  .array(draftId)
  .min(1, 'select at least one draft')
  .max(MAX_BULK_IDS, `at most ${MAX_BULK_IDS} drafts at once`)
  .transform((ids) => [...new Set(ids)]);

export const assignDraftsInput = z.object({
  ids: draftIds,
  /** A member of the organization, or null to leave the deals unassigned. */
  userId: z.string().trim().min(1, 'must not be empty').max(200).nullable(),
});

export const archiveDraftsInput = z.object({
  ids: draftIds,
  reason: z.string().trim().max(MAX_REASON_LENGTH).nullish(),
});

export const requestOverrideInput = z.object({
  id: draftId,
  note: z.string().trim().min(1, 'must say what the manager should look at').max(MAX_REASON_LENGTH),
});

export type EditDraftInput = z.infer<typeof editDraftInput>;
export type RegenerateDraftInput = z.infer<typeof regenerateDraftInput>;
export type SwitchVersionInput = z.infer<typeof switchVersionInput>;
export type ApproveDraftInput = z.infer<typeof approveDraftInput>;
export type SendDraftInput = z.infer<typeof sendDraftInput>;
export type ArchiveDraftInput = z.infer<typeof archiveDraftInput>;
export type AssignDraftsInput = z.infer<typeof assignDraftsInput>;
export type ArchiveDraftsInput = z.infer<typeof archiveDraftsInput>;
export type RequestOverrideInput = z.infer<typeof requestOverrideInput>;
