import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { organizations } from './auth';
import { deals } from './deals';

export type SpaceAmenities = {
  parking?: boolean;
  dogFriendly?: boolean;
  afterHours?: boolean;
  meetingRooms?: boolean;
  [key: string]: boolean | undefined;
};

/** Tour slots by lower-case weekday: `{ tuesday: ['2pm', '4pm'] }`. */
export type SpaceAvailability = Partial<Record<string, string[]>>;

export type DetailedAmenities = {
  parking?: {
    type?: string;
    location?: string;
    costMonthly?: number;
    costPerDay?: number;
    spotsAvailable?: number;
    provider?: string;
    sharedSpots?: boolean;
    note?: string;
  };
  dogPolicy?: {
    allowed: boolean;
    reason?: string;
    flexibility?: string;
    alternative?: string;
    sizeLimit?: string;
    deposit?: number;
    note?: string;
  };
  access?: {
    system?: string;
    costPerCard?: number;
    cost?: number;
    process?: string;
    hours?: string;
    afterHours?: boolean;
    advanceNotice?: string;
    securityContact?: string;
  };
  meetingRooms?: {
    count: number;
    sizes: number[];
    bookingSystem?: string;
    maxHoursPerBooking?: number;
    note?: string;
  };
  rentInclusions?: {
    utilities?: boolean;
    internet?: string;
    janitorial?: string;
    hvac?: boolean;
    kitchen?: string;
  };
  hostStatus?: string;
  lastContact?: string;
};

export const spaces = pgTable(
  'spaces',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    address: text().notNull(),
    neighborhood: text(),
    hostCompany: text().notNull(),
    hostEmail: text().notNull(),
    hostContext: text(),
    amenities: jsonb().$type<SpaceAmenities>().notNull().default({}),
    availability: jsonb().$type<SpaceAvailability>().notNull().default({}),
    /** Whole dollars a month. */
    monthlyRate: integer().notNull(),
    detailedAmenities: jsonb().$type<DetailedAmenities>().notNull().default({}),
    /** The listing's own key (the CSV `reference` column): re-imports update by it. */
    reference: text(),
    desks: integer(),
    squareFeet: integer(),
    /** ISO date (YYYY-MM-DD) the space can be moved into. */
    availableFrom: date({ mode: 'string' }),
    /** Bumped by every edit; a stale one is refused (optimistic locking, as for drafts). */
    revision: integer().notNull().default(0),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('monthly_rate_non_negative', sql`${t.monthlyRate} >= 0`),
    check('desks_non_negative', sql`${t.desks} >= 0`),
    check('square_feet_non_negative', sql`${t.squareFeet} >= 0`),
    index('spaces_org_idx').on(t.organizationId, t.name),
    uniqueIndex('spaces_reference_idx').on(t.organizationId, t.reference),
    index('spaces_amenities_gin').using('gin', t.amenities),
    // Suggestions: every must-have as one exact key/value containment (jsonb_path_ops hashes the pair).
    index('spaces_amenities_path_gin').using('gin', t.amenities.op('jsonb_path_ops')),
    // The list's keyset pages: one per sort key, ending in id, so a deep page is one range scan.
    index('spaces_list_name_idx').on(t.organizationId, t.name, t.id),
    index('spaces_list_rate_idx').on(t.organizationId, t.monthlyRate, t.id),
    index('spaces_list_desks_idx').on(t.organizationId, sql`coalesce(${t.desks}, -1)`, t.id),
    index('spaces_list_square_feet_idx').on(t.organizationId, sql`coalesce(${t.squareFeet}, -1)`, t.id),
    // Suggestions: the live inventory of one organization by rate, then desks.
    index('spaces_live_rate_idx')
      .on(t.organizationId, t.monthlyRate, t.desks)
      .where(sql`${t.archivedAt} is null`),
  ],
);

export const dealSpaceStatuses = ['shown', 'interested', 'touring', 'rejected', 'selected'] as const;
export type DealSpaceStatus = (typeof dealSpaceStatuses)[number];
export const dealSpaceStatus = pgEnum('deal_space_status', dealSpaceStatuses);

export const dealSpaces = pgTable(
  'deal_spaces',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    dealId: bigint({ mode: 'number' })
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    spaceId: bigint({ mode: 'number' })
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    status: dealSpaceStatus().notNull().default('shown'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('deal_spaces_pair_idx').on(t.dealId, t.spaceId), index().on(t.spaceId)],
);

export const spacesRelations = relations(spaces, ({ many }) => ({
  deals: many(dealSpaces),
}));

export const dealSpacesRelations = relations(dealSpaces, ({ one }) => ({
  deal: one(deals, { fields: [dealSpaces.dealId], references: [deals.id] }),
  space: one(spaces, { fields: [dealSpaces.spaceId], references: [spaces.id] }),
}));

/** A suggestion the broker dismissed for a deal: never suggested to that deal again. */
export const dealSpaceDismissals = pgTable(
  'deal_space_dismissals',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    dealId: bigint({ mode: 'number' })
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    spaceId: bigint({ mode: 'number' })
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    dismissedBy: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('deal_space_dismissals_pair_idx').on(t.dealId, t.spaceId), index().on(t.spaceId)],
);
