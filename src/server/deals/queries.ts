import { and, asc, desc, eq, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import {
  auditEvents,
  dealSpaces,
  dealStages,
  deals,
  emailDrafts,
  emails,
  members,
  spaces,
  users,
} from '../../../db/schema';
import type { Executor } from '../db';
import { NotFoundError } from '../errors';
import { type SlaLevel, slaLevel } from '../sla';
import type { BoardInput } from './schemas';

const DAY = 24 * 60 * 60 * 1000;

/**
 * An inbound email still owed a reply: it has a deadline, nothing answered it, and its draft was not
 * archived (archiving says no reply is coming, as in the inbox).
 */
function awaitingReply(dealIdColumn: SQL | typeof deals.id) {
  return and(
    eq(emails.dealId, dealIdColumn),
    eq(emails.direction, 'inbound'),
    isNull(emails.repliedAt),
    isNotNull(emails.replyDeadlineAt),
    sql`not exists (select 1 from ${emailDrafts} where ${emailDrafts.inboundEmailId} = ${emails.id}
                    and ${emailDrafts.status} = 'archived')`,
  );
}

/**
 * The board: every deal of the organization with its card figures, in column order. The most
 * urgent unanswered email per deal (earliest deadline) is found in SQL; its level is mapped here.
 */
export async function getBoard(db: Executor, params: BoardInput & { organizationId: string; now?: Date }) {
  const now = params.now ?? new Date();
  const earliestUnanswered = db
    .select({ receivedAt: emails.sentAt, deadlineAt: emails.replyDeadlineAt })
    .from(emails)
    .where(awaitingReply(deals.id))
    .orderBy(asc(emails.replyDeadlineAt))
    .limit(1)
    .as('earliest_unanswered');

  const conditions: SQL[] = [eq(deals.organizationId, params.organizationId)];
  if (params.ownerId) conditions.push(eq(deals.ownerId, params.ownerId));
  if (params.needsReply) conditions.push(sql`${earliestUnanswered.deadlineAt} is not null`);

  const [rows, owners] = await Promise.all([
    db
      .select({
        id: deals.id,
        company: deals.companyName,
        seeker: deals.seekerName,
        seekerEmail: deals.seekerEmail,
        teamSize: deals.teamSize,
        monthlyBudget: deals.monthlyBudget,
        stage: deals.stage,
        position: deals.position,
        ownerId: deals.ownerId,
        ownerName: users.name,
        stageChangedAt: deals.stageChangedAt,
        lastActivityAt: deals.lastActivityAt,
        draftsWaiting: sql<number>`(select count(*)::int from ${emailDrafts}
          where ${emailDrafts.dealId} = ${deals.id} and ${emailDrafts.status} = 'pending')`,
        replyReceivedAt: earliestUnanswered.receivedAt,
        replyDeadlineAt: earliestUnanswered.deadlineAt,
      })
      .from(deals)
      .leftJoin(users, eq(users.id, deals.ownerId))
      .leftJoinLateral(earliestUnanswered, sql`true`)
      .where(and(...conditions))
      .orderBy(asc(deals.stage), asc(deals.position), asc(deals.id)),
    listOwners(db, params),
  ]);

  const cards = rows
    .map(({ replyReceivedAt, replyDeadlineAt, ...row }) => ({
      ...row,
      owner: row.ownerName,
      daysInStage: Math.max(0, Math.floor((now.getTime() - row.stageChangedAt.getTime()) / DAY)),
      replyDeadlineAt,
      slaLevel:
        replyReceivedAt && replyDeadlineAt
          ? slaLevel({ receivedAt: replyReceivedAt, deadlineAt: replyDeadlineAt }, now)
          : (null as SlaLevel | null),
    }))
    .filter((card) => !params.slaLevel || card.slaLevel === params.slaLevel);

  return {
    columns: dealStages.map((stage) => {
      const inStage = cards.filter((card) => card.stage === stage);
      return {
        stage,
        count: inStage.length,
        totalMonthlyBudget: inStage.reduce((sum, card) => sum + card.monthlyBudget, 0),
        cards: inStage,
      };
    }),
    owners,
    generatedAt: now,
  };
}

/** The organization's members, who can own deals. */
export function listOwners(db: Executor, params: { organizationId: string }) {
  return db
    .select({ id: users.id, name: users.name, role: members.role })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.organizationId, params.organizationId))
    .orderBy(asc(users.name));
}

export type Board = Awaited<ReturnType<typeof getBoard>>;
export type BoardCard = Board['columns'][number]['cards'][number];

/** One deal with its spaces, thread, drafts and history, in a fixed number of statements. */
export async function getDeal(db: Executor, params: { organizationId: string; id: number; now?: Date }) {
  const [row] = await db
    .select({ deal: deals, ownerName: users.name })
    .from(deals)
    .leftJoin(users, eq(users.id, deals.ownerId))
    .where(and(eq(deals.id, params.id), eq(deals.organizationId, params.organizationId)));
  if (!row) throw new NotFoundError('Deal', params.id);
  const { deal } = row;
  const now = params.now ?? new Date();

  const [spaceRows, thread, drafts] = await Promise.all([
    db
      .select({ space: spaces, dealSpaceId: dealSpaces.id, status: dealSpaces.status })
      .from(dealSpaces)
      .innerJoin(spaces, eq(spaces.id, dealSpaces.spaceId))
      .where(and(eq(dealSpaces.dealId, deal.id), eq(dealSpaces.organizationId, params.organizationId)))
      .orderBy(asc(dealSpaces.id)),
    db
      .select({
        id: emails.id,
        direction: emails.direction,
        draftSimilarity: emails.draftSimilarity,
        isSentUnedited: emails.isSentUnedited,
        fromAddress: emails.fromAddress,
        fromName: emails.fromName,
        toAddress: emails.toAddress,
        subject: emails.subject,
        body: emails.body,
        sentAt: emails.sentAt,
        deliveryStatus: emails.deliveryStatus,
        deliveryError: emails.deliveryError,
        isAiGenerated: emails.isAiGenerated,
        replyDeadlineAt: emails.replyDeadlineAt,
        repliedAt: emails.repliedAt,
        draftError: emails.draftError,
      })
      .from(emails)
      .where(and(eq(emails.dealId, deal.id), eq(emails.organizationId, params.organizationId)))
      .orderBy(asc(emails.sentAt), asc(emails.id)),
    db
      .select({
        id: emailDrafts.id,
        status: emailDrafts.status,
        inboundEmailId: emailDrafts.inboundEmailId,
        sentEmailId: emailDrafts.sentEmailId,
        body: emailDrafts.body,
        confidence: emailDrafts.confidence,
        validationStatus: emailDrafts.validationStatus,
        isOffline: emailDrafts.isOffline,
        isEdited: emailDrafts.isEdited,
        currentVersion: emailDrafts.currentVersion,
        archiveReason: emailDrafts.archiveReason,
        createdAt: emailDrafts.createdAt,
        updatedAt: emailDrafts.updatedAt,
      })
      .from(emailDrafts)
      .where(and(eq(emailDrafts.dealId, deal.id), eq(emailDrafts.organizationId, params.organizationId)))
      .orderBy(asc(emailDrafts.createdAt), asc(emailDrafts.id)),
  ]);

  // Events on the deal itself and on its emails, drafts and space links: one indexed lookup each.
  const entityConditions: SQL[] = [
    and(eq(auditEvents.entityType, 'deal'), eq(auditEvents.entityId, String(deal.id))) as SQL,
  ];
  const related = [
    ['email', thread.map((email) => String(email.id))],
    ['draft', drafts.map((draft) => String(draft.id))],
    ['deal_space', spaceRows.map((link) => String(link.dealSpaceId))],
  ] as const;
  for (const [entityType, ids] of related) {
    if (ids.length > 0)
      entityConditions.push(
        and(eq(auditEvents.entityType, entityType), inArray(auditEvents.entityId, [...ids])) as SQL,
      );
  }
  const history = await db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      actorType: auditEvents.actorType,
      actorName: users.name,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      details: auditEvents.details,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.organizationId, params.organizationId), or(...entityConditions)))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(200);

  return {
    ...deal,
    ownerName: row.ownerName,
    spaces: spaceRows.map(({ space, dealSpaceId, status }) => ({
      ...space,
      dealSpaceId,
      dealStatus: status,
    })),
    thread: thread.map((email) => ({
      ...email,
      slaLevel:
        email.direction === 'inbound'
          ? slaLevel(
              { receivedAt: email.sentAt, deadlineAt: email.replyDeadlineAt, repliedAt: email.repliedAt },
              now,
            )
          : null,
    })),
    drafts,
    history,
  };
}

export type DealDetail = Awaited<ReturnType<typeof getDeal>>;
