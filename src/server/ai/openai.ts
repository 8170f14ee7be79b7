import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { PromptMessage } from './prompts';
import {
  type CritiqueOutput,
  critiqueOutputSchema,
  type DraftOutput,
  draftOutputSchema,
  type RequirementsOutput,
  requirementsOutputSchema,
} from './schemas';

export type OpenAiSettings = {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** The SDK's own retries (429 and 5xx, with backoff) before the call counts as failed. */
  maxRetries?: number;
};

/** Token counts are null when a compatible server sends no usage. */
export type ModelCall<T> = { output: T; promptTokens: number | null; completionTokens: number | null };

export class ModelOutputError extends Error {}

/** The calls Echo makes: a draft, a critique and a requirements reading, all zod-validated structured output. */
export function createOpenAiClient(settings: OpenAiSettings) {
  const client = new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    timeout: settings.timeoutMs ?? 30_000,
    maxRetries: settings.maxRetries ?? 2,
  });

  async function call<T>(
    messages: PromptMessage[],
    format: ReturnType<
      typeof zodResponseFormat<
        typeof draftOutputSchema | typeof critiqueOutputSchema | typeof requirementsOutputSchema
      >
    >,
    maxTokens: number,
  ): Promise<ModelCall<T>> {
    const completion = await client.chat.completions.parse({
      model: settings.model,
      messages,
      response_format: format,
      temperature: 0.2,
      max_completion_tokens: maxTokens,
    });
    const choice = completion.choices[0];
    const parsed = choice?.message.parsed;
    if (!parsed) {
      throw new ModelOutputError(choice?.message.refusal ?? 'The model returned no structured answer');
    }
    return {
      output: parsed as T,
      promptTokens: completion.usage?.prompt_tokens ?? null,
      completionTokens: completion.usage?.completion_tokens ?? null,
    };
  }

  return {
    model: settings.model,
    draft: (messages: PromptMessage[]) =>
      call<DraftOutput>(messages, zodResponseFormat(draftOutputSchema, 'draft_reply'), 1_500),
    critique: (messages: PromptMessage[]) =>
      call<CritiqueOutput>(messages, zodResponseFormat(critiqueOutputSchema, 'draft_critique'), 600),
    requirements: (messages: PromptMessage[]) =>
      call<RequirementsOutput>(
        messages,
        zodResponseFormat(requirementsOutputSchema, 'deal_requirements'),
        500,
      ),
  };
}

export type OpenAiClient = ReturnType<typeof createOpenAiClient>;
