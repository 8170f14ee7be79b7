import { beforeAll, describe, expect, it } from 'vitest';
import { createDraftGenerator } from '../../src/server/ai/index';
import { generateFirstDraft } from '../../src/server/drafts/first-draft';
import { callerFor, db, seedDemo } from '../helpers';
import { addInbound } from './db-helpers';

beforeAll(async () => {
  await seedDemo();
});

describe('completeness through the app', () => {
  it('an edited reply that skips a question is `warnings`, with the missing question named', async () => {
    // Lattice's seeded email (key cards and meeting rooms) has no reply sent yet: its question counts too.
    const inbound = await addInbound(
      'Lattice AI',
      'Hi Alex,\n\n1. How much are key cards at the Union Square space?\n2. What internet does it have?\n\nP.S. how long is the lease?\n\nGrace',
    );
    const { draftId } = await generateFirstDraft(db, createDraftGenerator({ openai: null }), inbound);
    const caller = await callerFor('agent@echo.test');
    const draft = await caller.drafts.get({ id: draftId });
    // The offline drafter answered three from the records and deferred the lease in words.
    expect(draft.validation.questions).toMatchObject({ asked: 4, answered: 3, deferred: 1 });
    expect(draft.validation.status).toBe('passed');
    expect(draft.body).toContain("I'll confirm the lease length");

    await caller.drafts.edit({
      id: draftId,
      revision: draft.revision,
      body: 'Hi Grace,\n\nKey cards at Union Square 14th Floor are $30 each. It has 3 meeting rooms.\n\nBest,\nAlex',
    });
    const after = await caller.drafts.get({ id: draftId });
    expect(after.validationStatus).toBe('warnings');
    expect(after.validation.questions).toMatchObject({ asked: 4, answered: 2, deferred: 0 });
    expect(after.validation.issues.map((issue) => issue.claim)).toEqual([
      'Unanswered question: “What internet does it have?”',
      'Unanswered question: “how long is the lease?”',
    ]);
  });
});
