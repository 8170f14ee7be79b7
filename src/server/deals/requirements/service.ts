import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import {
  type DealRequirements,
  deals,
  emails,
  type RequirementField,
  type RequirementSources,
  type RequirementValue,
  spaces,
} from '../../../../db/schema';
import type { DraftGenerator } from '../../ai/types';
import { type Actor, AI, recordAudit, SYSTEM } from '../../audit';
import { type Executor, type Transaction, withTransaction } from '../../db';
import { BadInputError, NotFoundError } from '../../errors';
import { type ExtractedRequirements, extractRequirements } from './extract';

/** The organization's own neighbourhood names, from its live inventory. */
export async function knownNeighborhoods(db: Executor, organizationId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ neighborhood: spaces.neighborhood })
    .from(spaces)
    .where(
      and(
        eq(spaces.organizationId, organizationId),
        isNull(spaces.archivedAt),
        isNotNull(spaces.neighborhood),
      ),
    );
  return rows.flatMap((row) => (row.neighborhood ? [row.neighborhood] : []));
}

type DealRow = typeof deals.$inferSelect;

function currentValue(deal: DealRow, field: RequirementField): RequirementValue | undefined {
  if (field === 'teamSize') return deal.teamSize;
  if (field === 'monthlyBudget') return deal.monthlyBudget;
  return deal.requirements[field];
}

const same = (a: RequirementValue | undefined, b: RequirementValue | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The deal's columns and requirements with `field` set to `value`. */
function withValue(
  patch: { teamSize?: number; monthlyBudget?: number; requirements: DealRequirements },
  field: RequirementField,
  value: RequirementValue,
) {
  if (field === 'teamSize' && typeof value === 'number') patch.teamSize = Math.max(1, value);
  else if (field === 'monthlyBudget' && typeof value === 'number') patch.monthlyBudget = Math.max(0, value);
  else (patch.requirements as Record<string, RequirementValue>)[field] = value;
}

/**
 * Puts what one inbound email says onto its deal, each value with its source. A field a broker
 * entered by hand is never overwritten: a different value waits in `pendingRequirements` for the
 * broker to accept. Runs inside the receiving transaction, on the locked deal row.
 */
export async function readRequirementsFromEmail(
  tx: Transaction,
  input: {
    organizationId: string;
    dealId: number;
    emailId: number;
    text: string;
    sentAt: Date;
    extracted?: ExtractedRequirements;
    /** What a model read that the email does not bear out (recorded on the audit event). */
    dropped?: Array<{ field: RequirementField; reason: string }>;
    actor?: Actor;
  },
) {
  const extracted =
    input.extracted ??
    extractRequirements(input.text, {
      sentAt: input.sentAt,
      knownNeighborhoods: await knownNeighborhoods(tx, input.organizationId),
    });
  const found = Object.entries(extracted) as Array<
    [RequirementField, { value: RequirementValue; words: string }]
  >;
  if (found.length === 0) return { applied: [], pending: [] };

  const [deal] = await tx
    .select()
    .from(deals)
    .where(and(eq(deals.id, input.dealId), eq(deals.organizationId, input.organizationId)))
    .for('update');
  if (!deal) throw new NotFoundError('Deal', input.dealId);

  const patch = { requirements: { ...deal.requirements } } as {
    teamSize?: number;
    monthlyBudget?: number;
    requirements: DealRequirements;
  };
  const sources: RequirementSources = { ...deal.requirementSources };
  const pending: RequirementSources = { ...deal.pendingRequirements };
  const applied: RequirementField[] = [];
  const proposed: RequirementField[] = [];
  for (const [field, { value, words }] of found) {
    const source = { emailId: input.emailId, words: words.slice(0, 200), value };
    if (same(currentValue(deal, field), value)) {
      if (!deal.handEnteredFields.includes(field)) sources[field] = source;
      delete pending[field];
      continue;
    }
    if (deal.handEnteredFields.includes(field)) {
      pending[field] = source;
      proposed.push(field);
      continue;
    }
    withValue(patch, field, value);
    sources[field] = source;
    applied.push(field);
  }
  if (patch.requirements.parking === false) delete patch.requirements.parkingSpots;

  await tx
    .update(deals)
    .set({
      ...patch,
      requirementSources: sources,
      pendingRequirements: pending,
      updatedAt: sql`now()`,
      ...(applied.length > 0 ? { revision: sql`${deals.revision} + 1` } : {}),
    })
    .where(and(eq(deals.id, deal.id), eq(deals.organizationId, input.organizationId)));
  if (applied.length > 0 || proposed.length > 0) {
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actor: input.actor ?? SYSTEM,
      action: 'deal.requirements_read',
      entityType: 'deal',
      entityId: deal.id,
      details: {
        emailId: input.emailId,
        applied: Object.fromEntries(applied.map((field) => [field, sources[field]?.value])),
        proposed: Object.fromEntries(proposed.map((field) => [field, pending[field]?.value])),
        ...(input.dropped?.length ? { dropped: input.dropped } : {}),
      },
    });
  }
  return { applied, pending: proposed };
}

/**
 * With a provider, the model reads the inbound email again (structured output, every value checked
 * against the email's words) and what it finds goes on the deal like the parser's reading did on
 * arrival. The model call happens outside any transaction; without a provider, or when it fails, the
 * deterministic reading made on arrival stands.
 */
export async function readRequirementsWithProvider(
  db: Executor,
  generator: Pick<DraftGenerator, 'readRequirements'>,
  request: { organizationId: string; inboundEmailId: number },
) {
  if (!generator.readRequirements) return null;
  const [email] = await db
    .select({
      id: emails.id,
      dealId: emails.dealId,
      subject: emails.subject,
      body: emails.body,
      bodyClean: emails.bodyClean,
      sentAt: emails.sentAt,
      direction: emails.direction,
    })
    .from(emails)
    .where(and(eq(emails.id, request.inboundEmailId), eq(emails.organizationId, request.organizationId)));
  if (email?.direction !== 'inbound') return null;
  const text = `${email.subject}\n${email.bodyClean ?? email.body}`;
  const reading = await generator.readRequirements({
    text,
    sentAt: email.sentAt,
    knownNeighborhoods: await knownNeighborhoods(db, request.organizationId),
  });
  if (reading?.source !== 'provider') return reading;
  // One transaction: the deal's values, their sources and the audit event change together.
  await withTransaction(db, (tx) =>
    readRequirementsFromEmail(tx, {
      organizationId: request.organizationId,
      dealId: email.dealId,
      emailId: email.id,
      text,
      sentAt: email.sentAt,
      extracted: reading.extracted,
      dropped: reading.dropped,
      actor: AI,
    }),
  );
  return reading;
}

/** The broker takes what the email says for a field they had entered by hand. */
export async function acceptPendingRequirement(
  executor: Executor,
  input: { organizationId: string; dealId: number; field: RequirementField; actor: Actor },
) {
  // One transaction: the value, its source and the audit event change together.
  return withTransaction(executor, async (tx) => {
    const [deal] = await tx
      .select()
      .from(deals)
      .where(and(eq(deals.id, input.dealId), eq(deals.organizationId, input.organizationId)))
      .for('update');
    if (!deal) throw new NotFoundError('Deal', input.dealId);
    const proposal = deal.pendingRequirements[input.field];
    if (!proposal) throw new BadInputError(`field: no proposed value for ${input.field} on this deal`);
    const patch = { requirements: { ...deal.requirements } } as {
      teamSize?: number;
      monthlyBudget?: number;
      requirements: DealRequirements;
    };
    withValue(patch, input.field, proposal.value);
    const pending = { ...deal.pendingRequirements };
    delete pending[input.field];
    const [updated] = await tx
      .update(deals)
      .set({
        ...patch,
        requirementSources: { ...deal.requirementSources, [input.field]: proposal },
        pendingRequirements: pending,
        handEnteredFields: deal.handEnteredFields.filter((field) => field !== input.field),
        revision: sql`${deals.revision} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(deals.id, deal.id), eq(deals.revision, deal.revision)))
      .returning({ id: deals.id, revision: deals.revision });
    if (!updated) throw new NotFoundError('Deal', input.dealId);
    await recordAudit(tx, {
      organizationId: input.organizationId,
      actor: input.actor,
      action: 'deal.requirement_accepted',
      entityType: 'deal',
      entityId: deal.id,
      details: {
        field: input.field,
        from: currentValue(deal, input.field),
        to: proposal.value,
        source: proposal,
      },
    });
    return { id: updated.id, revision: updated.revision, field: input.field, value: proposal.value };
  });
}
