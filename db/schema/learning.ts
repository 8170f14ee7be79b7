import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './auth';
import { spaces } from './spaces';

export const proposalStatuses = ['pending', 'accepted', 'dismissed'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];
export const proposalStatus = pgEnum('knowledge_proposal_status', proposalStatuses);

/** `addition`: the records said nothing; `correction`: they said something else. */
export const proposalKinds = ['addition', 'correction'] as const;
export type ProposalKind = (typeof proposalKinds)[number];
export const proposalKind = pgEnum('knowledge_proposal_kind', proposalKinds);

export type ProposalSource = {
  /** "Alex's reply to Acme Analytics, Dec 1". */
  text: string;
  emailId: number;
  draftId: number;
  dealId: number;
  userId: string | null;
  /** The sentence of the sent reply that states the fact. */
  sentence: string;
};

/**
 * A checkable fact about a space that an agent's sent reply stated and the records did not hold.
 * One row per (space, field, value), whatever its status: a dismissed fact is never proposed again.
 */
export const knowledgeProposals = pgTable(
  'knowledge_proposals',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    spaceId: bigint({ mode: 'number' })
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    /** A path of the space, as the CSV names it: `detailedAmenities.parking.costMonthly`, `desks`. */
    field: text().notNull(),
    value: jsonb().$type<string | number | boolean>().notNull(),
    /** The value as text, for the one-proposal-per-fact index. */
    valueKey: text().notNull(),
    /** What the records held when it was proposed (null: nothing). */
    current: jsonb().$type<string | number | boolean | null>(),
    kind: proposalKind().notNull(),
    status: proposalStatus().notNull().default('pending'),
    /** "Mission Loft: parking $300/month". */
    label: text().notNull(),
    source: jsonb().$type<ProposalSource>().notNull(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('knowledge_proposals_fact_idx').on(t.organizationId, t.spaceId, t.field, t.valueKey),
    index('knowledge_proposals_status_idx').on(t.organizationId, t.status, t.createdAt),
  ],
);

export const styleItemKinds = ['greeting', 'signoff', 'length', 'deleted', 'added'] as const;
export type StyleItemKind = (typeof styleItemKinds)[number];
export const styleItemKind = pgEnum('style_item_kind', styleItemKinds);

/**
 * What an organization's agents do to drafts before sending, as counts: greetings and sign-offs
 * they send, phrases they delete or add, and the length of what they send. A removed item stays
 * (so learning does not bring it back) and is neither shown nor used.
 */
export const styleItems = pgTable(
  'style_items',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: styleItemKind().notNull(),
    /** The normalised key (lower case, the seeker's name as `{name}`). */
    value: text().notNull(),
    /** As agents wrote it, last seen. */
    display: text().notNull(),
    count: integer().notNull().default(0),
    /** `length` only: the words of every counted send, summed (typical length = total / count). */
    totalWords: integer().notNull().default(0),
    removedAt: timestamp({ withTimezone: true }),
    removedBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('style_items_count_non_negative', sql`${t.count} >= 0`),
    uniqueIndex('style_items_key_idx').on(t.organizationId, t.kind, t.value),
  ],
);

export const knowledgeProposalsRelations = relations(knowledgeProposals, ({ one }) => ({
  space: one(spaces, { fields: [knowledgeProposals.spaceId], references: [spaces.id] }),
}));
