import { ServiceError } from '../errors';
import type { DraftGenerator } from './types';

export type { DraftGenerator, GenerateDraftRequest, GeneratedDraft } from './types';

class DraftingUnavailableError extends ServiceError {
  readonly code = 'PRECONDITION_FAILED';
}

/** The generator the app uses. (Issue 4 replaces this with the OpenAI drafter and the offline fallback.) */
export function draftGenerator(): DraftGenerator {
  return {
    async generate() {
      throw new DraftingUnavailableError('AI drafting is not available yet');
    },
  };
}
