import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './auth';

export const dealStages = ['inquiry', 'touring', 'negotiating', 'closed'] as const;
export type DealStage = (typeof dealStages)[number];
export const dealStage = pgEnum('deal_stage', dealStages);

/** What the seeker asked for, by hand or read from their emails (PRODUCT.md: "From inquiry to shortlist"). */
export type DealRequirements = {
  neighborhoods?: string[];
  /** ISO date (YYYY-MM-DD), the earliest the seeker wants to move in. */
  moveInDate?: string;
  leaseMonths?: number;
  parking?: boolean;
  parkingSpots?: number;
  dogFriendly?: boolean;
  afterHours?: boolean;
  meetingRooms?: boolean;
  notes?: string;
};

/** The requirement fields an email can state, plus the deal's own team size and budget. */
export const requirementFields = [
  'teamSize',
  'monthlyBudget',
  'neighborhoods',
  'moveInDate',
  'leaseMonths',
  'parking',
  'parkingSpots',
  'dogFriendly',
  'afterHours',
  'meetingRooms',
] as const;
export type RequirementField = (typeof requirementFields)[number];
export type RequirementValue = number | string | boolean | string[];
/** Where a requirement was read: the email and the seeker's own words. */
export type RequirementSource = { emailId: number; words: string; value: RequirementValue };
export type RequirementSources = Partial<Record<RequirementField, RequirementSource>>;

export const deals = pgTable(
  'deals',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    ownerId: text().references(() => users.id, { onDelete: 'set null' }),
    seekerName: text().notNull(),
    seekerEmail: text().notNull(),
    companyName: text().notNull(),
    teamSize: integer().notNull(),
    /** Whole dollars a month, as in the reference design. */
    monthlyBudget: integer().notNull(),
    requirements: jsonb().$type<DealRequirements>().notNull().default({}),
    /** Which email and words each requirement came from. */
    requirementSources: jsonb().$type<RequirementSources>().notNull().default({}),
    /** What a later email said about a hand-entered field: shown for the broker to accept. */
    pendingRequirements: jsonb().$type<RequirementSources>().notNull().default({}),
    /** Fields a broker typed in: an email never overwrites them. */
    handEnteredFields: text().array().$type<RequirementField[]>().notNull().default(sql`'{}'::text[]`),
    /** Bumped by every edit; a stale one is refused with CONFLICT. */
    revision: integer().notNull().default(0),
    stage: dealStage().notNull().default('inquiry'),
    /** Order inside the stage column; fractional so a move writes one row. */
    position: doublePrecision().notNull().default(0),
    stageChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('team_size_positive', sql`${t.teamSize} > 0`),
    check('monthly_budget_non_negative', sql`${t.monthlyBudget} >= 0`),
    index('deals_board_idx').on(t.organizationId, t.stage, t.position),
    index('deals_seeker_email_idx').on(t.organizationId, sql`lower(${t.seekerEmail})`),
    index('deals_owner_idx').on(t.organizationId, t.ownerId),
    index('deals_requirements_gin').using('gin', t.requirements),
  ],
);

export const dealsRelations = relations(deals, ({ one }) => ({
  organization: one(organizations, { fields: [deals.organizationId], references: [organizations.id] }),
  owner: one(users, { fields: [deals.ownerId], references: [users.id] }),
}));
