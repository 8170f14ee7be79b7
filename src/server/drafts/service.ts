import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, max, type SQL, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type PgBoss from 'pg-boss';
import { type DraftValidation, deals, draftVersions, emailDrafts, emails } from '../../../db/schema';
import { loadDraftContext } from '../ai/context';
import { validateDraftBody } from '../ai/grounding';
import type { DraftGenerator, GeneratedDraft } from '../ai/types';
import { recordAudit, userActor } from '../audit';
import { type Executor, type Transaction, withTransaction } from '../db';
import { env } from '../env';
import {
  DraftConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  RegenerationLimitError,
} from '../errors';
import { parseAddress } from '../inbound/clean';
import { learnFromSend, recordSendSimilarity } from '../learning/service';
import { cancelQueuedDeliveries, enqueueDelivery } from '../mail/delivery';
import { canAdvanceDelivery } from '../mail/delivery-status';
import { getOrganizationSettings } from '../settings/queries';
import { hasRole, type Member } from '../viewer';
import { regenerationAllowance } from './allowance';
import type {
  ApproveDraftInput,
  ArchiveDraftInput,
  EditDraftInput,
  RegenerateDraftInput,
  SendDraftInput,
  SwitchVersionInput,
} from './schemas';
import { allowedFrom, assertTransition, type DraftAction } from './transitions';

type DraftRow = typeof emailDrafts.$inferSelect;

/** The facts an edit's validation needs; the grounding checks (issue 4) read the rest with `db`. */
export type ValidationContext = {
  db: Executor;
  organizationId: string;
  draftId: number;
  dealId: number;
  inboundEmailId: number;
  /** The validation of the body being replaced. */
  previous: DraftValidation | null;
};

/** Re-checks an edited body (the grounding checks by default; tests may pass their own). */
export type ValidateBody = (
  body: string,
  ctx: ValidationContext,
) => DraftValidation | Promise<DraftValidation>;

/** An agent's edit re-runs the grounding checks against the deal, its spaces and the thread. */
export const groundEditedBody: ValidateBody = async (body, ctx) =>
  validateDraftBody(
    body,
    await loadDraftContext(ctx.db, {
      organizationId: ctx.organizationId,
      inboundEmailId: ctx.inboundEmailId,
    }),
  );

const clearedApproval = { approvedAt: null, approvedBy: null, overrideReason: null } as const;

/** An "Ask a manager" is answered by the approval (the override) or made moot by a new version. */
export const clearedAttention = {
  attentionRequestedAt: null,
  attentionRequestedBy: null,
  attentionNote: null,
} as const;

const bumpRevision = { revision: sql`${emailDrafts.revision} + 1` };

export async function findDraft(db: Executor, organizationId: string, id: number): Promise<DraftRow> {
  const [draft] = await db
    .select()
    .from(emailDrafts)
    .where(and(eq(emailDrafts.id, id), eq(emailDrafts.organizationId, organizationId)));
  if (!draft) throw new NotFoundError('Draft', id);
  return draft;
}

/** The draft, locked until the transaction ends: for actions that read, decide, then write several rows. */
async function lockDraft(tx: Transaction, organizationId: string, id: number): Promise<DraftRow> {
  const [draft] = await tx
    .select()
    .from(emailDrafts)
    .where(and(eq(emailDrafts.id, id), eq(emailDrafts.organizationId, organizationId)))
    .for('update');
  if (!draft) throw new NotFoundError('Draft', id);
  return draft;
}

/** The columns a draft version takes from what the generator produced. */
export function versionFromGenerated(generated: GeneratedDraft) {
  return {
    body: generated.body,
    confidence: generated.confidence,
    reasoning: generated.reasoning,
    model: generated.model,
    promptTokens: generated.promptTokens,
    completionTokens: generated.completionTokens,
    critiqueTokens: generated.critiqueTokens,
    isOffline: generated.isOffline,
    validationStatus: generated.validation.status,
    validation: generated.validation,
  };
}

/** A conditional update touched nothing: say why, in the order a person would want to hear it. */
async function explainMiss(
  db: Executor,
  params: { organizationId: string; id: number; revision?: number; action: DraftAction },
): Promise<never> {
  const draft = await findDraft(db, params.organizationId, params.id);
  if (params.revision !== undefined && draft.revision !== params.revision) {
    throw new DraftConflictError(draft.revision);
  }
  assertTransition(params.action, draft.status);
  // Status and revision match now, so the row changed between the update and this read.
  throw new DraftConflictError(draft.revision);
}

/**
 * The one way a draft changes: `UPDATE … WHERE id AND organization AND revision AND status RETURNING`,
 * bumping the revision in the same statement, so two writers can never both win.
 */
export async function updateDraft(
  tx: Transaction,
  params: { organizationId: string; id: number; revision?: number; action: DraftAction; now: Date },
  values: PgUpdateSetSource<typeof emailDrafts>,
  extra: SQL[] = [],
): Promise<DraftRow> {
  const conditions = [
    eq(emailDrafts.id, params.id),
    eq(emailDrafts.organizationId, params.organizationId),
    inArray(emailDrafts.status, allowedFrom(params.action)),
    ...extra,
  ];
  if (params.revision !== undefined) conditions.push(eq(emailDrafts.revision, params.revision));
  const [row] = await tx
    .update(emailDrafts)
    .set({ ...values, ...bumpRevision, updatedAt: params.now })
    .where(and(...conditions))
    .returning();
  if (!row) return explainMiss(tx, params);
  return row;
}

export async function editDraft(
  db: Executor,
  params: EditDraftInput & { actor: Member; now?: Date; validate?: ValidateBody },
) {
  const now = params.now ?? new Date();
  const { actor } = params;
  const current = await findDraft(db, actor.organizationId, params.id);
  if (current.revision !== params.revision) throw new DraftConflictError(current.revision);
  assertTransition('edit', current.status);
  // The checks read records and may be slow: they run before the write, never inside it.
  const validation = await (params.validate ?? groundEditedBody)(params.body, {
    db,
    organizationId: actor.organizationId,
    draftId: current.id,
    dealId: current.dealId,
    inboundEmailId: current.inboundEmailId,
    previous: current.validation,
  });

  // The new body and its audit event stand or fall together.
  return withTransaction(db, async (tx) => {
    const draft = await updateDraft(
      tx,
      { organizationId: actor.organizationId, id: params.id, revision: params.revision, action: 'edit', now },
      {
        body: params.body,
        isEdited: true,
        editedBy: actor.userId,
        validation,
        validationStatus: validation.status,
        status: 'pending',
        ...clearedApproval,
      },
    );
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor: userActor(actor.userId),
      action: 'draft.edited',
      entityType: 'draft',
      entityId: draft.id,
      details: {
        revision: draft.revision,
        previousStatus: current.status,
        validation: validation.status,
        length: params.body.length,
      },
    });
    return draft;
  });
}

type Reservation = {
  previousCount: number;
  previousAt: Date | null;
  count: number;
  at: Date;
};

/**
 * Takes one regeneration from the allowance in a single conditional UPDATE, so ten simultaneous
 * calls with one left produce exactly one reservation. Nothing else about the draft changes.
 */
async function reserveRegeneration(
  db: Executor,
  params: { organizationId: string; draft: DraftRow; revision: number; now: Date },
  settings: { regenerationLimit: number; regenerationCooldownHours: number },
): Promise<Reservation> {
  const { draft, now } = params;
  const limit = settings.regenerationLimit;
  const cooldownStart = new Date(now.getTime() - settings.regenerationCooldownHours * 3_600_000);
  const [row] = await db
    .update(emailDrafts)
    .set({
      regenerationCount: sql`case when ${emailDrafts.regenerationCount} < ${limit} then ${emailDrafts.regenerationCount} + 1 else 1 end`,
      lastRegenerationAt: now,
    })
    .where(
      and(
        eq(emailDrafts.id, draft.id),
        eq(emailDrafts.organizationId, params.organizationId),
        eq(emailDrafts.revision, params.revision),
        inArray(emailDrafts.status, allowedFrom('regenerate')),
        sql`${limit} > 0`,
        sql`(${emailDrafts.regenerationCount} < ${limit}
             or coalesce(${emailDrafts.lastRegenerationAt}, 'epoch'::timestamptz) <= ${cooldownStart})`,
      ),
    )
    .returning({ count: emailDrafts.regenerationCount });
  if (row) {
    return {
      previousCount: draft.regenerationCount,
      previousAt: draft.lastRegenerationAt,
      count: row.count,
      at: now,
    };
  }

  const latest = await findDraft(db, params.organizationId, draft.id);
  assertTransition('regenerate', latest.status);
  assertAllowance(latest, settings, now);
  throw new DraftConflictError(latest.revision);
}

/** None left: say when the next one is allowed (checked before the revision: it is the more useful answer). */
function assertAllowance(
  draft: DraftRow,
  settings: { regenerationLimit: number; regenerationCooldownHours: number },
  now: Date,
) {
  const allowance = regenerationAllowance(
    {
      regenerationCount: draft.regenerationCount,
      lastRegenerationAt: draft.lastRegenerationAt,
      limit: settings.regenerationLimit,
      cooldownHours: settings.regenerationCooldownHours,
    },
    now,
  );
  if (allowance.left > 0) return;
  if (!allowance.nextAt)
    throw new InvalidTransitionError('Regeneration is turned off for this organization.');
  throw new RegenerationLimitError(allowance.nextAt);
}

/** Gives back a reservation whose AI call failed, unless someone reserved again after it. */
async function releaseRegeneration(db: Executor, draftId: number, reservation: Reservation) {
  const [restored] = await db
    .update(emailDrafts)
    .set({ regenerationCount: reservation.previousCount, lastRegenerationAt: reservation.previousAt })
    .where(
      and(
        eq(emailDrafts.id, draftId),
        eq(emailDrafts.regenerationCount, reservation.count),
        eq(emailDrafts.lastRegenerationAt, reservation.at),
      ),
    )
    .returning({ id: emailDrafts.id });
  if (restored) return;
  await db
    .update(emailDrafts)
    .set({ regenerationCount: sql`greatest(${emailDrafts.regenerationCount} - 1, 0)` })
    .where(eq(emailDrafts.id, draftId));
}

/** The next version number of a draft; call with the draft row locked (an UPDATE of it in this tx). */
export async function nextVersionNumber(tx: Transaction, draftId: number) {
  const [latest] = await tx
    .select({ version: max(draftVersions.version) })
    .from(draftVersions)
    .where(eq(draftVersions.draftId, draftId));
  return (latest?.version ?? -1) + 1;
}

/**
 * Keeps a hand-edited working body as its own version (`kind: 'edit'`, credited to whoever
 * edited it) before something replaces it, so no edit is ever lost. Does nothing when the body
 * was not edited. Call inside the transaction that replaces the body, after the conditional
 * UPDATE has locked the draft row; returns the version number written, or null.
 */
export async function saveEditedBodyAsVersion(
  tx: Transaction,
  params: { draft: DraftRow; actor: Member | null; now: Date },
): Promise<number | null> {
  const { draft } = params;
  if (!draft.isEdited) return null;
  const version = await nextVersionNumber(tx, draft.id);
  const validation = draft.validation ?? {
    status: draft.validationStatus,
    issues: [],
    checkedAt: params.now.toISOString(),
  };
  await tx.insert(draftVersions).values({
    organizationId: draft.organizationId,
    draftId: draft.id,
    version,
    kind: 'edit',
    body: draft.body,
    instruction: null,
    confidence: draft.confidence,
    reasoning: { questionsAddressed: [], dataUsed: [] },
    model: 'edit',
    isOffline: false,
    validationStatus: validation.status,
    validation,
    createdBy: draft.editedBy ?? params.actor?.userId ?? null,
    createdAt: params.now,
  });
  return version;
}

export async function regenerateDraft(
  db: Executor,
  params: RegenerateDraftInput & { actor: Member; generator: DraftGenerator; now?: Date },
) {
  const now = params.now ?? new Date();
  const { actor } = params;
  const draft = await findDraft(db, actor.organizationId, params.id);
  assertTransition('regenerate', draft.status);
  const settings = await getOrganizationSettings(db, actor.organizationId);
  assertAllowance(draft, settings, now);
  if (draft.revision !== params.revision) throw new DraftConflictError(draft.revision);
  const reservation = await reserveRegeneration(
    db,
    { organizationId: actor.organizationId, draft, revision: params.revision, now },
    settings,
  );

  const instruction = params.instruction?.trim() || null;
  try {
    // The AI call: outside any transaction, after the allowance is reserved.
    const generated = await params.generator.generate(db, {
      organizationId: actor.organizationId,
      inboundEmailId: draft.inboundEmailId,
      instruction,
      currentBody: draft.body,
    });

    // The new version and the draft pointing at it are one change; so is its audit event.
    return await withTransaction(db, async (tx) => {
      const updated = await updateDraft(
        tx,
        {
          organizationId: actor.organizationId,
          id: draft.id,
          revision: params.revision,
          action: 'regenerate',
          now,
        },
        {
          body: generated.body,
          confidence: generated.confidence,
          validation: generated.validation,
          validationStatus: generated.validation.status,
          isOffline: generated.isOffline,
          isEdited: false,
          editedBy: null,
          status: 'pending',
          ...clearedApproval,
          ...clearedAttention,
        },
      );
      // The draft row is locked by the update above, so max + 1 cannot race. The agent's edit,
      // read before the AI call at this same revision, is kept first.
      const editedVersion = await saveEditedBodyAsVersion(tx, { draft, actor, now });
      const version = await nextVersionNumber(tx, draft.id);
      const [versionRow] = await tx
        .insert(draftVersions)
        .values({
          organizationId: actor.organizationId,
          draftId: draft.id,
          version,
          ...versionFromGenerated(generated),
          instruction,
          createdBy: actor.userId,
          createdAt: now,
        })
        .returning();
      const [draftRow] = await tx
        .update(emailDrafts)
        .set({ currentVersion: version })
        .where(eq(emailDrafts.id, draft.id))
        .returning();
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actor: userActor(actor.userId),
        action: 'draft.regenerated',
        entityType: 'draft',
        entityId: draft.id,
        details: {
          version,
          instruction,
          editedVersion,
          previousStatus: draft.status,
          validation: generated.validation.status,
          model: generated.model,
          isOffline: generated.isOffline,
        },
      });
      return { draft: draftRow ?? updated, version: versionRow };
    });
  } catch (error) {
    await releaseRegeneration(db, draft.id, reservation);
    throw error;
  }
}

export async function switchDraftVersion(
  db: Executor,
  params: SwitchVersionInput & { actor: Member; now?: Date },
) {
  const now = params.now ?? new Date();
  const { actor } = params;
  const draft = await findDraft(db, actor.organizationId, params.id);
  const [version] = await db
    .select()
    .from(draftVersions)
    .where(and(eq(draftVersions.draftId, draft.id), eq(draftVersions.version, params.version)));
  if (!version) throw new NotFoundError(`Version ${params.version} of draft`, draft.id);

  // The working body and its audit event stand or fall together.
  return withTransaction(db, async (tx) => {
    const updated = await updateDraft(
      tx,
      {
        organizationId: actor.organizationId,
        id: draft.id,
        revision: params.revision,
        action: 'switchVersion',
        now,
      },
      {
        body: version.body,
        currentVersion: version.version,
        confidence: version.confidence,
        validation: version.validation,
        validationStatus: version.validationStatus,
        isOffline: version.isOffline,
        isEdited: false,
        status: 'pending',
        ...clearedApproval,
        ...clearedAttention,
      },
    );
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor: userActor(actor.userId),
      action: 'draft.version_switched',
      entityType: 'draft',
      entityId: draft.id,
      details: { from: draft.currentVersion, to: version.version, previousStatus: draft.status },
    });
    return updated;
  });
}

export async function approveDraft(db: Executor, params: ApproveDraftInput & { actor: Member; now?: Date }) {
  const now = params.now ?? new Date();
  const { actor } = params;
  const draft = await findDraft(db, actor.organizationId, params.id);
  if (draft.revision !== params.revision) throw new DraftConflictError(draft.revision);
  assertTransition('approve', draft.status);
  const isFailed = draft.validationStatus === 'failed';
  if (isFailed && !params.override) {
    throw new InvalidTransitionError(
      'This draft failed validation: approving it needs an override with a reason, from a manager or admin.',
    );
  }
  if (isFailed && !hasRole(actor, 'manager')) {
    throw new ForbiddenError('Only a manager or admin can override a failed validation.');
  }
  const overrideReason = isFailed ? (params.override?.reason ?? null) : null;

  // The approval and its audit event(s) stand or fall together.
  return withTransaction(db, async (tx) => {
    const updated = await updateDraft(
      tx,
      {
        organizationId: actor.organizationId,
        id: draft.id,
        revision: params.revision,
        action: 'approve',
        now,
      },
      { status: 'approved', approvedAt: now, approvedBy: actor.userId, overrideReason, ...clearedAttention },
      // The validation approved is the one the approver saw.
      [eq(emailDrafts.validationStatus, draft.validationStatus)],
    );
    const base = {
      organizationId: actor.organizationId,
      actor: userActor(actor.userId),
      entityType: 'draft' as const,
      entityId: draft.id,
    };
    await recordAudit(tx, {
      ...base,
      action: 'draft.approved',
      details: { revision: updated.revision, validation: draft.validationStatus, override: overrideReason },
    });
    if (overrideReason) {
      await recordAudit(tx, {
        ...base,
        action: 'draft.overridden',
        details: {
          reason: overrideReason,
          issues: draft.validation?.issues ?? [],
          answeredRequest: draft.attentionRequestedAt
            ? { by: draft.attentionRequestedBy, note: draft.attentionNote }
            : null,
        },
      });
    }
    return updated;
  });
}

function replySubject(subject: string) {
  return /^re:/i.test(subject.trim()) ? subject : `Re: ${subject}`;
}

/** `Name <a@b>` or `a@b` → the parts; the domain names our Message-IDs. */
/** Who a reply is from: the organization's sender, else EMAIL_FROM; the domain names its Message-ID. */
function senderOf(settings: { senderEmail: string; senderName: string }) {
  const sender = settings.senderEmail
    ? { address: settings.senderEmail, name: settings.senderName || null }
    : (parseAddress(env.EMAIL_FROM) ?? { address: env.EMAIL_FROM, name: null });
  return { ...sender, domain: sender.address.split('@')[1] || 'echo.localhost' };
}

type EmailRow = typeof emails.$inferSelect;

function emailSummary(email: EmailRow) {
  return {
    id: email.id,
    deliveryStatus: email.deliveryStatus,
    deliveryError: email.deliveryError,
    deliveryAttempts: email.deliveryAttempts,
    providerMessageId: email.providerMessageId,
    messageId: email.messageId,
    subject: email.subject,
    fromAddress: email.fromAddress,
    toAddress: email.toAddress,
    sentAt: email.sentAt,
  };
}

async function findEmail(db: Executor, organizationId: string, id: number) {
  const [email] = await db
    .select()
    .from(emails)
    .where(and(eq(emails.id, id), eq(emails.organizationId, organizationId)));
  if (!email) throw new NotFoundError('Email', id);
  return email;
}

export type SendOptions = { actor: Member; now?: Date; boss?: PgBoss };

/**
 * The transactional send. A second call for a sent draft (a double click, a retried request)
 * returns the email the first one recorded.
 */
export async function sendDraft(db: Executor, params: SendDraftInput & SendOptions) {
  const now = params.now ?? new Date();
  const { actor } = params;
  // The outbound email, the draft's new status, the delivery job and the audit event: all or none.
  return withTransaction(db, async (tx) => {
    const draft = await lockDraft(tx, actor.organizationId, params.id);
    if (draft.status === 'sent' && draft.sentEmailId) {
      const email = await findEmail(tx, actor.organizationId, draft.sentEmailId);
      return { email: emailSummary(email), draft, undoUntil: null };
    }
    assertTransition('send', draft.status);
    if (draft.revision !== params.revision) throw new DraftConflictError(draft.revision);

    const [context] = await tx
      .select({ inbound: emails, seekerEmail: deals.seekerEmail })
      .from(emails)
      .innerJoin(deals, eq(deals.id, emails.dealId))
      .where(and(eq(emails.id, draft.inboundEmailId), eq(emails.organizationId, actor.organizationId)));
    if (!context) throw new NotFoundError('Inbound email of draft', draft.id);
    const { inbound } = context;
    const settings = await getOrganizationSettings(tx, actor.organizationId);
    const from = senderOf(settings);

    const [email] = await tx
      .insert(emails)
      .values({
        organizationId: actor.organizationId,
        dealId: draft.dealId,
        direction: 'outbound',
        fromAddress: from.address,
        fromName: from.name,
        toAddress: context.seekerEmail,
        subject: replySubject(inbound.subject),
        body: draft.body,
        messageId: `<draft-${draft.id}-${randomBytes(6).toString('hex')}@${from.domain}>`,
        inReplyTo: inbound.messageId,
        references: [...inbound.references.filter((ref) => ref !== inbound.messageId), inbound.messageId],
        deliveryStatus: 'queued',
        deliveryUpdatedAt: now,
        isAiGenerated: true,
        sentAt: now,
      })
      .returning();
    if (!email) throw new Error('Inserting the outbound email returned no row');

    const similarity = await recordSendSimilarity(tx, {
      organizationId: actor.organizationId,
      draftId: draft.id,
      version: draft.currentVersion,
      emailId: email.id,
      sentBody: draft.body,
    });
    const learned = await learnFromSend(tx, {
      organizationId: actor.organizationId,
      draftId: draft.id,
      version: draft.currentVersion,
      inboundEmailId: draft.inboundEmailId,
      emailId: email.id,
      sentBody: draft.body,
      sentBy: actor.userId,
      now,
    });

    // Replying clears the inbound email's reply-time target.
    await tx
      .update(emails)
      .set({ repliedAt: now })
      .where(and(eq(emails.id, inbound.id), isNull(emails.repliedAt)));
    await tx.update(deals).set({ lastActivityAt: now }).where(eq(deals.id, draft.dealId));

    const updated = await updateDraft(
      tx,
      { organizationId: actor.organizationId, id: draft.id, revision: params.revision, action: 'send', now },
      { status: 'sent', sentEmailId: email.id, sentAt: now, sentBy: actor.userId },
    );
    const jobId = await enqueueDelivery(tx, {
      data: { emailId: email.id, draftId: draft.id, organizationId: actor.organizationId, attempt: 1 },
      startAfterSeconds: settings.undoWindowSeconds,
      boss: params.boss,
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor: userActor(actor.userId),
      action: 'draft.sent',
      entityType: 'draft',
      entityId: draft.id,
      details: {
        emailId: email.id,
        messageId: email.messageId,
        jobId,
        undoWindowSeconds: settings.undoWindowSeconds,
        isEdited: draft.isEdited,
        version: draft.currentVersion,
        similarity: similarity?.similarity ?? null,
        proposals: learned.proposalIds,
      },
    });
    return {
      email: emailSummary(email),
      draft: updated,
      undoUntil: new Date(now.getTime() + settings.undoWindowSeconds * 1000),
    };
  });
}

/** Within the undo window and before delivery started: the email is cancelled, the draft approved again. */
export async function undoSend(db: Executor, params: { id: number } & SendOptions) {
  const now = params.now ?? new Date();
  const { actor } = params;
  // Cancelling the email and the job and reopening the draft must agree.
  return withTransaction(db, async (tx) => {
    const draft = await lockDraft(tx, actor.organizationId, params.id);
    assertTransition('undoSend', draft.status);
    if (!draft.sentEmailId || !draft.sentAt) {
      throw new InvalidTransitionError(
        'This draft was sent before Echo recorded its email; it cannot be undone.',
      );
    }
    const settings = await getOrganizationSettings(tx, actor.organizationId);
    const windowEndsAt = draft.sentAt.getTime() + settings.undoWindowSeconds * 1000;
    if (now.getTime() >= windowEndsAt) {
      throw new InvalidTransitionError(
        `The undo window of ${settings.undoWindowSeconds} seconds has passed; the email is on its way.`,
      );
    }
    // Only an email no worker has touched yet: the worker's first step is the same row's attempts + 1.
    const [cancelled] = await tx
      .update(emails)
      .set({ deliveryStatus: 'cancelled', deliveryUpdatedAt: now })
      .where(
        and(
          eq(emails.id, draft.sentEmailId),
          eq(emails.deliveryStatus, 'queued'),
          eq(emails.deliveryAttempts, 0),
        ),
      )
      .returning();
    if (!cancelled)
      throw new InvalidTransitionError('Delivery of this email has already started; it cannot be undone.');
    const cancelledJobs = await cancelQueuedDeliveries(tx, { draftId: draft.id, boss: params.boss });
    await tx.update(emails).set({ repliedAt: null }).where(eq(emails.id, draft.inboundEmailId));
    const updated = await updateDraft(
      tx,
      { organizationId: actor.organizationId, id: draft.id, action: 'undoSend', now },
      { status: 'approved', sentEmailId: null, sentAt: null, sentBy: null },
    );
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor: userActor(actor.userId),
      action: 'draft.send_undone',
      entityType: 'draft',
      entityId: draft.id,
      details: { emailId: cancelled.id, cancelledJobs },
    });
    return { draft: updated, email: emailSummary(cancelled) };
  });
}

/** Queues delivery again for an email whose delivery failed; same idempotency key as before. */
export async function retryDelivery(db: Executor, params: { id: number } & SendOptions) {
  const now = params.now ?? new Date();
  const { actor } = params;
  // The email back in the queue and the job that delivers it: both or neither.
  return withTransaction(db, async (tx) => {
    const draft = await lockDraft(tx, actor.organizationId, params.id);
    assertTransition('retryDelivery', draft.status);
    if (!draft.sentEmailId) throw new InvalidTransitionError('This draft has no email to deliver.');
    const email = await findEmail(tx, actor.organizationId, draft.sentEmailId);
    if (email.deliveryStatus !== 'failed' || !canAdvanceDelivery(email.deliveryStatus, 'queued')) {
      throw new InvalidTransitionError(
        `Only a failed delivery can be retried; this email is ${email.deliveryStatus ?? 'not queued'}.`,
      );
    }
    const [queued] = await tx
      .update(emails)
      .set({ deliveryStatus: 'queued', deliveryError: null, deliveryUpdatedAt: now })
      .where(and(eq(emails.id, email.id), eq(emails.deliveryStatus, 'failed')))
      .returning();
    if (!queued) throw new DraftConflictError(draft.revision);
    const jobId = await enqueueDelivery(tx, {
      data: { emailId: email.id, draftId: draft.id, organizationId: actor.organizationId, attempt: 1 },
      startAfterSeconds: 0,
      boss: params.boss,
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor: userActor(actor.userId),
      action: 'email.delivery_retried',
      entityType: 'email',
      entityId: email.id,
      details: { draftId: draft.id, jobId, previousError: email.deliveryError },
    });
    return { email: emailSummary(queued) };
  });
}

export async function archiveDraft(db: Executor, params: ArchiveDraftInput & { actor: Member; now?: Date }) {
  const now = params.now ?? new Date();
  const { actor } = params;
  const reason = params.reason?.trim() || null;
  // The archive and its audit event stand or fall together.
  return withTransaction(db, async (tx) => {
    const updated = await updateDraft(
      tx,
      { organizationId: actor.organizationId, id: params.id, action: 'archive', now },
      {
        status: 'archived',
        statusBeforeArchive: sql`${emailDrafts.status}`,
        archivedAt: now,
        archivedBy: actor.userId,
        archiveReason: reason,
      },
    );
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor: userActor(actor.userId),
      action: 'draft.archived',
      entityType: 'draft',
      entityId: updated.id,
      details: { reason, previousStatus: updated.statusBeforeArchive },
    });
    return updated;
  });
}

export async function restoreDraft(db: Executor, params: { id: number; actor: Member; now?: Date }) {
  const now = params.now ?? new Date();
  const { actor } = params;
  // The restore and its audit event stand or fall together.
  return withTransaction(db, async (tx) => {
    const updated = await updateDraft(
      tx,
      { organizationId: actor.organizationId, id: params.id, action: 'restore', now },
      {
        status: sql`coalesce(${emailDrafts.statusBeforeArchive}, 'pending')`,
        statusBeforeArchive: null,
        archivedAt: null,
        archivedBy: null,
        archiveReason: null,
      },
    );
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor: userActor(actor.userId),
      action: 'draft.restored',
      entityType: 'draft',
      entityId: updated.id,
      details: { status: updated.status },
    });
    return updated;
  });
}
