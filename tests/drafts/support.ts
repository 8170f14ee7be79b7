import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import {
  auditEvents,
  type DeliveryStatus,
  type DraftStatus,
  type DraftValidation,
  deals,
  draftVersions,
  emailDrafts,
  emails,
  organizationSettings,
} from '../../db/schema';
import type { DraftGenerator, GenerateDraftRequest, GeneratedDraft } from '../../src/server/ai/types';
import type { Member } from '../../src/server/viewer';
import { db } from '../helpers';

export const TANDEM = 'org_tandem_demo';
export const OTHER = 'org_other_brokerage';

export const agent: Member = { userId: 'user_demo_agent', organizationId: TANDEM, role: 'agent' };
export const manager: Member = { userId: 'user_demo_manager', organizationId: TANDEM, role: 'manager' };

const passed = (): DraftValidation => ({ status: 'passed', issues: [], checkedAt: new Date().toISOString() });
const failed = (): DraftValidation => ({
  status: 'failed',
  checkedAt: new Date().toISOString(),
  issues: [
    {
      claim: '$150/month',
      expected: 'Parking costs $250/month',
      source: 'space:1.detailedAmenities.parking.costMonthly',
      severity: 'error',
      layer: 'grounding',
    },
  ],
});

/** A deterministic generator: the instruction and a counter, so every version is recognisable. */
export function fakeGenerator(options: { fail?: boolean; validation?: DraftValidation['status'] } = {}) {
  const calls: GenerateDraftRequest[] = [];
  const generator: DraftGenerator & { calls: GenerateDraftRequest[] } = {
    calls,
    async generate(_db, request): Promise<GeneratedDraft> {
      calls.push(request);
      // Lets concurrent callers overlap, as a real model call would.
      await new Promise((resolve) => setImmediate(resolve));
      if (options.fail) throw new Error('The model is down');
      return {
        body: `Regenerated #${calls.length} (${request.instruction ?? 'no instruction'})`,
        confidence: 77,
        reasoning: { questionsAddressed: [], dataUsed: [] },
        model: 'fake-model',
        promptTokens: 10,
        completionTokens: 20,
        critiqueTokens: 0,
        isOffline: false,
        validation: options.validation === 'failed' ? failed() : passed(),
      };
    },
  };
  return generator;
}

async function dealOf(organizationId: string) {
  const [deal] = await db.select().from(deals).where(eq(deals.organizationId, organizationId)).limit(1);
  if (!deal) throw new Error(`No seeded deal in ${organizationId}`);
  return deal;
}

/**
 * A fresh draft on a seeded deal, answering a new inbound email, in the given status. A `sent`
 * draft gets an outbound email with `deliveryStatus`.
 */
export async function makeDraft(
  options: {
    status?: DraftStatus;
    organizationId?: string;
    validation?: 'passed' | 'failed';
    deliveryStatus?: DeliveryStatus;
    sentAt?: Date;
    statusBeforeArchive?: DraftStatus;
  } = {},
) {
  const organizationId = options.organizationId ?? TANDEM;
  const status = options.status ?? 'pending';
  const deal = await dealOf(organizationId);
  const tag = randomBytes(4).toString('hex');
  const receivedAt = new Date(Date.now() - 60 * 60 * 1000);
  const [inbound] = await db
    .insert(emails)
    .values({
      organizationId,
      dealId: deal.id,
      direction: 'inbound',
      fromAddress: deal.seekerEmail,
      toAddress: 'inbox@tandem.echo.test',
      subject: `Question ${tag}`,
      body: 'Is parking included?',
      messageId: `<inbound-${tag}@seeker.example>`,
      references: [`<earlier-${tag}@seeker.example>`],
      sentAt: receivedAt,
      replyDeadlineAt: new Date(receivedAt.getTime() + 4 * 60 * 60 * 1000),
    })
    .returning();
  if (!inbound) throw new Error('inbound insert returned nothing');

  let sentEmailId: number | null = null;
  if (status === 'sent' || options.statusBeforeArchive === 'sent') {
    const [outbound] = await db
      .insert(emails)
      .values({
        organizationId,
        dealId: deal.id,
        direction: 'outbound',
        fromAddress: 'deals@tandem.echo.test',
        toAddress: deal.seekerEmail,
        subject: `Re: Question ${tag}`,
        body: 'Sent body',
        messageId: `<draft-test-${tag}@tandem.echo.test>`,
        inReplyTo: inbound.messageId,
        deliveryStatus: options.deliveryStatus ?? 'delivered',
        isAiGenerated: true,
        sentAt: options.sentAt ?? new Date(),
      })
      .returning();
    sentEmailId = outbound?.id ?? null;
  }

  const validation = options.validation === 'failed' ? failed() : passed();
  const [draft] = await db
    .insert(emailDrafts)
    .values({
      organizationId,
      dealId: deal.id,
      inboundEmailId: inbound.id,
      status,
      body: `Hi, parking is $250/month. (${tag})`,
      confidence: 80,
      validationStatus: validation.status,
      validation,
      replyDeadlineAt: inbound.replyDeadlineAt,
      approvedAt: status === 'approved' || status === 'sent' ? new Date() : null,
      approvedBy: status === 'approved' || status === 'sent' ? 'user_demo_agent' : null,
      sentEmailId,
      sentAt: sentEmailId ? (options.sentAt ?? new Date()) : null,
      statusBeforeArchive: status === 'archived' ? (options.statusBeforeArchive ?? 'pending') : null,
      archivedAt: status === 'archived' ? new Date() : null,
    })
    .returning();
  if (!draft) throw new Error('draft insert returned nothing');
  await db.insert(draftVersions).values([
    {
      organizationId,
      draftId: draft.id,
      version: 0,
      body: draft.body,
      confidence: 80,
      reasoning: { questionsAddressed: [], dataUsed: [] },
      model: 'fake-model',
      validationStatus: validation.status,
      validation,
    },
    {
      organizationId,
      draftId: draft.id,
      version: 1,
      body: `Version one body (${tag})`,
      instruction: 'shorter',
      confidence: 70,
      reasoning: { questionsAddressed: [], dataUsed: [] },
      model: 'fake-model',
      validationStatus: 'passed',
      validation: passed(),
    },
  ]);
  return { draft, inbound, sentEmailId };
}

export async function draftRow(id: number) {
  const [row] = await db.select().from(emailDrafts).where(eq(emailDrafts.id, id));
  if (!row) throw new Error(`draft ${id} is gone`);
  return row;
}

export async function emailRow(id: number) {
  const [row] = await db.select().from(emails).where(eq(emails.id, id));
  if (!row) throw new Error(`email ${id} is gone`);
  return row;
}

export async function versionsOf(draftId: number) {
  return db.select().from(draftVersions).where(eq(draftVersions.draftId, draftId));
}

export async function auditOf(entityId: number, action?: string) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, String(entityId))));
  return action ? rows.filter((row) => row.action === action) : rows;
}

export async function setSettings(
  organizationId: string,
  values: Partial<typeof organizationSettings.$inferInsert>,
) {
  await db
    .update(organizationSettings)
    .set(values)
    .where(eq(organizationSettings.organizationId, organizationId));
}

/** Polls until `check` returns a value (not undefined/false), for background work; fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Catches what a promise rejects with, to assert on its code and message. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ code?: string; message: string; retryAt?: Date; cause?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string; retryAt?: Date };
  }
  throw new Error('expected a failure, got a result');
}
