import type { DraftReasoning, DraftValidation } from '../../../db/schema';
import type { Executor } from '../db';
import type { RequirementsInput, RequirementsReading } from './requirements';

/** What the drafting pipeline is asked for: a reply to one inbound email of one organization. */
export type GenerateDraftRequest = {
  organizationId: string;
  inboundEmailId: number;
  /** The agent's instruction for a regeneration ("shorter"); absent for the first draft. */
  instruction?: string | null;
  /** The working body the instruction refers to, for a regeneration. */
  currentBody?: string | null;
};

/** A new version, validated (grounding checks and, when configured, the AI critique). */
export type GeneratedDraft = {
  body: string;
  confidence: number;
  reasoning: DraftReasoning;
  model: string;
  promptTokens: number;
  completionTokens: number;
  critiqueTokens: number;
  isOffline: boolean;
  validation: DraftValidation;
};

/**
 * The AI call behind a draft. Called outside any transaction (it reads with `db`, never writes);
 * throws when no draft could be produced, so the caller can release what it reserved.
 */
export interface DraftGenerator {
  generate(db: Executor, request: GenerateDraftRequest): Promise<GeneratedDraft>;
  /**
   * The seeker's requirements read by the model (checked against the email), or null when the
   * generator has no provider: the deterministic reading made on arrival then stands alone.
   */
  readRequirements?(input: RequirementsInput): Promise<RequirementsReading | null>;
}
