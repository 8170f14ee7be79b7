import { z } from 'zod';
import { parseAddress } from './clean';

export const simulateInboundInput = z.object({
  from: z
    .string()
    .trim()
    .min(3)
    .max(320)
    .refine(
      (value) => parseAddress(value) !== null,
      'must be an email address, e.g. "Priya <priya@acme.example>"',
    ),
  subject: z.string().trim().min(1).max(998),
  body: z.string().trim().min(1).max(100_000),
  dealId: z.number().int().positive().optional(),
});
export type SimulateInboundInput = z.infer<typeof simulateInboundInput>;
