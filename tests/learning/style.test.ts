import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../../db/schema';
import { setSettings } from '../drafts/support';
import { callerFor, db, seedDemo } from '../helpers';
import { approvedDraftWithSpace, nextOfflineDraft, sendEdited, TANDEM } from './support';

beforeAll(async () => {
  await seedDemo();
  await setSettings(TANDEM, { undoWindowSeconds: 3600 });
});

afterAll(async () => {
  const { getBoss } = await import('../../src/server/queue');
  await (await getBoss()).stop({ graceful: false });
});

/** The agent rewrites the greeting and the closing line of an AI draft, as the Tandem team does. */
async function sendInHouseStyle() {
  const { draft, context } = await approvedDraftWithSpace();
  const firstName = context.deal.seekerName.split(' ')[0] ?? '';
  const body = `Hello ${firstName},\n\nThe space is ready whenever you are.\n\nTalk soon and have a good week!\n\n${context.signature}`;
  await sendEdited(draft.id, body);
  return { firstName };
}

describe('style memory', () => {
  it('learns a greeting and closing line after repeated edits, and the next offline draft uses them', async () => {
    const before = await nextOfflineDraft();
    expect(before.draft.body.startsWith('Hi ')).toBe(true);
    expect(before.draft.body).not.toContain('Talk soon');

    await sendInHouseStyle();
    const admin = await callerFor('admin@echo.test');
    // One edit is an accident: nothing is used yet.
    expect((await nextOfflineDraft()).draft.body.startsWith('Hi ')).toBe(true);
    await sendInHouseStyle();

    const { items } = await admin.knowledge.style();
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'greeting', phrase: 'Hello {name},', count: 2, isRemoved: false }),
        expect.objectContaining({ kind: 'signOff', phrase: 'Talk soon and have a good week!', count: 2 }),
      ]),
    );
    const after = await nextOfflineDraft();
    const firstName = after.context.deal.seekerName.split(' ')[0] ?? '';
    expect(after.draft.body.startsWith(`Hello ${firstName},`)).toBe(true);
    expect(after.draft.body).toContain(`Talk soon and have a good week!\n\n${after.context.signature}`);
    expect(after.draft.body).not.toContain('Let me know what works');
  });

  it('stops using an item an admin removed, and keeps it removed', async () => {
    const admin = await callerFor('admin@echo.test');
    const greeting = (await admin.knowledge.style()).items.find((item) => item.kind === 'greeting');
    if (!greeting) throw new Error('no greeting learned');
    await admin.knowledge.removeStyle({ id: greeting.id });
    expect((await nextOfflineDraft()).draft.body.startsWith('Hi ')).toBe(true);
    await sendInHouseStyle();
    const again = (await admin.knowledge.style()).items.find((item) => item.id === greeting.id);
    expect(again).toMatchObject({ isRemoved: true, count: 3 });
    expect((await nextOfflineDraft()).draft.body.startsWith('Hi ')).toBe(true);
  });

  it('shows style memory to admins only, and answers NOT_FOUND for another organization’s item', async () => {
    const manager = await callerFor('manager@echo.test');
    await expect(manager.knowledge.style()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const admin = await callerFor('admin@echo.test');
    const [item] = (await admin.knowledge.style()).items;
    if (!item) throw new Error('nothing learned');

    await db.update(members).set({ role: 'admin' }).where(eq(members.userId, 'user_other_agent'));
    const other = await callerFor('agent@other.test');
    expect((await other.knowledge.style()).items).toEqual([]);
    await expect(other.knowledge.removeStyle({ id: item.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await db.update(members).set({ role: 'agent' }).where(eq(members.userId, 'user_other_agent'));
    expect((await admin.knowledge.style()).items.find((row) => row.id === item.id)?.isRemoved).toBe(
      item.isRemoved,
    );
  });
});
