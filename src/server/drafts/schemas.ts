import { z } from 'zod';
import { draftStatuses, validationStatuses } from '../../../db/schema';

export const draftId = z.number().int().positive();
export const revision = z.number().int().nonnegative();

/** `needs_attention`: failed validation or a failed delivery, whatever the status. */
export const draftListView = z.enum([...draftStatuses, 'needs_attention']);

export const listDraftsInput = z
  .object({
    status: draftListView.optional(),
    dealId: z.number().int().positive().optional(),
    validation: z.enum(validationStatuses).optional(),
    cursor: z.string().max(500).nullish(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .default({ limit: 25 });

export type ListDraftsInput = z.infer<typeof listDraftsInput>;

export const getDraftInput = z.object({ id: draftId });
