import { sql } from 'drizzle-orm';
import { bigint, check, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organizations, users } from './auth';
import { emailDrafts } from './drafts';

export const presenceStates = ['viewing', 'editing'] as const;
export type PresenceState = (typeof presenceStates)[number];

/**
 * Who has a draft open right now, shared by every app instance. A row is a heartbeat: it counts
 * while `seen_at` is recent (the TTL in src/server/live/presence.ts) and goes on close. The table
 * is UNLOGGED (custom migration): presence is worth nothing after a crash, so it skips the WAL.
 */
export const draftPresence = pgTable(
  'draft_presence',
  {
    draftId: bigint({ mode: 'number' })
      .notNull()
      .references(() => emailDrafts.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    state: text({ enum: presenceStates }).notNull(),
    seenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.draftId, t.userId] }),
    check('draft_presence_state', sql`${t.state} in ('viewing', 'editing')`),
  ],
);
