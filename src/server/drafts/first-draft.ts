import { and, eq } from 'drizzle-orm';
import { draftVersions, emailDrafts, emails } from '../../../db/schema';
import type { DraftGenerator, GeneratedDraft } from '../ai/types';
import { AI, recordAudit } from '../audit';
import { type Executor, withTransaction } from '../db';
import { NotFoundError } from '../errors';
import { versionFromGenerated } from './service';

export type FirstDraftRequest = { organizationId: string; inboundEmailId: number };

async function existingDraftId(db: Executor, request: FirstDraftRequest) {
  const [row] = await db
    .select({ id: emailDrafts.id })
    .from(emailDrafts)
    .where(
      and(
        eq(emailDrafts.inboundEmailId, request.inboundEmailId),
        eq(emailDrafts.organizationId, request.organizationId),
      ),
    );
  return row?.id ?? null;
}

/**
 * Stores a generated first draft for an inbound email: the draft, its version 0 and the audit
 * event. Idempotent: one draft per inbound email (unique index), a second call creates nothing.
 */
export async function createFirstDraft(
  db: Executor,
  request: FirstDraftRequest & { generated: GeneratedDraft },
): Promise<{ draftId: number; isCreated: boolean }> {
  const { generated } = request;
  // One transaction: a draft without its version 0 or its audit event must never be seen.
  return withTransaction(db, async (tx) => {
    const [inbound] = await tx
      .select({ dealId: emails.dealId, replyDeadlineAt: emails.replyDeadlineAt })
      .from(emails)
      .where(and(eq(emails.id, request.inboundEmailId), eq(emails.organizationId, request.organizationId)));
    if (!inbound) throw new NotFoundError('Inbound email', request.inboundEmailId);

    const [draft] = await tx
      .insert(emailDrafts)
      .values({
        organizationId: request.organizationId,
        dealId: inbound.dealId,
        inboundEmailId: request.inboundEmailId,
        status: 'pending',
        body: generated.body,
        confidence: generated.confidence,
        validationStatus: generated.validation.status,
        validation: generated.validation,
        isOffline: generated.isOffline,
        replyDeadlineAt: inbound.replyDeadlineAt,
      })
      .onConflictDoNothing({ target: emailDrafts.inboundEmailId })
      .returning({ id: emailDrafts.id });
    if (!draft) {
      const id = await existingDraftId(tx, request);
      if (id === null) throw new NotFoundError('Draft for inbound email', request.inboundEmailId);
      return { draftId: id, isCreated: false };
    }

    await tx.insert(draftVersions).values({
      organizationId: request.organizationId,
      draftId: draft.id,
      version: 0,
      ...versionFromGenerated(generated),
      instruction: null,
    });
    await tx
      .update(emails)
      .set({ draftError: null })
      .where(and(eq(emails.id, request.inboundEmailId), eq(emails.organizationId, request.organizationId)));
    await recordAudit(tx, {
      organizationId: request.organizationId,
      actor: AI,
      action: 'draft.generated',
      entityType: 'draft',
      entityId: draft.id,
      details: {
        dealId: inbound.dealId,
        inboundEmailId: request.inboundEmailId,
        version: 0,
        model: generated.model,
        isOffline: generated.isOffline,
        validation: generated.validation.status,
      },
    });
    return { draftId: draft.id, isCreated: true };
  });
}

/**
 * The first draft for an inbound email, generated when there is none yet. The AI call happens
 * before (and outside) the transaction that stores it.
 */
export async function generateFirstDraft(
  db: Executor,
  generator: DraftGenerator,
  request: FirstDraftRequest,
): Promise<{ draftId: number; isCreated: boolean }> {
  const existing = await existingDraftId(db, request);
  if (existing !== null) return { draftId: existing, isCreated: false };
  const generated = await generator.generate(db, request);
  return createFirstDraft(db, { ...request, generated });
}

/** Marks an inbound email whose draft could not be generated, so the failure shows on the deal. */
export async function recordDraftFailure(db: Executor, request: FirstDraftRequest & { error: string }) {
  await db
    .update(emails)
    .set({ draftError: request.error.slice(0, 1_000) })
    .where(and(eq(emails.id, request.inboundEmailId), eq(emails.organizationId, request.organizationId)));
}
