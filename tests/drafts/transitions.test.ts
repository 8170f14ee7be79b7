import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftStatus } from '../../db/schema';
import { requestOverride } from '../../src/server/drafts/attention';
import {
  approveDraft,
  archiveDraft,
  editDraft,
  regenerateDraft,
  restoreDraft,
  retryDelivery,
  sendDraft,
  switchDraftVersion,
  undoSend,
} from '../../src/server/drafts/service';
import { type DraftAction, draftTransitions } from '../../src/server/drafts/transitions';
import { getBoss } from '../../src/server/queue';
import { callerFor, seedDemo, db as testDb } from '../helpers';
import {
  agent,
  auditOf,
  draftRow,
  emailRow,
  failure,
  fakeGenerator,
  makeDraft,
  manager,
  setSettings,
  TANDEM,
} from './support';

beforeAll(async () => {
  await seedDemo();
  // A long undo window: the delivery jobs queued here never run (no worker in this file).
  await setSettings(TANDEM, { undoWindowSeconds: 3600 });
});

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false });
});

const statuses: DraftStatus[] = ['pending', 'approved', 'sent', 'archived'];

/** Runs `action` on a draft as the product's user would, with the revision they saw. */
async function perform(action: DraftAction, id: number) {
  const draft = await draftRow(id);
  const base = { id, actor: manager };
  switch (action) {
    case 'edit':
      return editDraft(testDb, { ...base, body: 'A careful edit', revision: draft.revision });
    case 'regenerate':
      return regenerateDraft(testDb, { ...base, revision: draft.revision, generator: fakeGenerator() });
    case 'switchVersion':
      return switchDraftVersion(testDb, { ...base, version: 1, revision: draft.revision });
    case 'approve':
      return approveDraft(testDb, { ...base, revision: draft.revision });
    case 'send':
      return sendDraft(testDb, { ...base, revision: draft.revision });
    case 'undoSend':
      return undoSend(testDb, base);
    case 'retryDelivery':
      return retryDelivery(testDb, base);
    case 'archive':
      return archiveDraft(testDb, { ...base, reason: 'Client went quiet' });
    case 'restore':
      return restoreDraft(testDb, base);
    case 'requestOverride':
      return requestOverride(testDb, { id, note: 'Please look at the rate', actor: agent });
  }
}

/** Where each allowed action leaves a draft in each status (the state machine of PRODUCT.md). */
const expected: Record<DraftStatus, Partial<Record<DraftAction, DraftStatus>>> = {
  pending: {
    edit: 'pending',
    regenerate: 'pending',
    switchVersion: 'pending',
    approve: 'approved',
    archive: 'archived',
    requestOverride: 'pending',
  },
  approved: {
    edit: 'pending',
    regenerate: 'pending',
    switchVersion: 'pending',
    send: 'sent',
    archive: 'archived',
  },
  sent: { undoSend: 'approved', archive: 'archived' },
  archived: { restore: 'pending' },
};

const actions = Object.keys(draftTransitions) as DraftAction[];
const an = (status: string) => `${/^[aeiou]/.test(status) ? 'an' : 'a'} ${status}`;

describe('the draft state machine', () => {
  for (const status of statuses) {
    for (const action of actions) {
      const to = expected[status][action];
      if (to) {
        it(`allows ${action} of ${an(status)} draft, leaving it ${to}`, async () => {
          // A sent draft's email still queued (undo) or failed (retry) as the action needs.
          const { draft } = await makeDraft({
            status,
            deliveryStatus: action === 'undoSend' ? 'queued' : 'failed',
            // Only a failed draft needs a manager's override.
            validation: action === 'requestOverride' ? 'failed' : 'passed',
          });
          await perform(action, draft.id);
          const after = await draftRow(draft.id);
          expect(after.status).toBe(to);
          expect(after.revision).toBe(draft.revision + 1);
          expect((await auditOf(draft.id)).length).toBeGreaterThan(0);
        });
      } else if (!(status === 'sent' && (action === 'send' || action === 'retryDelivery'))) {
        it(`refuses ${action} of ${an(status)} draft with PRECONDITION_FAILED naming the status`, async () => {
          const { draft } = await makeDraft({
            status,
            validation: action === 'requestOverride' ? 'failed' : 'passed',
          });
          const error = await failure(perform(action, draft.id));
          expect(error.code).toBe('PRECONDITION_FAILED');
          expect(error.message).toContain(status);
          const after = await draftRow(draft.id);
          expect(after).toEqual(draft);
          expect(await auditOf(draft.id)).toEqual([]);
        });
      }
    }
  }

  it('answers a second send of a sent draft with the email it already has', async () => {
    const { draft, sentEmailId } = await makeDraft({ status: 'sent' });
    const result = await sendDraft(testDb, { id: draft.id, revision: draft.revision, actor: agent });
    expect(result.email.id).toBe(sentEmailId);
    expect((await draftRow(draft.id)).revision).toBe(draft.revision);
  });

  it('retries delivery only for a failed email', async () => {
    const { draft } = await makeDraft({ status: 'sent', deliveryStatus: 'delivered' });
    const error = await failure(retryDelivery(testDb, { id: draft.id, actor: agent }));
    expect(error).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(error.message).toContain('delivered');

    const { draft: failedDraft, sentEmailId } = await makeDraft({ status: 'sent', deliveryStatus: 'failed' });
    const result = await retryDelivery(testDb, { id: failedDraft.id, actor: agent });
    expect(result.email).toMatchObject({ id: sentEmailId, deliveryStatus: 'queued' });
    expect((await draftRow(failedDraft.id)).status).toBe('sent');
  });
});

describe('approval is for the exact content approved', () => {
  it.each(['edit', 'regenerate', 'switchVersion'] as const)(
    'sends an approved draft back to pending on %s and clears the approval',
    async (action) => {
      const { draft } = await makeDraft({ status: 'approved' });
      expect(draft.approvedAt).not.toBeNull();
      await perform(action, draft.id);
      const after = await draftRow(draft.id);
      expect(after).toMatchObject({
        status: 'pending',
        approvedAt: null,
        approvedBy: null,
        overrideReason: null,
      });
    },
  );

  it('marks a hand edit as edited, and a switch to a version as not', async () => {
    const { draft } = await makeDraft();
    await perform('edit', draft.id);
    expect(await draftRow(draft.id)).toMatchObject({ isEdited: true, body: 'A careful edit' });
    await perform('switchVersion', draft.id);
    expect(await draftRow(draft.id)).toMatchObject({ isEdited: false, currentVersion: 1 });
  });

  it('makes an earlier version the working body again, deleting nothing', async () => {
    const { draft } = await makeDraft();
    await perform('switchVersion', draft.id);
    const after = await draftRow(draft.id);
    expect(after.body).toMatch(/^Version one body/);
    await switchDraftVersion(testDb, { id: draft.id, version: 0, revision: after.revision, actor: agent });
    expect((await draftRow(draft.id)).body).toBe(draft.body);
    const error = await failure(
      switchDraftVersion(testDb, { id: draft.id, version: 7, revision: after.revision + 1, actor: agent }),
    );
    expect(error.code).toBe('NOT_FOUND');
  });

  it('re-runs the grounding checks on an edit: a wrong price fails, putting it right clears the failure', async () => {
    const caller = await callerFor('agent@echo.test');
    const [acme] = (await caller.drafts.list({ limit: 100 })).items.filter(
      (i) => i.company === 'Acme Analytics',
    );
    if (!acme) throw new Error('seed has no Acme Analytics draft');
    const original = await draftRow(acme.id);
    const wrong = `${original.body}\n\nThe rent is $99,999/month.`;
    const failedEdit = await caller.drafts.edit({ id: acme.id, body: wrong, revision: original.revision });
    expect(failedEdit.validationStatus).toBe('failed');
    expect(failedEdit.validation?.issues.map((issue) => issue.claim).join(' ')).toContain('$99,999');
    const fixed = await caller.drafts.edit({
      id: acme.id,
      body: original.body,
      revision: failedEdit.revision,
    });
    expect(fixed.validationStatus).not.toBe('failed');
    expect(fixed.validation?.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('accepts another validation through the edit seam', async () => {
    const { draft } = await makeDraft({ validation: 'failed' });
    const edited = await editDraft(testDb, {
      id: draft.id,
      body: 'Parking is $250/month.',
      revision: draft.revision,
      actor: agent,
      validate: () => ({ status: 'passed', issues: [], checkedAt: new Date().toISOString() }),
    });
    expect(edited.validationStatus).toBe('passed');
  });
});

describe('approving a draft that failed validation', () => {
  it('refuses without an override', async () => {
    const { draft } = await makeDraft({ validation: 'failed' });
    const error = await failure(
      approveDraft(testDb, { id: draft.id, revision: draft.revision, actor: manager }),
    );
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.message).toMatch(/override/);
  });

  it('refuses an agent’s override with FORBIDDEN, through the API', async () => {
    const { draft } = await makeDraft({ validation: 'failed' });
    const caller = await callerFor('agent@echo.test');
    const error = await failure(
      caller.drafts.approve({ id: draft.id, revision: draft.revision, override: { reason: 'I checked it' } }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/manager or admin/);
    expect((await draftRow(draft.id)).status).toBe('pending');
  });

  it('lets a manager override with a reason, recorded on the draft and in the audit', async () => {
    const { draft } = await makeDraft({ validation: 'failed' });
    const caller = await callerFor('manager@echo.test');
    const approved = await caller.drafts.approve({
      id: draft.id,
      revision: draft.revision,
      override: { reason: 'Parking price confirmed by phone' },
    });
    expect(approved).toMatchObject({
      status: 'approved',
      overrideReason: 'Parking price confirmed by phone',
    });
    expect(await auditOf(draft.id, 'draft.overridden')).toHaveLength(1);
    expect(await auditOf(draft.id, 'draft.approved')).toHaveLength(1);
  });

  it('approves a passed draft for an agent without any override', async () => {
    const { draft } = await makeDraft();
    const caller = await callerFor('agent@echo.test');
    const approved = await caller.drafts.approve({ id: draft.id, revision: draft.revision });
    expect(approved).toMatchObject({
      status: 'approved',
      approvedBy: 'user_demo_agent',
      overrideReason: null,
    });
  });
});

describe('archive and restore', () => {
  it.each(['pending', 'approved', 'sent'] as const)(
    'archives a %s draft with who, when and why, and restores that status',
    async (status) => {
      const { draft } = await makeDraft({ status, deliveryStatus: 'delivered' });
      const caller = await callerFor('agent@echo.test');
      const archived = await caller.drafts.archive({ id: draft.id, reason: 'Client signed elsewhere' });
      expect(archived).toMatchObject({
        status: 'archived',
        statusBeforeArchive: status,
        archivedBy: 'user_demo_agent',
        archiveReason: 'Client signed elsewhere',
      });
      expect(archived.archivedAt).toBeInstanceOf(Date);
      const restored = await caller.drafts.restore({ id: draft.id });
      expect(restored).toMatchObject({ status, statusBeforeArchive: null });
      expect(await auditOf(draft.id, 'draft.archived')).toHaveLength(1);
      expect(await auditOf(draft.id, 'draft.restored')).toHaveLength(1);
    },
  );

  it('archives without a reason', async () => {
    const { draft } = await makeDraft();
    const caller = await callerFor('agent@echo.test');
    expect(await caller.drafts.archive({ id: draft.id })).toMatchObject({
      status: 'archived',
      archiveReason: null,
    });
  });

  it('keeps the sent email when a sent draft is archived', async () => {
    const { draft, sentEmailId } = await makeDraft({ status: 'sent' });
    await archiveDraft(testDb, { id: draft.id, actor: agent });
    expect((await draftRow(draft.id)).sentEmailId).toBe(sentEmailId);
    expect(sentEmailId && (await emailRow(sentEmailId)).deliveryStatus).toBe('delivered');
  });
});
