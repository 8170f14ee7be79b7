import type PgBoss from 'pg-boss';
import { type DraftGenerator, draftGenerator } from '../ai';
import type { Executor } from '../db';
import { db as defaultDb } from '../db';
import { readRequirementsWithProvider } from '../deals/requirements/service';
import { generateFirstDraft, recordDraftFailure } from '../drafts/first-draft';
import { generateDraftPayload, queues, readPayload } from '../queue';
import type { JobDefinition } from './job';

type Dependencies = { db?: Executor; generator?: () => DraftGenerator };

/**
 * The draft for an inbound email (a new one, or a new version of the thread's pending one). A failure throws, so pg-boss retries with backoff; after the last
 * retry the job moves to the dead-letter queue.
 */
export function generateDraftHandler(deps: Dependencies = {}) {
  return async (jobs: PgBoss.Job<unknown>[]) => {
    for (const job of jobs) {
      const payload = readPayload('generateDraft', job);
      const db = deps.db ?? defaultDb;
      const generator = (deps.generator ?? draftGenerator)();
      // The model's reading of the requirements first, so the draft proposes from the best picture.
      await readRequirementsWithProvider(db, generator, payload);
      await generateFirstDraft(db, generator, payload);
    }
  };
}

/** A job that used up its retries: the failure goes on the inbound email, where the deal shows it. */
export function generateDraftDeadHandler(deps: Dependencies = {}) {
  return async (jobs: PgBoss.Job<unknown>[]) => {
    for (const job of jobs) {
      const parsed = generateDraftPayload.safeParse(job.data);
      if (!parsed.success) {
        console.error('[jobs] dead draft.generate job with a malformed payload', job.id);
        continue;
      }
      await recordDraftFailure(deps.db ?? defaultDb, {
        ...parsed.data,
        error: `The AI draft could not be generated after ${queues.generateDraft.retryLimit + 1} attempts.`,
      });
    }
  };
}

export const generateDraftJobs: JobDefinition[] = [
  { queue: queues.generateDraft.name, handler: generateDraftHandler() },
  { queue: queues.generateDraftDead.name, handler: generateDraftDeadHandler() },
];
