import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftVersions, emailDrafts } from '../../db/schema';
import { draftRow, emailRow, makeDraft, OTHER, setSettings, TANDEM } from '../drafts/support';
import { callerFor, db, seedDemo } from '../helpers';

beforeAll(async () => {
  await seedDemo();
  await setSettings(TANDEM, { undoWindowSeconds: 3600 });
});

afterAll(async () => {
  const { getBoss } = await import('../../src/server/queue');
  await (await getBoss()).stop({ graceful: false });
});

async function sendWithBody(body: string | null) {
  const { draft } = await makeDraft({ status: 'approved' });
  if (body !== null)
    await db.update(emailDrafts).set({ body, isEdited: true }).where(eq(emailDrafts.id, draft.id));
  const agent = await callerFor('agent@echo.test');
  const current = await draftRow(draft.id);
  const sent = await agent.drafts.send({ id: draft.id, revision: current.revision });
  return { draft, email: await emailRow(sent.email.id) };
}

describe('similarity on send', () => {
  it('stores 1 and "sent unedited" on the email and the version when the body was not changed', async () => {
    const { draft, email } = await sendWithBody(null);
    expect(email.draftSimilarity).toBe(1);
    expect(email.isSentUnedited).toBe(true);
    expect(email.draftVersion).toBe(0);
    const [version] = await db.select().from(draftVersions).where(eq(draftVersions.draftId, draft.id));
    expect(version?.sentSimilarity).toBe(1);
  });

  it('stores a lower similarity and the word distance when the agent rewrote the reply', async () => {
    const { email } = await sendWithBody('Call me tomorrow, we can talk about the lease.');
    expect(email.isSentUnedited).toBe(false);
    expect(email.draftSimilarity).toBeLessThan(0.3);
    expect(email.draftEditDistance).toBeGreaterThan(3);
  });

  it('reports the drafting figures in metrics.summary, scoped to the organization', async () => {
    const manager = await callerFor('manager@echo.test');
    const { drafting } = await manager.metrics.summary({});
    expect(drafting.sent).toBeGreaterThanOrEqual(2);
    expect(drafting.sentUnedited).toBeGreaterThanOrEqual(1);
    expect(drafting.sentUnedited).toBeLessThan(drafting.sent);
    expect(drafting.medianSimilarity).not.toBeNull();
    const agentRow = drafting.byAgent.find((row) => row.userId === 'user_demo_agent');
    expect(agentRow?.sent).toBe(drafting.sent);
    expect(drafting.byWeek.reduce((n, row) => n + row.sent, 0)).toBe(drafting.sent);
    expect(drafting.byDrafter.map((row) => row.model)).toContain('fake-model');

    await makeDraft({ status: 'approved', organizationId: OTHER });
    const other = await callerFor('agent@other.test');
    await expect(other.metrics.summary({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
