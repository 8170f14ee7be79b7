import { and, eq, ne, sql } from 'drizzle-orm';
import { organizationSettings } from '../../../db/schema';
import { recordAudit, userActor } from '../audit';
import { type Executor, withTransaction } from '../db';
import { env } from '../env';
import { ConflictError, NotFoundError } from '../errors';
import type { Viewer } from '../viewer';
import { defaultSettings, getOrganizationSettings } from './queries';
import type { UpdateSettingsInput } from './schemas';

/** Where Resend must POST its events for this deployment. */
export const resendWebhookUrl = () => `${env.APP_URL.replace(/\/$/, '')}/api/webhooks/resend`;

export async function settingsOverview(db: Executor, organizationId: string) {
  const settings = await getOrganizationSettings(db, organizationId);
  return {
    settings,
    webhookUrl: resendWebhookUrl(),
    isWebhookSecretConfigured: Boolean(env.RESEND_WEBHOOK_SECRET),
    isResendConfigured: env.isResendConfigured,
  };
}

type SettingsKey = keyof UpdateSettingsInput;

/** Writes the changed settings and audits `settings.changed` with each field's before and after. */
const INBOUND_ADDRESS_TAKEN = 'inboundAddress: that address is taken';

function isUniqueViolation(error: unknown) {
  const cause = error instanceof Error && 'cause' in error ? error.cause : error;
  return (
    (typeof cause === 'object' && cause !== null && 'code' in cause && cause.code === '23505') ||
    (typeof error === 'object' && error !== null && 'code' in error && error.code === '23505')
  );
}

export async function updateSettings(executor: Executor, viewer: Viewer, changes: UpdateSettingsInput) {
  // One transaction: the settings row is locked while compared, and the audit row lands with the change.
  return withTransaction(executor, async (tx) => {
    await tx
      .insert(organizationSettings)
      .values({ organizationId: viewer.organizationId })
      .onConflictDoNothing({ target: organizationSettings.organizationId });
    const [current] = await tx
      .select()
      .from(organizationSettings)
      .where(eq(organizationSettings.organizationId, viewer.organizationId))
      .for('update');
    const before = current ?? defaultSettings(viewer.organizationId);

    const changed: Partial<Record<SettingsKey, unknown>> = {};
    const previous: Partial<Record<SettingsKey, unknown>> = {};
    for (const key of Object.keys(changes) as SettingsKey[]) {
      const value = changes[key];
      if (value === undefined || value === before[key]) continue;
      changed[key] = value;
      previous[key] = before[key];
    }
    if (Object.keys(changed).length === 0) return { settings: before, changed: [] as SettingsKey[] };

    if (typeof changed.inboundAddress === 'string') {
      const [taken] = await tx
        .select({ organizationId: organizationSettings.organizationId })
        .from(organizationSettings)
        .where(
          and(
            sql`lower(${organizationSettings.inboundAddress}) = ${changed.inboundAddress}`,
            ne(organizationSettings.organizationId, viewer.organizationId),
          ),
        )
        .limit(1);
      // Say only that it is taken: whose it is, and what else they receive, is not ours to tell.
      if (taken) throw new ConflictError(INBOUND_ADDRESS_TAKEN);
    }

    const [settings] = await tx
      .update(organizationSettings)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(organizationSettings.organizationId, viewer.organizationId))
      .returning()
      .catch((error: unknown) => {
        // Two organizations claiming one address at the same moment: the unique index decides.
        if (isUniqueViolation(error)) throw new ConflictError(INBOUND_ADDRESS_TAKEN);
        throw error;
      });
    if (!settings) throw new NotFoundError('Organization settings', viewer.organizationId);

    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actor: userActor(viewer.userId),
      action: 'settings.changed',
      entityType: 'organization',
      entityId: viewer.organizationId,
      details: { before: previous, after: changed },
    });
    return { settings, changed: Object.keys(changed) as SettingsKey[] };
  });
}
