import { bigint, index, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { organizations } from './auth';

export const actorTypes = ['user', 'system', 'ai'] as const;
export type ActorType = (typeof actorTypes)[number];
export const actorType = pgEnum('actor_type', actorTypes);

/**
 * Append-only: a trigger (migration 0001) refuses UPDATE and DELETE.
 * Written in the same transaction as the change it records.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id),
    actorType: actorType().notNull(),
    actorId: text(),
    /** e.g. `draft.approved`, `deal.stage_moved`, `email.received`. */
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.organizationId, t.entityType, t.entityId, t.createdAt),
    index('audit_events_org_created_idx').on(t.organizationId, t.createdAt),
    index('audit_events_action_idx').on(t.organizationId, t.action, t.createdAt),
  ],
);
