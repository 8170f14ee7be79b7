import type { DraftReasoning, ValidationIssue } from '../../../db/schema';
import type { Executor } from '../db';
import { env } from '../env';
import { ServiceError } from '../errors';
import { CircuitBreaker } from './breaker';
import { type DraftContext, fitContext, loadDraftContext } from './context';
import { combineValidation, computeConfidence, validateDraftBody } from './grounding';
import { draftOffline, OFFLINE_MODEL } from './offline';
import { createOpenAiClient, type OpenAiClient, type OpenAiSettings } from './openai';
import {
  buildCritiqueMessages,
  buildDraftMessages,
  countPromptTokens,
  DEFAULT_TOKEN_BUDGET,
} from './prompts';
import { readRequirementsWithModel } from './requirements';
import { toPlainText } from './sanitize';
import type { DraftOutput } from './schemas';
import type { DraftGenerator, GenerateDraftRequest, GeneratedDraft } from './types';

export type { DraftContext } from './context';
export { loadDraftContext } from './context';
export { validateDraftBody } from './grounding';
export type { DraftGenerator, GenerateDraftRequest, GeneratedDraft } from './types';

/**
 * A regeneration the provider could not produce. First drafts fall back to the offline drafter (an
 * agent must always have a draft); a regeneration fails instead, so its allowance is released and the
 * agent keeps the draft they had.
 */
export class DraftingUnavailableError extends ServiceError {
  readonly code = 'PRECONDITION_FAILED';
  constructor(reason: string) {
    super(
      `The AI could not write a new version right now (${reason}). Nothing was used up; try again shortly.`,
    );
  }
}

export type DraftGeneratorOptions = {
  /** Null or absent: offline drafting only. */
  openai?: OpenAiSettings | null;
  breaker?: CircuitBreaker;
  tokenBudget?: number;
  now?: () => Date;
};

function offlineDraft(
  context: DraftContext,
  request: GenerateDraftRequest,
  now: Date,
  why?: string,
): GeneratedDraft {
  const draft = draftOffline(context, { instruction: request.instruction });
  const reasoning = why
    ? { ...draft.reasoning, needsHumanReview: [why, ...(draft.reasoning.needsHumanReview ?? [])] }
    : draft.reasoning;
  const validation = validateDraftBody(draft.body, context, now);
  const { confidence, basis } = computeConfidence({
    validation,
    unknowns: draft.reasoning.needsHumanReview?.length ?? 0,
  });
  return {
    body: draft.body,
    confidence,
    reasoning: { ...reasoning, confidenceBasis: basis },
    model: OFFLINE_MODEL,
    promptTokens: 0,
    completionTokens: 0,
    critiqueTokens: 0,
    isOffline: true,
    validation,
  };
}

function toReasoning(output: DraftOutput['reasoning']): DraftReasoning {
  return {
    questionsAddressed: output.questionsAddressed.map((q) => ({
      question: toPlainText(q.question),
      answer: toPlainText(q.answer),
      ...(q.sourceEmailId === null ? {} : { sourceEmailId: q.sourceEmailId }),
    })),
    dataUsed: output.dataUsed.map((d) => ({
      dataPoint: toPlainText(d.dataPoint),
      sourceType: d.sourceType,
      sourceId: /^\d+$/.test(d.sourceId) ? Number(d.sourceId) : d.sourceId,
      fieldPath: d.fieldPath,
      value: d.value,
    })),
    schedulingLogic: output.schedulingLogic.map(toPlainText),
    needsHumanReview: output.needsHumanReview.map(toPlainText),
  };
}

const describe = (error: unknown) =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error))
    .replace(/\s+/g, ' ')
    .slice(0, 200);

/**
 * The drafting pipeline: OpenAI (draft, then critique) when configured, the offline drafter when
 * not, and the offline drafter again when the provider fails after its retries or the circuit is open.
 * Reads with `db`; never writes, never runs inside a transaction.
 */
export function createDraftGenerator(options: DraftGeneratorOptions = {}): DraftGenerator {
  const client: OpenAiClient | null = options.openai ? createOpenAiClient(options.openai) : null;
  const breaker = options.breaker ?? new CircuitBreaker();
  const budget = options.tokenBudget ?? DEFAULT_TOKEN_BUDGET;
  const now = options.now ?? (() => new Date());

  async function critique(context: DraftContext, body: string) {
    if (!client || !breaker.tryAcquire())
      return { issues: [] as ValidationIssue[], tokens: 0, failure: 'skipped' };
    try {
      const result = await client.critique(buildCritiqueMessages(context, body));
      breaker.recordSuccess();
      const issues: ValidationIssue[] = result.output.issues.map((issue) => {
        const claim = toPlainText(issue.claim);
        const start = claim ? body.indexOf(claim) : -1;
        return {
          claim,
          expected: toPlainText(issue.expected),
          source: issue.source,
          severity: issue.severity,
          layer: 'critique',
          ...(start >= 0 ? { start, end: start + claim.length } : {}),
        };
      });
      const tokens = (result.promptTokens ?? 0) + (result.completionTokens ?? 0);
      return { issues, tokens, failure: null };
    } catch (error) {
      breaker.recordFailure();
      return { issues: [], tokens: 0, failure: describe(error) };
    }
  }

  return {
    async readRequirements(input) {
      if (!client) return null;
      return readRequirementsWithModel(client, breaker, input);
    },
    async generate(db: Executor, request: GenerateDraftRequest): Promise<GeneratedDraft> {
      const context = await loadDraftContext(db, request);
      if (!client) return offlineDraft(context, request, now());
      const isRegeneration = request.currentBody !== undefined && request.currentBody !== null;
      if (!breaker.tryAcquire()) {
        if (isRegeneration) throw new DraftingUnavailableError('the AI provider is failing');
        return offlineDraft(
          context,
          request,
          now(),
          'Drafted offline: the AI provider is failing (circuit open)',
        );
      }

      const current = request.currentBody ? toPlainText(request.currentBody) : null;
      const fitted = fitContext(
        context,
        (candidate) => countPromptTokens(buildDraftMessages(candidate, { ...request, currentBody: current })),
        budget,
      );
      const messages = buildDraftMessages(fitted, { ...request, currentBody: current });
      let drafted: Awaited<ReturnType<OpenAiClient['draft']>>;
      try {
        drafted = await client.draft(messages);
        breaker.recordSuccess();
      } catch (error) {
        breaker.recordFailure();
        if (isRegeneration) throw new DraftingUnavailableError(describe(error));
        console.warn('[ai] drafting failed, falling back to the offline drafter:', describe(error));
        return offlineDraft(
          context,
          request,
          now(),
          `Drafted offline: the AI provider failed (${describe(error)})`,
        );
      }

      const body = toPlainText(drafted.output.body);
      if (!body) {
        return offlineDraft(context, request, now(), 'Drafted offline: the AI returned an empty body');
      }
      const reasoning = toReasoning(drafted.output.reasoning);
      // Grounding reads the full records, not the trimmed prompt: a fact left out to save tokens is still true.
      const grounding = validateDraftBody(body, context, now());
      const review = await critique(fitted, body);
      if (review.failure) reasoning.needsHumanReview?.push(`AI critique did not run (${review.failure})`);
      if (fitted.omitted.messages || fitted.omitted.spaces || fitted.omitted.inboundChars) {
        reasoning.needsHumanReview?.push(
          `Left out of the prompt to fit ${budget} tokens: ${fitted.omitted.messages} older messages, ${fitted.omitted.spaces} spaces, ${fitted.omitted.inboundChars} characters of the email`,
        );
      }
      const validation = combineValidation(grounding.issues, review.issues, now(), grounding.questions);
      const { confidence, basis } = computeConfidence({
        validation,
        unknowns: reasoning.needsHumanReview?.length ?? 0,
        modelConfidence: drafted.output.confidence,
      });
      return {
        body,
        confidence,
        reasoning: { ...reasoning, confidenceBasis: basis },
        model: client.model,
        // Our own count when the server reports no usage.
        promptTokens: drafted.promptTokens ?? countPromptTokens(messages),
        completionTokens: drafted.completionTokens ?? countPromptTokens([{ role: 'user', content: body }]),
        critiqueTokens: review.tokens,
        isOffline: false,
        validation,
      };
    },
  };
}

const globalForAi = globalThis as unknown as { echoDraftGenerator?: DraftGenerator };

/** The generator the app uses, one per process (so its circuit breaker sees every call). */
export function draftGenerator(): DraftGenerator {
  if (!globalForAi.echoDraftGenerator) {
    globalForAi.echoDraftGenerator = createDraftGenerator({
      openai: env.OPENAI_API_KEY
        ? {
            apiKey: env.OPENAI_API_KEY,
            baseURL: env.OPENAI_BASE_URL,
            model: env.OPENAI_MODEL,
            timeoutMs: 30_000,
            maxRetries: 2,
          }
        : null,
      breaker: new CircuitBreaker({ failureThreshold: 3, coolOffMs: 60_000 }),
    });
  }
  return globalForAi.echoDraftGenerator;
}
