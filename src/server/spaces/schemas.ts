import { z } from 'zod';

export const listSpacesInput = z
  .object({
    /** With a deal: each space says how it stands on that deal (null when not linked). */
    dealId: z.number().int().positive().optional(),
  })
  .default({});
export type ListSpacesInput = z.infer<typeof listSpacesInput>;
