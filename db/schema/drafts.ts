import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './auth';
import { deals } from './deals';
import { emails } from './emails';

export const draftStatuses = ['pending', 'approved', 'sent', 'archived'] as const;
export type DraftStatus = (typeof draftStatuses)[number];
export const draftStatus = pgEnum('draft_status', draftStatuses);

export const validationStatuses = ['passed', 'warnings', 'failed'] as const;
export type ValidationStatus = (typeof validationStatuses)[number];
export const validationStatus = pgEnum('validation_status', validationStatuses);

export type ValidationIssue = {
  /** The words of the body the issue is about. */
  claim: string;
  /** What the records say (or that they say nothing). */
  expected: string;
  /** Where that comes from, e.g. `space:12.detailedAmenities.parking.costMonthly`. */
  source: string;
  severity: 'warning' | 'error';
  /** Which layer found it. */
  layer?: 'grounding' | 'critique';
  /** Offset of the claim in the body, for highlighting. */
  start?: number;
  end?: number;
};

/** Completeness: the seeker's questions, and how many the reply answers from the records or defers. */
export type QuestionsSummary = {
  asked: number;
  answered: number;
  deferred: number;
  /** The questions neither answered nor deferred, as the seeker wrote them. */
  unanswered?: string[];
};

export type DraftValidation = {
  status: ValidationStatus;
  issues: ValidationIssue[];
  checkedAt: string;
  /** Present on every validation written since completeness checks exist. */
  questions?: QuestionsSummary;
};

export type DraftReasoning = {
  questionsAddressed: Array<{
    question: string;
    answer: string;
    sourceEmailId?: number;
    sourceText?: string;
  }>;
  dataUsed: Array<{
    dataPoint: string;
    sourceType?: 'space' | 'deal' | 'email' | 'organization';
    sourceId?: number | string;
    fieldPath?: string;
    value?: unknown;
  }>;
  schedulingLogic?: string[];
  needsHumanReview?: string[];
  /** How the confidence was computed from the evidence, in words. */
  confidenceBasis?: string;
};

export const emailDrafts = pgTable(
  'email_drafts',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    dealId: bigint({ mode: 'number' })
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    /** One draft answers one inbound email: the unique index makes generation idempotent. */
    inboundEmailId: bigint({ mode: 'number' })
      .notNull()
      .references(() => emails.id, { onDelete: 'cascade' }),
    status: draftStatus().notNull().default('pending'),
    /** The working body: what will be sent. */
    body: text().notNull(),
    /** Bumped by every change; writes carry the revision the user saw. */
    revision: integer().notNull().default(0),
    currentVersion: integer().notNull().default(0),
    /** Copied from the current version so the inbox can filter and sort without a join. */
    confidence: integer().notNull().default(0),
    validationStatus: validationStatus().notNull().default('passed'),
    validation: jsonb().$type<DraftValidation>(),
    isOffline: boolean().notNull().default(false),
    /** True once a person changed the body by hand (AI acceptance is sent without edits). */
    isEdited: boolean().notNull().default(false),
    /** Who last edited the working body by hand; its version is credited to them. */
    editedBy: text().references(() => users.id, { onDelete: 'set null' }),
    /** Copied from the inbound email: the inbox is ordered by it. */
    replyDeadlineAt: timestamp({ withTimezone: true }),
    regenerationCount: integer().notNull().default(0),
    lastRegenerationAt: timestamp({ withTimezone: true }),
    approvedAt: timestamp({ withTimezone: true }),
    approvedBy: text().references(() => users.id, { onDelete: 'set null' }),
    overrideReason: text(),
    sentAt: timestamp({ withTimezone: true }),
    sentBy: text().references(() => users.id, { onDelete: 'set null' }),
    sentEmailId: bigint({ mode: 'number' }).references(() => emails.id, { onDelete: 'set null' }),
    archivedAt: timestamp({ withTimezone: true }),
    archivedBy: text().references(() => users.id, { onDelete: 'set null' }),
    archiveReason: text(),
    statusBeforeArchive: draftStatus(),
    /** An agent's "Ask a manager" on a failed draft; cleared by the approval (override) or a new version. */
    attentionRequestedAt: timestamp({ withTimezone: true }),
    attentionRequestedBy: text().references(() => users.id, { onDelete: 'set null' }),
    attentionNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('confidence_range', sql`${t.confidence} between 0 and 100`),
    check('revision_non_negative', sql`${t.revision} >= 0`),
    uniqueIndex('email_drafts_inbound_idx').on(t.inboundEmailId),
    index('email_drafts_inbox_idx').on(t.organizationId, t.status, t.replyDeadlineAt, t.id),
    index('email_drafts_open_idx')
      .on(t.organizationId, t.replyDeadlineAt, t.id)
      .where(sql`${t.status} <> 'archived'`),
    index('email_drafts_attention_idx')
      .on(t.organizationId, t.replyDeadlineAt, t.id)
      .where(sql`${t.attentionRequestedAt} is not null`),
    index('email_drafts_validation_idx').on(t.organizationId, t.validationStatus, t.replyDeadlineAt, t.id),
    index('email_drafts_deal_idx').on(t.dealId, t.status),
    index('email_drafts_created_idx').on(t.organizationId, t.createdAt),
    index('email_drafts_sent_idx').on(t.organizationId, t.sentAt).where(sql`${t.sentAt} is not null`),
    index('email_drafts_sent_email_idx').on(t.sentEmailId).where(sql`${t.sentEmailId} is not null`),
  ],
);

export const draftVersions = pgTable(
  'draft_versions',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    draftId: bigint({ mode: 'number' })
      .notNull()
      .references(() => emailDrafts.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    body: text().notNull(),
    /** The agent's instruction; null for version 0. */
    instruction: text(),
    confidence: integer().notNull(),
    reasoning: jsonb().$type<DraftReasoning>().notNull(),
    model: text().notNull(),
    promptTokens: integer().notNull().default(0),
    completionTokens: integer().notNull().default(0),
    critiqueTokens: integer().notNull().default(0),
    isOffline: boolean().notNull().default(false),
    validationStatus: validationStatus().notNull(),
    validation: jsonb().$type<DraftValidation>().notNull(),
    /** Who asked for it (or, for an `edit`, who wrote it): null for the first, automatic draft. */
    createdBy: text().references(() => users.id, { onDelete: 'set null' }),
    /** `ai`: written by a drafter; `edit`: a person's edited body, kept before a regeneration replaced it. */
    kind: text({ enum: ['ai', 'edit'] })
      .notNull()
      .default('ai'),
    /** Set when a reply that started from this version is sent: how close the sent body stayed (0–1). */
    sentSimilarity: real(),
    sentEditDistance: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('version_confidence_range', sql`${t.confidence} between 0 and 100`),
    uniqueIndex('draft_versions_draft_version_idx').on(t.draftId, t.version),
    index('draft_versions_org_created_idx').on(t.organizationId, t.createdAt),
  ],
);

export const emailDraftsRelations = relations(emailDrafts, ({ one, many }) => ({
  deal: one(deals, { fields: [emailDrafts.dealId], references: [deals.id] }),
  inbound: one(emails, { fields: [emailDrafts.inboundEmailId], references: [emails.id] }),
  sentEmail: one(emails, { fields: [emailDrafts.sentEmailId], references: [emails.id] }),
  versions: many(draftVersions),
}));

export const draftVersionsRelations = relations(draftVersions, ({ one }) => ({
  draft: one(emailDrafts, { fields: [draftVersions.draftId], references: [emailDrafts.id] }),
}));
