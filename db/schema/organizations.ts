import { relations, sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { organizations } from './auth';

/** The product's defaults for an organization's knobs: the column defaults and the app's fallback. */
export const SETTINGS_DEFAULTS = {
  replyTargetHours: 4,
  regenerationLimit: 3,
  regenerationCooldownHours: 24,
  undoWindowSeconds: 10,
  budgetTolerancePercent: 10,
} as const;

/** One row per organization: the knobs admins turn. */
export const organizationSettings = pgTable(
  'organization_settings',
  {
    organizationId: text()
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    replyTargetHours: integer().notNull().default(SETTINGS_DEFAULTS.replyTargetHours),
    regenerationLimit: integer().notNull().default(SETTINGS_DEFAULTS.regenerationLimit),
    regenerationCooldownHours: integer().notNull().default(SETTINGS_DEFAULTS.regenerationCooldownHours),
    undoWindowSeconds: integer().notNull().default(SETTINGS_DEFAULTS.undoWindowSeconds),
    senderName: text().notNull().default(''),
    senderEmail: text().notNull().default(''),
    /** The address seekers write to; inbound mail is routed to its organization by it. */
    inboundAddress: text().unique(),
    signature: text().notNull().default(''),
    /** How far over the seeker's budget a space may be and still be suggested. */
    budgetTolerancePercent: integer().notNull().default(SETTINGS_DEFAULTS.budgetTolerancePercent),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('reply_target_hours_positive', sql`${t.replyTargetHours} > 0`),
    check('regeneration_limit_non_negative', sql`${t.regenerationLimit} >= 0`),
    check('regeneration_cooldown_non_negative', sql`${t.regenerationCooldownHours} >= 0`),
    check('undo_window_non_negative', sql`${t.undoWindowSeconds} >= 0`),
    check('budget_tolerance_range', sql`${t.budgetTolerancePercent} between 0 and 100`),
  ],
);

export const organizationSettingsRelations = relations(organizationSettings, ({ one }) => ({
  organization: one(organizations, {
    fields: [organizationSettings.organizationId],
    references: [organizations.id],
  }),
}));
