import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emails } from '../../db/schema';
import { learningExamples } from '../../src/server/seed/learning-data';
import { seed } from '../../src/server/seed/seed';
import { callerFor, db } from '../helpers';

beforeAll(async () => {
  await seed(db, new Date(), { withLearningHistory: true });
});

afterAll(async () => {
  const { stopBoss } = await import('../../src/server/queue');
  await stopBoss();
});

describe('the demo seed with its learning history', () => {
  it('carries every edited-and-sent example with its similarity, and metrics chart them', async () => {
    const replies = await db
      .select()
      .from(emails)
      .where(and(eq(emails.direction, 'outbound'), isNotNull(emails.draftSimilarity)));
    expect(replies).toHaveLength(learningExamples.length);
    expect(replies.filter((reply) => reply.isSentUnedited)).toHaveLength(1);
    expect(replies.some((reply) => reply.body.includes('$300/month'))).toBe(true);
    const { drafting } = await (await callerFor('manager@echo.test')).metrics.summary({});
    expect(drafting.sent).toBeGreaterThanOrEqual(learningExamples.length);
    // Nothing is learned by seeding: proposals and style come from live sends.
    const admin = await callerFor('admin@echo.test');
    expect((await admin.knowledge.style()).items).toEqual([]);
    expect((await admin.knowledge.proposals({})).items).toEqual([]);
  });
});
