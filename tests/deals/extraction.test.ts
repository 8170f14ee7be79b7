import { describe, expect, it } from 'vitest';
import { scoreExtraction } from '../../src/server/deals/requirements/accuracy';
import { extractRequirements } from '../../src/server/deals/requirements/extract';
import { corpus, DEFAULT_SENT_AT, KNOWN_NEIGHBORHOODS } from './corpus/inquiries';

describe('requirement extraction over the inquiry corpus', () => {
  it('holds at least 60 labelled inquiries', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
  });

  it('reads every field at least 95% exactly', () => {
    const scores = scoreExtraction(
      corpus.map((email) => ({
        email,
        extracted: extractRequirements(email.body, {
          sentAt: new Date(email.sentAt ?? DEFAULT_SENT_AT),
          knownNeighborhoods: KNOWN_NEIGHBORHOODS,
        }),
      })),
    );
    for (const score of scores) {
      expect({ field: score.field, share: score.correct / score.total, misses: score.misses }).toMatchObject({
        share: expect.any(Number),
      });
      expect(
        score.correct / score.total,
        `${score.field}: ${score.misses.join('; ')}`,
      ).toBeGreaterThanOrEqual(0.95);
    }
  });
});
