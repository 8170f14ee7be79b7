import { describe, expect, it } from 'vitest';
import { checkCompleteness, checkGrounding } from '../../../src/server/ai/grounding';
import { draftOffline } from '../../../src/server/ai/offline';
import { seedContext } from '../fixtures';
import { bodies, planted } from './replies';
import { seekerEmails } from './seekers';

const corpus = bodies();
const contexts = new Map<string, ReturnType<typeof seedContext>>();
const contextOf = (deal: string) => {
  const context = contexts.get(deal) ?? seedContext(deal);
  contexts.set(deal, context);
  return context;
};

describe('the corpus', () => {
  it('is big enough: ≥ 200 replies (half grounded), ≥ 60 seeker emails, every family planted', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(corpus.filter((b) => !b.planted).length).toBeGreaterThanOrEqual(100);
    expect(corpus.filter((b) => b.planted).length).toBeGreaterThanOrEqual(100);
    expect(seekerEmails.length).toBeGreaterThanOrEqual(60);
    expect(new Set(planted.map((p) => p.family)).size).toBe(14);
  });

  it('no grounded reply is flagged', () => {
    const flagged = corpus
      .filter((b) => !b.planted)
      .map((b) => ({ body: b.body, issues: checkGrounding(b.body, contextOf(b.deal)).map((i) => i.claim) }))
      .filter((b) => b.issues.length > 0);
    expect(flagged).toEqual([]);
  });

  it('every planted error is caught, and nothing else in its reply', () => {
    const wrong = corpus
      .filter((b) => b.planted)
      .map((b) => ({
        claim: b.planted?.claim ?? '',
        errors: checkGrounding(b.body, contextOf(b.deal))
          .filter((i) => i.severity === 'error')
          .map((i) => i.claim),
      }))
      .filter((b) => b.errors.length !== 1 || !b.errors[0]?.toLowerCase().includes(b.claim.toLowerCase()));
    expect(wrong).toEqual([]);
  });

  it('the offline drafter answers ≥ 90% of answerable questions and defers every other one, grounded', () => {
    let answerable = 0;
    let answered = 0;
    const notDeferred: string[] = [];
    for (const email of seekerEmails) {
      const base = seedContext(email.deal, email.text);
      const context = { ...base, inbound: { ...base.inbound, subject: email.subject } };
      const draft = draftOffline(context);
      expect(checkGrounding(draft.body, context).filter((i) => i.severity === 'error')).toEqual([]);
      const { statuses } = checkCompleteness(draft.body, context);
      for (const question of email.questions) {
        const status = statuses.find((s) =>
          s.question.text.toLowerCase().includes(question.cue.toLowerCase()),
        );
        expect(status, `detected: ${question.cue}`).toBeDefined();
        if (question.answerable) {
          answerable += 1;
          if (status?.status === 'answered') answered += 1;
        } else if (status?.status !== 'deferred') notDeferred.push(question.cue);
      }
    }
    expect(answered / answerable).toBeGreaterThanOrEqual(0.9);
    expect(notDeferred).toEqual([]);
  });
});
