import { and, desc, eq, sql } from 'drizzle-orm';
import { draftVersions, emailDrafts, emails } from '../../../db/schema';
import type { DraftGenerator, GeneratedDraft } from '../ai/types';
import { AI, recordAudit } from '../audit';
import { type Executor, type Transaction, withTransaction } from '../db';
import { NotFoundError } from '../errors';
import { nextVersionNumber, saveEditedBodyAsVersion, versionFromGenerated } from './service';

export type FirstDraftRequest = { organizationId: string; inboundEmailId: number };

/**
 * What became of an inbound email's draft: a new draft (`isCreated`), the thread's pending draft
 * brought up to date with a new version (`isUpdated`), or nothing, because a draft already answers it.
 */
export type DraftForInbound = { draftId: number; isCreated: boolean; isUpdated?: boolean };

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

type EmailRef = { id: number; sentAt: Date };
type InboundRow = EmailRef & { dealId: number; replyDeadlineAt: Date | null; storedAt: Date };

/** Later in the thread: received later, or stored later at the same moment. */
const isLater = (a: EmailRef, b: EmailRef) =>
  a.sentAt > b.sentAt || (a.sentAt.getTime() === b.sentAt.getTime() && a.id > b.id);

async function inboundOf(db: Executor, request: FirstDraftRequest): Promise<InboundRow> {
  const [inbound] = await db
    .select({
      id: emails.id,
      dealId: emails.dealId,
      sentAt: emails.sentAt,
      replyDeadlineAt: emails.replyDeadlineAt,
      storedAt: emails.createdAt,
    })
    .from(emails)
    .where(and(eq(emails.id, request.inboundEmailId), eq(emails.organizationId, request.organizationId)));
  if (!inbound) throw new NotFoundError('Inbound email', request.inboundEmailId);
  return inbound;
}

/** The thread's latest inbound email: the one its pending draft must answer. */
async function latestInboundOfThread(db: Executor, organizationId: string, dealId: number) {
  const [row] = await db
    .select({ id: emails.id, sentAt: emails.sentAt })
    .from(emails)
    .where(
      and(
        eq(emails.organizationId, organizationId),
        eq(emails.dealId, dealId),
        eq(emails.direction, 'inbound'),
      ),
    )
    .orderBy(desc(emails.sentAt), desc(emails.id))
    .limit(1);
  return row ?? null;
}

type PendingDraft = { id: number; answers: EmailRef; versionAt: Date | null };

/** The deal's pending draft (the newest, should there ever be two), the email it answers, when its version was drafted. */
async function pendingDraftOfThread(
  db: Executor,
  organizationId: string,
  dealId: number,
): Promise<PendingDraft | null> {
  const [row] = await db
    .select({
      id: emailDrafts.id,
      answersId: emails.id,
      answersSentAt: emails.sentAt,
      versionAt: draftVersions.createdAt,
    })
    .from(emailDrafts)
    .innerJoin(emails, eq(emails.id, emailDrafts.inboundEmailId))
    .leftJoin(
      draftVersions,
      and(eq(draftVersions.draftId, emailDrafts.id), eq(draftVersions.version, emailDrafts.currentVersion)),
    )
    .where(
      and(
        eq(emailDrafts.organizationId, organizationId),
        eq(emailDrafts.dealId, dealId),
        eq(emailDrafts.status, 'pending'),
      ),
    )
    .orderBy(desc(emailDrafts.id))
    .limit(1);
  if (!row) return null;
  return { id: row.id, answers: { id: row.answersId, sentAt: row.answersSentAt }, versionAt: row.versionAt };
}

/**
 * Whether the pending draft already answers `email`, for a version that would answer `target` (the
 * thread's latest email when the job read it): it answers a later email than the target (our reading
 * is stale), or it answers the target with a version drafted after `email` was stored.
 */
function alreadyAnswers(pending: PendingDraft, email: InboundRow, target: EmailRef) {
  if (pending.answers.id === email.id) return true;
  if (isLater(pending.answers, target)) return true;
  return pending.answers.id === target.id && pending.versionAt !== null && pending.versionAt > email.storedAt;
}

/** Serialises draft writers of one thread (deal) until the transaction ends. */
async function lockThread(tx: Transaction, organizationId: string, dealId: number) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`draft-thread:${organizationId}:${dealId}`}, 0))`,
  );
}

/**
 * Stores a generated draft for an inbound email. When the email's thread (its deal) already has a
 * pending draft, that draft is brought up to date instead of a second one being created: the agent's
 * unsent edited body is kept first as its own version, then the new AI version (which answered the
 * whole thread up to `answersEmailId`, the thread's latest email) becomes current. Sent and approved
 * drafts are never touched. Idempotent: a second call for the same email changes nothing.
 */
export async function createFirstDraft(
  db: Executor,
  request: FirstDraftRequest & {
    generated: GeneratedDraft;
    /** The email the generated version answers: the thread's latest when generation began (default: this one). */
    answersEmailId?: number;
    /** When the generation read the thread; the version is dated by it. */
    generatedAt?: Date;
  },
): Promise<DraftForInbound> {
  const { generated } = request;
  const now = request.generatedAt ?? new Date();
  // One transaction under the thread's lock: two emails arriving at once find the same pending draft,
  // and a draft is never seen without its version or its audit event.
  return withTransaction(db, async (tx) => {
    const inbound = await inboundOf(tx, request);
    await lockThread(tx, request.organizationId, inbound.dealId);

    const existing = await existingDraftId(tx, request);
    if (existing !== null) return { draftId: existing, isCreated: false };

    const pending = await pendingDraftOfThread(tx, request.organizationId, inbound.dealId);
    if (pending) {
      const target =
        request.answersEmailId === undefined || request.answersEmailId === inbound.id
          ? inbound
          : await inboundOf(tx, { ...request, inboundEmailId: request.answersEmailId });
      if (alreadyAnswers(pending, inbound, target)) return { draftId: pending.id, isCreated: false };
      const answeredElsewhere = await existingDraftId(tx, { ...request, inboundEmailId: target.id });
      if (answeredElsewhere !== null && answeredElsewhere !== pending.id) {
        return { draftId: pending.id, isCreated: false };
      }
      return updatePendingDraft(tx, { ...request, now, inbound, target, draftId: pending.id });
    }

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
    await clearDraftError(tx, request);
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

async function clearDraftError(tx: Transaction, request: FirstDraftRequest) {
  await tx
    .update(emails)
    .set({ draftError: null })
    .where(and(eq(emails.id, request.inboundEmailId), eq(emails.organizationId, request.organizationId)));
}

/** The thread's pending draft answers the new email now; called under the thread's lock. */
async function updatePendingDraft(
  tx: Transaction,
  request: FirstDraftRequest & {
    generated: GeneratedDraft;
    now: Date;
    inbound: InboundRow;
    target: InboundRow;
    draftId: number;
  },
): Promise<DraftForInbound> {
  const { generated, now } = request;
  // The row lock holds off an agent's edit or send until this version is in (theirs then meets CONFLICT).
  const [draft] = await tx
    .select()
    .from(emailDrafts)
    .where(and(eq(emailDrafts.id, request.draftId), eq(emailDrafts.organizationId, request.organizationId)))
    .for('update');
  if (draft?.status !== 'pending') {
    throw new NotFoundError('Pending draft', request.draftId);
  }
  const editedVersion = await saveEditedBodyAsVersion(tx, { draft, actor: null, now });
  const version = await nextVersionNumber(tx, draft.id);
  await tx.insert(draftVersions).values({
    organizationId: request.organizationId,
    draftId: draft.id,
    version,
    ...versionFromGenerated(generated),
    instruction: null,
    createdAt: now,
  });
  await tx
    .update(emailDrafts)
    .set({
      inboundEmailId: request.target.id,
      body: generated.body,
      confidence: generated.confidence,
      validation: generated.validation,
      validationStatus: generated.validation.status,
      isOffline: generated.isOffline,
      isEdited: false,
      editedBy: null,
      currentVersion: version,
      // The seeker has waited since the first unanswered email: the earlier deadline stands.
      replyDeadlineAt: sql`least(${emailDrafts.replyDeadlineAt}, ${request.target.replyDeadlineAt?.toISOString() ?? null}::timestamptz)`,
      revision: sql`${emailDrafts.revision} + 1`,
      updatedAt: now,
    })
    .where(eq(emailDrafts.id, draft.id));
  await clearDraftError(tx, request);
  await recordAudit(tx, {
    organizationId: request.organizationId,
    actor: AI,
    action: 'draft.updated_for_new_email',
    entityType: 'draft',
    entityId: draft.id,
    details: {
      dealId: draft.dealId,
      emailId: request.inboundEmailId,
      inboundEmailId: request.target.id,
      previousInboundEmailId: draft.inboundEmailId,
      version,
      editedVersion,
      model: generated.model,
      isOffline: generated.isOffline,
      validation: generated.validation.status,
    },
  });
  return { draftId: draft.id, isCreated: false, isUpdated: true };
}

/**
 * The draft for an inbound email: generated when no draft answers it yet (a new draft, or a new
 * version of the thread's pending one answering the thread's latest email). The AI call happens
 * before (and outside) the transaction that stores it.
 */
export async function generateFirstDraft(
  db: Executor,
  generator: DraftGenerator,
  request: FirstDraftRequest,
): Promise<DraftForInbound> {
  const existing = await existingDraftId(db, request);
  if (existing !== null) return { draftId: existing, isCreated: false };
  const inbound = await inboundOf(db, request);
  const pending = await pendingDraftOfThread(db, request.organizationId, inbound.dealId);
  // With a pending draft the new version answers the whole thread, so it replies to its latest email.
  const latest = pending ? await latestInboundOfThread(db, request.organizationId, inbound.dealId) : null;
  const target = latest && isLater(latest, inbound) ? latest : inbound;
  if (pending && alreadyAnswers(pending, inbound, target)) return { draftId: pending.id, isCreated: false };
  const generatedAt = new Date();
  const generated = await generator.generate(db, { ...request, inboundEmailId: target.id });
  return createFirstDraft(db, { ...request, generated, answersEmailId: target.id, generatedAt });
}

/** Marks an inbound email whose draft could not be generated, so the failure shows on the deal. */
export async function recordDraftFailure(db: Executor, request: FirstDraftRequest & { error: string }) {
  await db
    .update(emails)
    .set({ draftError: request.error.slice(0, 1_000) })
    .where(and(eq(emails.id, request.inboundEmailId), eq(emails.organizationId, request.organizationId)));
}
