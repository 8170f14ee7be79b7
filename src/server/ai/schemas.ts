import { z } from 'zod';

/**
 * What the model must return. Strict structured output wants every field present, so "optional"
 * is spelled nullable. The same schema validates the answer: nothing else reaches a draft.
 */
export const draftOutputSchema = z.object({
  body: z.string().min(1).max(10_000),
  confidence: z.number().int().min(0).max(100),
  reasoning: z.object({
    questionsAddressed: z.array(
      z.object({ question: z.string(), answer: z.string(), sourceEmailId: z.number().int().nullable() }),
    ),
    dataUsed: z.array(
      z.object({
        dataPoint: z.string(),
        sourceType: z.enum(['space', 'deal', 'email', 'organization']),
        sourceId: z.string(),
        fieldPath: z.string(),
        value: z.string(),
      }),
    ),
    schedulingLogic: z.array(z.string()),
    needsHumanReview: z.array(z.string()),
  }),
});
export type DraftOutput = z.infer<typeof draftOutputSchema>;

export const critiqueOutputSchema = z.object({
  issues: z.array(
    z.object({
      claim: z.string(),
      expected: z.string(),
      source: z.string(),
      severity: z.enum(['warning', 'error']),
    }),
  ),
});
export type CritiqueOutput = z.infer<typeof critiqueOutputSchema>;

/** The completeness part of a validation: how many of the seeker's questions the reply answers or defers. */
export const questionsSummarySchema = z.object({
  asked: z.number().int().min(0),
  answered: z.number().int().min(0),
  deferred: z.number().int().min(0),
  unanswered: z.array(z.string()).optional(),
});

/** A stored validation (grounding, completeness and critique together), as on every version. */
export const draftValidationSchema = z.object({
  status: z.enum(['passed', 'warnings', 'failed']),
  issues: z.array(
    z.object({
      claim: z.string(),
      expected: z.string(),
      source: z.string(),
      severity: z.enum(['warning', 'error']),
      layer: z.enum(['grounding', 'critique']).optional(),
      start: z.number().int().min(0).optional(),
      end: z.number().int().min(0).optional(),
    }),
  ),
  checkedAt: z.string(),
  questions: questionsSummarySchema.optional(),
});

/** One requirement as the model read it: the value and the email's own words it comes from. */
const quoted = <T extends z.ZodType>(value: T) => z.object({ value, words: z.string() }).nullable();

/** Requirement extraction: every field present (strict), null when the email does not say. */
export const requirementsOutputSchema = z.object({
  teamSize: quoted(z.number().int()),
  monthlyBudget: quoted(z.number().int()),
  neighborhoods: quoted(z.array(z.string())),
  moveInDate: quoted(z.string()),
  leaseMonths: quoted(z.number().int()),
  parking: quoted(z.boolean()),
  parkingSpots: quoted(z.number().int()),
  dogFriendly: quoted(z.boolean()),
  afterHours: quoted(z.boolean()),
  meetingRooms: quoted(z.boolean()),
});
export type RequirementsOutput = z.infer<typeof requirementsOutputSchema>;
