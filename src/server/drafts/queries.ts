import { and, asc, eq, getTableColumns, gt, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import {
  auditEvents,
  dealSpaces,
  deals,
  draftVersions,
  emailDrafts,
  emails,
  organizationSettings,
  type QuestionsSummary,
  spaces,
  users,
} from '../../../db/schema';
import { cursorId, cursorTimestamp, decodeCursor, encodeCursor } from '../../lib/cursor';
import type { Role } from '../auth';
import { type Executor, preparedStatement } from '../db';
import { BadInputError, NotFoundError } from '../errors';
import { slaLevel } from '../sla';
import { regenerationAllowance } from './allowance';
import { assignPermission, draftPermissions } from './permissions';
import type { ListDraftsInput } from './schemas';

const inboxCursor = z.object({ d: cursorTimestamp.nullable(), id: cursorId });
const sentEmails = sql.raw('sent_email');
/** The deal's owner, who is the draft's assignee. */
const assignees = alias(users, 'assignee');
/** Who approved the draft past a failed check, and who asked a manager about it. */
const approvers = alias(users, 'approver');
const askers = alias(users, 'asker');

/**
 * Which conditions an inbox query has: a list's filters change the statement's shape, never its
 * values, which are placeholders. One shape is one statement, prepared once per process.
 */
type InboxShape = {
  view: 'open' | 'status' | 'needs_attention';
  deal: boolean;
  validation: boolean;
  assignee: 'any' | 'me' | 'unassigned';
  cursor: 'none' | 'deadline' | 'no_deadline';
};

const placeholder = sql.placeholder;

function inboxQuery(executor: Executor, shape: InboxShape) {
  const conditions: SQL[] = [eq(emailDrafts.organizationId, placeholder('organizationId'))];
  if (shape.view === 'needs_attention') {
    conditions.push(
      ne(emailDrafts.status, 'archived'),
      or(
        eq(emailDrafts.validationStatus, 'failed'),
        isNotNull(emailDrafts.attentionRequestedAt),
        sql`exists (select 1 from ${emails} where ${emails.id} = ${emailDrafts.sentEmailId}
                    and ${emails.deliveryStatus} in ('failed', 'bounced'))`,
      ) as SQL,
    );
  } else if (shape.view === 'status') {
    conditions.push(eq(emailDrafts.status, placeholder('status')));
  } else {
    conditions.push(ne(emailDrafts.status, 'archived'));
  }
  if (shape.deal) conditions.push(eq(emailDrafts.dealId, placeholder('dealId')));
  if (shape.validation) conditions.push(eq(emailDrafts.validationStatus, placeholder('validation')));
  if (shape.assignee === 'me') conditions.push(eq(deals.ownerId, placeholder('viewerId')));
  else if (shape.assignee === 'unassigned') conditions.push(isNull(deals.ownerId));
  if (shape.cursor === 'no_deadline') {
    conditions.push(
      and(isNull(emailDrafts.replyDeadlineAt), gt(emailDrafts.id, placeholder('cursorId'))) as SQL,
    );
  } else if (shape.cursor === 'deadline') {
    const deadline = sql`${placeholder('cursorDeadline')}::timestamptz`;
    conditions.push(
      or(
        gt(emailDrafts.replyDeadlineAt, deadline),
        and(eq(emailDrafts.replyDeadlineAt, deadline), gt(emailDrafts.id, placeholder('cursorId'))),
        isNull(emailDrafts.replyDeadlineAt),
      ) as SQL,
    );
  }

  return executor
    .select({
      id: emailDrafts.id,
      status: emailDrafts.status,
      dealId: emailDrafts.dealId,
      company: deals.companyName,
      seekerName: deals.seekerName,
      subject: emails.subject,
      preview: sql<string>`left(coalesce(${emails.bodyClean}, ${emails.body}), 160)`,
      receivedAt: emails.sentAt,
      replyDeadlineAt: emailDrafts.replyDeadlineAt,
      repliedAt: emails.repliedAt,
      validation: emailDrafts.validationStatus,
      questions: sql<QuestionsSummary | null>`${emailDrafts.validation} -> 'questions'`,
      confidence: emailDrafts.confidence,
      isOffline: emailDrafts.isOffline,
      revision: emailDrafts.revision,
      updatedAt: emailDrafts.updatedAt,
      assigneeId: deals.ownerId,
      assigneeName: assignees.name,
      attentionRequestedAt: emailDrafts.attentionRequestedAt,
      deliveryStatus: sql<string | null>`(select ${sentEmails}.delivery_status from ${emails} as ${sentEmails}
        where ${sentEmails}.id = ${emailDrafts.sentEmailId})`,
    })
    .from(emailDrafts)
    .innerJoin(deals, eq(deals.id, emailDrafts.dealId))
    .innerJoin(emails, eq(emails.id, emailDrafts.inboundEmailId))
    .leftJoin(assignees, eq(assignees.id, deals.ownerId))
    .where(and(...conditions))
    .orderBy(sql`${emailDrafts.replyDeadlineAt} asc nulls last`, asc(emailDrafts.id))
    .limit(placeholder('limit'));
}

/** The process's inbox statements, one per shape met so far (at most 3 × 2 × 2 × 3 × 3 = 108). */
const inboxStatements = new Map<string, ReturnType<typeof inboxStatement>>();

function inboxStatement(key: string, shape: InboxShape) {
  return preparedStatement(`echo_inbox_${key}`, (executor) => inboxQuery(executor, shape));
}

function inboxStatementFor(shape: InboxShape) {
  const key = `${shape.view}_${shape.deal ? 'd' : ''}${shape.validation ? 'v' : ''}_${shape.assignee}_${shape.cursor}`;
  let statement = inboxStatements.get(key);
  if (!statement) {
    statement = inboxStatement(key, shape);
    inboxStatements.set(key, statement);
  }
  return statement;
}

/**
 * The inbox: most urgent reply deadline first (no deadline last), then id, as a keyset over
 * `(reply_deadline_at, id)` so a deep page costs what the first one does.
 */
export async function listDrafts(
  executor: Executor,
  params: ListDraftsInput & { organizationId: string; viewerId?: string; role?: Role; now?: Date },
) {
  if (params.assignee === 'me' && !params.viewerId)
    throw new BadInputError('assignee: "me" needs a signed-in viewer');
  const cursor = params.cursor ? decodeCursor(params.cursor, inboxCursor) : null;
  if (params.cursor && !cursor) throw new BadInputError('cursor: not a cursor this list gave out');

  const shape: InboxShape = {
    view: params.status === 'needs_attention' ? 'needs_attention' : params.status ? 'status' : 'open',
    deal: params.dealId !== undefined,
    validation: params.validation !== undefined,
    assignee: params.assignee ?? 'any',
    cursor: !cursor ? 'none' : cursor.d === null ? 'no_deadline' : 'deadline',
  };
  const values = {
    organizationId: params.organizationId,
    status: params.status,
    dealId: params.dealId,
    validation: params.validation,
    viewerId: params.viewerId,
    cursorDeadline: cursor?.d,
    cursorId: cursor?.id,
    limit: params.limit + 1,
  };
  const rows = await inboxStatementFor(shape)(executor).execute(values);

  const now = params.now ?? new Date();
  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > params.limit && last
      ? encodeCursor({ d: last.replyDeadlineAt?.toISOString() ?? null, id: last.id })
      : null;

  return {
    items: page.map(({ repliedAt, ...row }) => ({
      ...row,
      preview: row.preview.replace(/\s+/g, ' ').trim(),
      /** What the bulk bar may offer for this row (the full `can` is on drafts.get). */
      can: {
        assign: assignPermission(
          { role: params.role ?? 'agent', userId: params.viewerId ?? '' },
          row.assigneeId,
        ),
      },
      slaLevel:
        row.status === 'sent' || row.status === 'archived'
          ? null
          : slaLevel({ receivedAt: row.receivedAt, deadlineAt: row.replyDeadlineAt, repliedAt }, now),
    })),
    nextCursor,
  };
}

/** The draft with its deal, its assignee, settings and the names on its override and "Ask a manager". */
const draftRow = preparedStatement('echo_draft_row', (executor) =>
  executor
    .select({
      draft: emailDrafts,
      deal: deals,
      assigneeName: assignees.name,
      regenerationLimit: organizationSettings.regenerationLimit,
      regenerationCooldownHours: organizationSettings.regenerationCooldownHours,
      undoWindowSeconds: organizationSettings.undoWindowSeconds,
      approverName: approvers.name,
      askerName: askers.name,
    })
    .from(emailDrafts)
    .innerJoin(deals, eq(deals.id, emailDrafts.dealId))
    .leftJoin(assignees, eq(assignees.id, deals.ownerId))
    .leftJoin(approvers, eq(approvers.id, emailDrafts.approvedBy))
    .leftJoin(askers, eq(askers.id, emailDrafts.attentionRequestedBy))
    .leftJoin(organizationSettings, eq(organizationSettings.organizationId, emailDrafts.organizationId))
    .where(
      and(
        eq(emailDrafts.id, placeholder('id')),
        eq(emailDrafts.organizationId, placeholder('organizationId')),
      ),
    ),
);

const draftVersionRows = preparedStatement('echo_draft_versions', (executor) =>
  executor
    .select({ ...getTableColumns(draftVersions), authorName: users.name })
    .from(draftVersions)
    .leftJoin(users, eq(users.id, draftVersions.createdBy))
    .where(eq(draftVersions.draftId, placeholder('draftId')))
    .orderBy(asc(draftVersions.version)),
);

const threadRows = preparedStatement('echo_draft_thread', (executor) =>
  executor
    .select()
    .from(emails)
    .where(
      and(eq(emails.dealId, placeholder('dealId')), eq(emails.organizationId, placeholder('organizationId'))),
    )
    .orderBy(asc(emails.sentAt), asc(emails.id)),
);

const dealSpaceRowsOf = preparedStatement('echo_draft_deal_spaces', (executor) =>
  executor
    .select({ space: spaces, status: dealSpaces.status })
    .from(dealSpaces)
    .innerJoin(spaces, eq(spaces.id, dealSpaces.spaceId))
    .where(eq(dealSpaces.dealId, placeholder('dealId')))
    .orderBy(asc(dealSpaces.id)),
);

/**
 * Everything the review pane needs, in two rounds of prepared statements whatever the number of
 * versions, emails or spaces: the draft with its deal and settings, then versions, thread, spaces
 * and whether the records changed since its checks, side by side.
 */
export async function getDraft(
  db: Executor,
  params: { organizationId: string; id: number; now?: Date; role?: Role; viewerId?: string },
) {
  const [row] = await draftRow(db).execute({ id: params.id, organizationId: params.organizationId });
  if (!row) throw new NotFoundError('Draft', params.id);
  const { draft, deal } = row;

  const checkedAt = draft.validation?.checkedAt ?? draft.createdAt.toISOString();
  const [versions, thread, dealSpaceRows, recordsChangedSince] = await Promise.all([
    draftVersionRows(db).execute({ draftId: draft.id }),
    threadRows(db).execute({ dealId: deal.id, organizationId: params.organizationId }),
    dealSpaceRowsOf(db).execute({ dealId: deal.id }),
    recordsChangedAfter(db, {
      organizationId: params.organizationId,
      dealId: deal.id,
      since: new Date(checkedAt),
    }),
  ]);

  // Who overrode a failed validation, when and why: the approval columns, named.
  const override = draft.overrideReason
    ? { byName: row.approverName, at: draft.approvedAt, reason: draft.overrideReason }
    : null;
  // An agent's open "Ask a manager", with who asked.
  const attentionRequest = draft.attentionRequestedAt
    ? { byName: row.askerName, at: draft.attentionRequestedAt, note: draft.attentionNote }
    : null;

  const inbound = thread.find((email) => email.id === draft.inboundEmailId);
  if (!inbound) throw new NotFoundError('Inbound email of draft', draft.id);
  const sentEmail = draft.sentEmailId
    ? (thread.find((email) => email.id === draft.sentEmailId) ?? null)
    : null;

  const now = params.now ?? new Date();
  const allowance = regenerationAllowance(
    {
      regenerationCount: draft.regenerationCount,
      lastRegenerationAt: draft.lastRegenerationAt,
      limit: row.regenerationLimit ?? 3,
      cooldownHours: row.regenerationCooldownHours ?? 24,
    },
    now,
  );

  return {
    ...draft,
    validation: draft.validation ?? {
      status: draft.validationStatus,
      issues: [],
      checkedAt: draft.createdAt.toISOString(),
    },
    deal,
    spaces: dealSpaceRows.map(({ space, status }) => ({ ...space, dealStatus: status })),
    inbound,
    thread,
    sentEmail,
    override,
    attentionRequest,
    /** The deal's owner: a draft's assignee is its deal's owner. */
    assignee: deal.ownerId ? { id: deal.ownerId, name: row.assigneeName ?? null } : null,
    versions,
    slaLevel:
      draft.status === 'sent' || draft.status === 'archived'
        ? null
        : slaLevel(
            { receivedAt: inbound.sentAt, deadlineAt: inbound.replyDeadlineAt, repliedAt: inbound.repliedAt },
            now,
          ),
    regenerationsLeft: allowance.left,
    nextRegenerationAt: allowance.nextAt,
    undoWindowSeconds: row.undoWindowSeconds ?? 10,
    /** The deal or one of its spaces was edited after this body's checks ran: they may be out of date. */
    recordsChangedSince,
    /** What this viewer may do now; without a role, what an agent may. */
    can: draftPermissions(draft, params.role ?? 'agent', {
      viewerId: params.viewerId ?? '',
      ownerId: deal.ownerId,
    }),
  };
}

/** Edits that change what a draft's checks read: the deal's fields and spaces, and the spaces themselves. */
const groundingEdits = {
  deal: ['deal.updated', 'deal.space_attached', 'deal.space_detached'],
  space: ['space.updated'],
};

/** Whether the deal or any of its spaces was edited after `since` (read from the audit log's entity index). */
const recordsChangedProbe = preparedStatement('echo_draft_records_changed', (executor) =>
  executor
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.organizationId, placeholder('organizationId')),
        gt(auditEvents.createdAt, placeholder('since')),
        or(
          sql`(${auditEvents.entityType} = 'deal' and ${auditEvents.entityId} = ${placeholder('dealKey')}
               and ${auditEvents.action} in (${sql.join(
                 groundingEdits.deal.map((a) => sql`${a}`),
                 sql`, `,
               )}))`,
          // The deal's spaces as they are now, read in the same statement.
          sql`(${auditEvents.entityType} = 'space'
               and ${auditEvents.entityId} in (select ${dealSpaces.spaceId}::text from ${dealSpaces}
                                               where ${dealSpaces.dealId} = ${placeholder('dealId')})
               and ${auditEvents.action} in (${sql.join(
                 groundingEdits.space.map((a) => sql`${a}`),
                 sql`, `,
               )}))`,
        ),
      ),
    )
    .limit(1),
);

async function recordsChangedAfter(
  executor: Executor,
  params: { organizationId: string; dealId: number; since: Date },
) {
  if (Number.isNaN(params.since.getTime())) return false;
  const [row] = await recordsChangedProbe(executor).execute({
    organizationId: params.organizationId,
    since: params.since,
    dealKey: String(params.dealId),
    dealId: params.dealId,
  });
  return row !== undefined;
}
