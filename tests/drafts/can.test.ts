import { beforeAll, describe, expect, it } from 'vitest';
import type { DraftStatus } from '../../db/schema';
import { callerFor, seedDemo } from '../helpers';
import { makeDraft } from './support';

beforeAll(async () => {
  await seedDemo();
});

describe('drafts.get says what the viewer may do', () => {
  it.each<[DraftStatus, 'passed' | 'failed', string, { edit: boolean; approve: boolean; send: boolean }]>([
    ['pending', 'passed', 'agent@echo.test', { edit: true, approve: true, send: false }],
    ['pending', 'failed', 'agent@echo.test', { edit: true, approve: false, send: false }],
    ['pending', 'failed', 'manager@echo.test', { edit: true, approve: true, send: false }],
    ['approved', 'passed', 'agent@echo.test', { edit: true, approve: false, send: true }],
    ['sent', 'passed', 'agent@echo.test', { edit: false, approve: false, send: false }],
    ['archived', 'passed', 'manager@echo.test', { edit: false, approve: false, send: false }],
  ])('a %s draft that %s, seen by %s', async (status, validation, viewer, expected) => {
    const { draft } = await makeDraft({ status, validation });
    const caller = await callerFor(viewer);
    const got = await caller.drafts.get({ id: draft.id });
    expect({
      edit: got.can.edit.allowed,
      approve: got.can.approve.allowed,
      send: got.can.send.allowed,
    }).toEqual(expected);
    expect(got.can.restore.allowed).toBe(status === 'archived');
  });

  it('tells a manager a failed draft needs an override, and an agent to ask a manager', async () => {
    const { draft } = await makeDraft({ validation: 'failed' });
    const asManager = await (await callerFor('manager@echo.test')).drafts.get({ id: draft.id });
    const asAgent = await (await callerFor('agent@echo.test')).drafts.get({ id: draft.id });
    expect(asManager.can.approve.needsOverride).toBe(true);
    expect(asAgent.can.approve.reason).toMatch(/ask a manager/);
  });
});

describe('after an override', () => {
  it('shows who overrode, when and why', async () => {
    const { draft } = await makeDraft({ validation: 'failed' });
    const asManager = await callerFor('manager@echo.test');
    await asManager.drafts.approve({
      id: draft.id,
      revision: draft.revision,
      override: { reason: 'The host confirmed $150 by phone' },
    });
    const seen = await (await callerFor('agent@echo.test')).drafts.get({ id: draft.id });
    expect(seen.override).toMatchObject({ reason: 'The host confirmed $150 by phone', at: expect.any(Date) });
    expect(seen.override?.byName).toMatch(/\S/);
    const plain = await makeDraft();
    expect((await asManager.drafts.get({ id: plain.draft.id })).override).toBeNull();
  });
});
