import { beforeAll, describe, expect, it } from 'vitest';
import type { DraftValidation, ValidationStatus } from '../../db/schema';
import { auditEvents, deals, draftVersions, emailDrafts, emails } from '../../db/schema';
import { callerFor, db, seedDemo } from '../helpers';

const TANDEM = 'org_tandem_demo';
const OTHER = 'org_other_brokerage';
const AGENT = 'user_demo_agent';
const MANAGER = 'user_demo_manager';
const HOUR = 60 * 60 * 1000;
const t = (iso: string) => new Date(`${iso}Z`);

type FixtureDraft = {
  receivedAt: string;
  /** Hours from receipt to the reply deadline. */
  targetHours?: number;
  createdAt: string;
  status: 'pending' | 'approved' | 'sent' | 'archived';
  sentAt?: string;
  sentBy?: string;
  isEdited?: boolean;
  versions: Array<{ validation: ValidationStatus; createdAt: string; createdBy?: string }>;
};

async function addDraft(organizationId: string, dealId: number, n: number, draft: FixtureDraft) {
  const receivedAt = t(draft.receivedAt);
  const sentAt = draft.sentAt ? t(draft.sentAt) : null;
  const [inbound] = await db
    .insert(emails)
    .values({
      organizationId,
      dealId,
      direction: 'inbound',
      fromAddress: 'seeker@example.com',
      toAddress: 'inbox@tandem.echo.test',
      subject: `Question ${n}`,
      body: 'Is parking included?',
      messageId: `<metrics-${organizationId}-${n}@example.com>`,
      sentAt: receivedAt,
      replyDeadlineAt: new Date(receivedAt.getTime() + (draft.targetHours ?? 4) * HOUR),
      repliedAt: sentAt,
    })
    .returning({ id: emails.id });
  if (!inbound) throw new Error('no inbound row');
  const last = draft.versions.at(-1);
  const validation = (status: ValidationStatus): DraftValidation => ({ status, issues: [], checkedAt: '' });
  const [row] = await db
    .insert(emailDrafts)
    .values({
      organizationId,
      dealId,
      inboundEmailId: inbound.id,
      status: draft.status,
      body: 'Hi, yes.',
      validationStatus: last?.validation ?? 'passed',
      isEdited: draft.isEdited ?? false,
      sentAt,
      sentBy: draft.sentBy ?? null,
      createdAt: t(draft.createdAt),
    })
    .returning({ id: emailDrafts.id });
  if (!row) throw new Error('no draft row');
  await db.insert(draftVersions).values(
    draft.versions.map((version, index) => ({
      organizationId,
      draftId: row.id,
      version: index,
      body: 'Hi, yes.',
      instruction: index === 0 ? null : 'shorter',
      confidence: 80,
      reasoning: { questionsAddressed: [], dataUsed: [] },
      model: 'test',
      validationStatus: version.validation,
      validation: validation(version.validation),
      createdBy: version.createdBy ?? null,
      createdAt: t(version.createdAt),
    })),
  );
  return row.id;
}

async function audit(organizationId: string, action: string, actorId: string, at: string, draftId: number) {
  await db.insert(auditEvents).values({
    organizationId,
    actorType: 'user',
    actorId,
    action,
    entityType: 'draft',
    entityId: String(draftId),
    createdAt: t(at),
  });
}

async function addDeal(organizationId: string, ownerId: string | null) {
  const [row] = await db
    .insert(deals)
    .values({
      organizationId,
      ownerId,
      seekerName: 'Sam Seeker',
      seekerEmail: `sam-${organizationId}@example.com`,
      companyName: `Metrics Fixture ${organizationId}`,
      teamSize: 4,
      monthlyBudget: 4000,
    })
    .returning({ id: deals.id });
  if (!row) throw new Error('no deal row');
  return row.id;
}

/**
 * January 2026, far from the seed's live data. Replies in the range take 1h, 2h, 3h and 4h; one of
 * four was edited; D4 answered after its 3-hour target and D5 is still open past its deadline.
 */
beforeAll(async () => {
  await seedDemo();
  const deal = await addDeal(TANDEM, AGENT);
  const v = (validation: ValidationStatus, createdAt: string, createdBy?: string) => ({
    validation,
    createdAt,
    createdBy,
  });

  // Outside the range on both ends: created the day before, sent at the exclusive end.
  await addDraft(TANDEM, deal, 0, {
    receivedAt: '2026-01-09T23:00:00',
    createdAt: '2026-01-09T23:59:59',
    status: 'sent',
    sentAt: '2026-01-13T00:00:00',
    sentBy: AGENT,
    versions: [v('failed', '2026-01-09T23:59:59')],
  });
  const d1 = await addDraft(TANDEM, deal, 1, {
    receivedAt: '2026-01-10T09:00:00',
    createdAt: '2026-01-10T09:01:00',
    status: 'sent',
    sentAt: '2026-01-10T10:00:00',
    sentBy: AGENT,
    versions: [v('passed', '2026-01-10T09:01:00')],
  });
  const d2 = await addDraft(TANDEM, deal, 2, {
    receivedAt: '2026-01-10T12:00:00',
    createdAt: '2026-01-10T12:01:00',
    status: 'sent',
    sentAt: '2026-01-10T14:00:00',
    sentBy: AGENT,
    isEdited: true,
    versions: [v('warnings', '2026-01-10T12:01:00'), v('passed', '2026-01-10T13:00:00', AGENT)],
  });
  const d3 = await addDraft(TANDEM, deal, 3, {
    receivedAt: '2026-01-11T08:00:00',
    createdAt: '2026-01-11T08:01:00',
    status: 'sent',
    sentAt: '2026-01-11T11:00:00',
    sentBy: MANAGER,
    versions: [v('passed', '2026-01-11T08:01:00')],
  });
  const d4 = await addDraft(TANDEM, deal, 4, {
    receivedAt: '2026-01-11T09:00:00',
    targetHours: 3,
    createdAt: '2026-01-11T09:01:00',
    status: 'sent',
    sentAt: '2026-01-11T13:00:00',
    sentBy: AGENT,
    versions: [v('failed', '2026-01-11T09:01:00')],
  });
  const d5 = await addDraft(TANDEM, deal, 5, {
    receivedAt: '2026-01-12T10:00:00',
    createdAt: '2026-01-12T10:01:00',
    status: 'pending',
    versions: [v('passed', '2026-01-12T10:01:00'), v('warnings', '2026-01-12T11:00:00', AGENT)],
  });
  const d6 = await addDraft(TANDEM, deal, 6, {
    receivedAt: '2026-01-12T11:00:00',
    createdAt: '2026-01-12T11:01:00',
    status: 'archived',
    versions: [v('passed', '2026-01-12T11:01:00')],
  });
  await audit(TANDEM, 'draft.approved', AGENT, '2026-01-10T09:50:00', d1);
  await audit(TANDEM, 'draft.approved', AGENT, '2026-01-10T13:50:00', d2);
  await audit(TANDEM, 'draft.approved', MANAGER, '2026-01-11T10:50:00', d3);
  await audit(TANDEM, 'draft.approved', AGENT, '2026-01-11T12:30:00', d4);
  await audit(TANDEM, 'draft.overridden', AGENT, '2026-01-11T12:30:00', d4);
  await audit(TANDEM, 'draft.archived', AGENT, '2026-01-12T12:00:00', d6);
  await audit(TANDEM, 'draft.approved', AGENT, '2026-01-13T00:00:00', d5);

  // Another organization's busy day, which must not show.
  const otherDeal = await addDeal(OTHER, 'user_other_agent');
  const foreign = await addDraft(OTHER, otherDeal, 7, {
    receivedAt: '2026-01-10T09:00:00',
    createdAt: '2026-01-10T09:01:00',
    status: 'sent',
    sentAt: '2026-01-10T20:00:00',
    sentBy: 'user_other_agent',
    versions: [v('failed', '2026-01-10T09:01:00'), v('failed', '2026-01-10T09:30:00', 'user_other_agent')],
  });
  await audit(OTHER, 'draft.approved', 'user_other_agent', '2026-01-10T19:00:00', foreign);
});

const range = { from: '2026-01-10', to: '2026-01-12' };

describe('metrics.summary on a fixture', () => {
  it('counts drafts generated, approved, sent and archived per day', async () => {
    const summary = await (await callerFor('manager@echo.test')).metrics.summary(range);
    expect(summary.range).toEqual(range);
    expect(summary.daily).toEqual([
      { day: '2026-01-10', generated: 2, approved: 2, sent: 2, archived: 0, regenerated: 1 },
      { day: '2026-01-11', generated: 2, approved: 2, sent: 2, archived: 0, regenerated: 0 },
      { day: '2026-01-12', generated: 2, approved: 0, sent: 0, archived: 1, regenerated: 1 },
    ]);
  });

  it('computes AI acceptance, median and p90 reply time, regenerations, validation and SLA breaches', async () => {
    const summary = await (await callerFor('admin@echo.test')).metrics.summary(range);
    expect(summary.totals).toEqual({
      generated: 6,
      approved: 4,
      sent: 4,
      sentWithoutEdits: 3,
      acceptanceRate: 0.75,
      archived: 1,
      regenerations: 2,
      // 1h, 2h, 3h, 4h: the median is 2.5h; p90 is 3h + 0.7 × 1h (linear interpolation).
      medianReplySeconds: 9000,
      p90ReplySeconds: 13320,
      // D1–D5 owed a reply (the archived D6 no longer does); D4 was late, D5 is still open.
      repliesOwed: 5,
      slaBreaches: 2,
    });
    expect(summary.validation).toEqual({ passed: 5, warnings: 2, failed: 1, overrides: 1 });
  });

  it('breaks the figures down per member', async () => {
    const summary = await (await callerFor('manager@echo.test')).metrics.summary(range);
    const byName = Object.fromEntries(summary.agents.map((agent) => [agent.name, agent]));
    expect(Object.keys(byName).sort()).toEqual(['Alex Agent', 'Avery Admin', 'Morgan Manager']);
    expect(byName['Alex Agent']).toMatchObject({
      sent: 3,
      sentWithoutEdits: 2,
      acceptanceRate: 2 / 3,
      approved: 3,
      archived: 1,
      regenerations: 2,
      medianReplySeconds: 7200,
      slaBreaches: 2,
    });
    expect(byName['Morgan Manager']).toMatchObject({
      sent: 1,
      acceptanceRate: 1,
      approved: 1,
      medianReplySeconds: 10800,
      p90ReplySeconds: 10800,
      slaBreaches: 0,
    });
    expect(byName['Avery Admin']).toMatchObject({ sent: 0, acceptanceRate: null, medianReplySeconds: null });
  });

  it('answers empty figures, not errors, for a range with nothing in it', async () => {
    const summary = await (await callerFor('manager@echo.test')).metrics.summary({
      from: '2025-03-01',
      to: '2025-03-02',
    });
    expect(summary.daily.map((day) => day.generated)).toEqual([0, 0]);
    expect(summary.totals).toMatchObject({ sent: 0, acceptanceRate: null, medianReplySeconds: null });
  });

  it('is FORBIDDEN for an agent', async () => {
    const agent = await callerFor('agent@echo.test');
    await expect(agent.metrics.summary(range)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a range that ends before it starts, or a day that is not a day', async () => {
    const manager = await callerFor('manager@echo.test');
    await expect(manager.metrics.summary({ from: '2026-01-12', to: '2026-01-10' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(manager.metrics.summary({ from: '10/01/2026' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('defaults to the last 14 days', async () => {
    const summary = await (await callerFor('manager@echo.test')).metrics.summary({});
    expect(summary.daily).toHaveLength(14);
    expect(summary.range.to).toBe(new Date().toISOString().slice(0, 10));
  });
});
