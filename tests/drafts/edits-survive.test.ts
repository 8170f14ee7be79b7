import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editDraft, regenerateDraft } from '../../src/server/drafts/service';
import { getBoss } from '../../src/server/queue';
import { callerFor, seedDemo, db as testDb } from '../helpers';
import { agent, draftRow, fakeGenerator, makeDraft, manager, versionsOf } from './support';

const passes = () => ({ status: 'passed' as const, issues: [], checkedAt: new Date().toISOString() });

beforeAll(async () => {
  await seedDemo();
});

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false });
});

describe('an edited body survives a regeneration', () => {
  it('keeps the edited body as its own version, credited to its editor, before the new one', async () => {
    const { draft } = await makeDraft();
    const edited = await editDraft(testDb, {
      id: draft.id,
      body: 'My edit. P.S. Keep this line.',
      revision: draft.revision,
      actor: agent,
      validate: passes,
    });
    const generator = fakeGenerator();
    const result = await regenerateDraft(testDb, {
      id: draft.id,
      instruction: 'keep my P.S.',
      revision: edited.revision,
      actor: manager,
      generator,
    });

    // The drafter received both the instruction and the edited body it refers to.
    expect(generator.calls[0]).toMatchObject({
      instruction: 'keep my P.S.',
      currentBody: 'My edit. P.S. Keep this line.',
    });
    const versions = (await versionsOf(draft.id)).sort((a, b) => a.version - b.version);
    expect(versions.map((version) => [version.version, version.kind])).toEqual([
      [0, 'ai'],
      [1, 'ai'],
      [2, 'edit'],
      [3, 'ai'],
    ]);
    expect(versions[2]).toMatchObject({ body: 'My edit. P.S. Keep this line.', createdBy: agent.userId });
    expect(result.version?.version).toBe(3);
    const after = await draftRow(draft.id);
    expect(after).toMatchObject({ currentVersion: 3, isEdited: false, editedBy: null });

    const shown = await (await callerFor('agent@echo.test')).drafts.get({ id: draft.id });
    const editVersion = shown.versions.find((version) => version.version === 2);
    expect(editVersion).toMatchObject({ kind: 'edit', authorName: expect.any(String) });
    expect(editVersion?.authorName?.length).toBeGreaterThan(0);
  });

  it('adds no edit version when the body was not edited', async () => {
    const { draft } = await makeDraft();
    await regenerateDraft(testDb, {
      id: draft.id,
      instruction: null,
      revision: draft.revision,
      actor: agent,
      generator: fakeGenerator(),
    });
    const versions = await versionsOf(draft.id);
    expect(versions.map((version) => version.kind).sort()).toEqual(['ai', 'ai', 'ai']);
  });

  it('keeps no edit version when the AI call fails: the working body stays the edit', async () => {
    const { draft } = await makeDraft();
    const edited = await editDraft(testDb, {
      id: draft.id,
      body: 'Hand written',
      revision: draft.revision,
      actor: agent,
      validate: passes,
    });
    await expect(
      regenerateDraft(testDb, {
        id: draft.id,
        revision: edited.revision,
        actor: agent,
        generator: fakeGenerator({ fail: true }),
      }),
    ).rejects.toThrow();
    expect((await versionsOf(draft.id)).length).toBe(2);
    expect((await draftRow(draft.id)).body).toBe('Hand written');
  });
});
