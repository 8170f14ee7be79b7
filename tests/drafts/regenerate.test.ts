import { beforeAll, describe, expect, it } from 'vitest';
import { editDraft, regenerateDraft } from '../../src/server/drafts/service';
import { callerFor, db, seedDemo } from '../helpers';
import {
  agent,
  auditOf,
  draftRow,
  failure,
  fakeGenerator,
  makeDraft,
  setSettings,
  TANDEM,
  versionsOf,
} from './support';

const HOUR = 3_600_000;
const t0 = new Date('2026-11-29T09:00:00Z');
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);

beforeAll(async () => {
  await seedDemo();
});

async function regenerate(id: number, now: Date, generator = fakeGenerator(), instruction?: string) {
  const draft = await draftRow(id);
  return regenerateDraft(db, { id, revision: draft.revision, instruction, actor: agent, generator, now });
}

describe('regeneration', () => {
  it('adds the next version with its instruction and makes it the working body', async () => {
    const { draft } = await makeDraft({ status: 'approved' });
    const generator = fakeGenerator();
    const result = await regenerate(draft.id, at(0), generator, 'offer Tuesday 2pm instead');
    expect(generator.calls[0]).toMatchObject({
      organizationId: TANDEM,
      inboundEmailId: draft.inboundEmailId,
      instruction: 'offer Tuesday 2pm instead',
      currentBody: draft.body,
    });
    expect(result.version).toMatchObject({
      version: 2,
      instruction: 'offer Tuesday 2pm instead',
      model: 'fake-model',
    });
    const after = await draftRow(draft.id);
    expect(after).toMatchObject({
      status: 'pending',
      currentVersion: 2,
      body: result.version?.body,
      confidence: 77,
      revision: draft.revision + 1,
      regenerationCount: 1,
      approvedAt: null,
    });
    expect((await versionsOf(draft.id)).map((v) => v.version).sort()).toEqual([0, 1, 2]);
    expect(await auditOf(draft.id, 'draft.regenerated')).toHaveLength(1);
  });

  it('refuses a fourth regeneration within 24 hours, saying when the next is allowed', async () => {
    const { draft } = await makeDraft();
    await regenerate(draft.id, at(0));
    await regenerate(draft.id, at(1));
    await regenerate(draft.id, at(2));
    const error = await failure(regenerate(draft.id, at(10)));
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(error.message).toContain(at(26).toISOString());
    expect(error.retryAt).toEqual(at(26));
    expect(await versionsOf(draft.id)).toHaveLength(5);
  });

  it('allows one again after the cooldown, and the count restarts', async () => {
    const { draft } = await makeDraft();
    for (const hour of [0, 1, 2]) await regenerate(draft.id, at(hour));
    await expect(regenerate(draft.id, at(25.9))).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    await regenerate(draft.id, at(26));
    expect(await draftRow(draft.id)).toMatchObject({ regenerationCount: 1, lastRegenerationAt: at(26) });
    await regenerate(draft.id, at(27));
    await regenerate(draft.id, at(28));
    await expect(regenerate(draft.id, at(29))).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('follows the organization’s limit and cooldown', async () => {
    await setSettings('org_other_brokerage', { regenerationLimit: 1, regenerationCooldownHours: 2 });
    const { draft } = await makeDraft({ organizationId: 'org_other_brokerage' });
    const other = {
      userId: 'user_other_agent',
      organizationId: 'org_other_brokerage',
      role: 'agent' as const,
    };
    const run = async (now: Date) =>
      regenerateDraft(db, {
        id: draft.id,
        revision: (await draftRow(draft.id)).revision,
        actor: other,
        generator: fakeGenerator(),
        now,
      });
    await run(at(0));
    const error = await failure(run(at(1)));
    expect(error.retryAt).toEqual(at(2));
    await run(at(2));
  });

  it('produces exactly one version from ten simultaneous calls with one regeneration left', async () => {
    const { draft } = await makeDraft();
    await regenerate(draft.id, at(0));
    await regenerate(draft.id, at(1));
    const current = await draftRow(draft.id);
    const generator = fakeGenerator();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        regenerateDraft(db, {
          id: draft.id,
          revision: current.revision,
          actor: agent,
          generator,
          now: at(2),
        }),
      ),
    );
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { code: string }] : []));
    expect(fulfilled).toHaveLength(1);
    expect(refused.map((e) => e.code)).toEqual(Array(9).fill('TOO_MANY_REQUESTS'));
    expect(generator.calls).toHaveLength(1);
    expect(await versionsOf(draft.id)).toHaveLength(5);
    expect(await draftRow(draft.id)).toMatchObject({ regenerationCount: 3, currentVersion: 4 });
  });

  it('leaves the allowance untouched when the AI call fails', async () => {
    const { draft } = await makeDraft();
    await regenerate(draft.id, at(0));
    const before = await draftRow(draft.id);
    const error = await failure(regenerate(draft.id, at(1), fakeGenerator({ fail: true })));
    expect(error.message).toBe('The model is down');
    const after = await draftRow(draft.id);
    expect(after).toEqual(before);
    expect(await versionsOf(draft.id)).toHaveLength(3);
    expect(await auditOf(draft.id, 'draft.regenerated')).toHaveLength(1);
  });

  it('gives the reservation back when someone edited the draft during the AI call', async () => {
    const { draft } = await makeDraft();
    const slow = fakeGenerator();
    const generate = slow.generate.bind(slow);
    slow.generate = async (executor, request) => {
      await editDraft(db, { id: draft.id, body: 'Edited meanwhile', revision: draft.revision, actor: agent });
      return generate(executor, request);
    };
    const error = await failure(regenerate(draft.id, at(0), slow));
    expect(error.code).toBe('CONFLICT');
    expect(await draftRow(draft.id)).toMatchObject({ body: 'Edited meanwhile', regenerationCount: 0 });
    expect(await versionsOf(draft.id)).toHaveLength(2);
  });

  it('shows regenerations left and the next allowed time on drafts.get', async () => {
    const { draft } = await makeDraft();
    const now = new Date();
    for (let i = 0; i < 3; i += 1) {
      const current = await draftRow(draft.id);
      await regenerateDraft(db, {
        id: draft.id,
        revision: current.revision,
        actor: agent,
        generator: fakeGenerator(),
        now,
      });
    }
    const caller = await callerFor('agent@echo.test');
    const view = await caller.drafts.get({ id: draft.id });
    expect(view.regenerationsLeft).toBe(0);
    expect(view.nextRegenerationAt).toEqual(new Date(now.getTime() + 24 * HOUR));
    expect(view.versions.map((v) => v.version)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('drafts.regenerate through the API', () => {
  it('asks the app’s generator for a new version with the instruction', async () => {
    const caller = await callerFor('agent@echo.test');
    const [item] = (await caller.drafts.list({ status: 'pending', limit: 1 })).items;
    if (!item) throw new Error('seed has no pending draft');
    const before = await caller.drafts.get({ id: item.id });
    const result = await caller.drafts.regenerate({
      id: item.id,
      revision: before.revision,
      instruction: 'shorter',
    });
    expect(result.version).toMatchObject({ version: before.versions.length, instruction: 'shorter' });
    const after = await caller.drafts.get({ id: item.id });
    expect(after).toMatchObject({
      revision: before.revision + 1,
      regenerationsLeft: before.regenerationsLeft - 1,
    });
    expect(after.versions).toHaveLength(before.versions.length + 1);
    expect(after.body).toBe(result.version?.body);
  });
});

describe('optimistic locking', () => {
  it('lets one of two simultaneous edits at the same revision win; the other gets CONFLICT', async () => {
    const { draft } = await makeDraft();
    const results = await Promise.allSettled([
      editDraft(db, { id: draft.id, body: 'Edit A', revision: draft.revision, actor: agent }),
      editDraft(db, { id: draft.id, body: 'Edit B', revision: draft.revision, actor: agent }),
    ]);
    const outcomes = results.map((r) =>
      r.status === 'fulfilled' ? 'won' : (r.reason as { code: string }).code,
    );
    expect([...outcomes].sort()).toEqual(['CONFLICT', 'won']);
    const winner = outcomes[0] === 'won' ? 'Edit A' : 'Edit B';
    const after = await draftRow(draft.id);
    expect(after).toMatchObject({ body: winner, revision: draft.revision + 1 });
    expect(await auditOf(draft.id, 'draft.edited')).toHaveLength(1);
  });

  it('refuses a stale revision with a message saying someone else changed the draft', async () => {
    const { draft } = await makeDraft();
    const caller = await callerFor('agent@echo.test');
    await caller.drafts.edit({ id: draft.id, body: 'First', revision: draft.revision });
    const error = await failure(
      caller.drafts.edit({ id: draft.id, body: 'Second', revision: draft.revision }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/changed by someone else/);
    expect((await draftRow(draft.id)).body).toBe('First');
  });
});
