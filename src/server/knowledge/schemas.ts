import { z } from 'zod';
import { knowledgeProposalStatuses } from '../../../db/schema';

export const listProposalsInput = z
  .object({ status: z.enum(knowledgeProposalStatuses).optional() })
  .default({});
export type ListProposalsInput = z.infer<typeof listProposalsInput>;

export const proposalIdInput = z.object({ id: z.number().int().positive() });
export const styleItemIdInput = z.object({ id: z.number().int().positive() });
