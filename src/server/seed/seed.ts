import { hashPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import {
  accounts,
  auditEvents,
  dealSpaces,
  deals,
  draftVersions,
  emailDrafts,
  emails,
  members,
  organizationSettings,
  organizations,
  spaces,
  users,
} from '../../../db/schema';
import { loadDraftContext } from '../ai/context';
import { computeConfidence, validateDraftBody } from '../ai/grounding';
import { draftOffline } from '../ai/offline';
import type { Executor } from '../db';
import { inventorySpaces, seedNewInquiry } from './inventory';
import { seedLearningHistory } from './learning-seed';
import { demoDeals, demoSpaces, otherBrokerage, type SeedDeal, type SeedSpace } from './seed-data';

export const DEMO_PASSWORD = 'echo-demo-password';

export const demoUsers = [
  { id: 'user_demo_agent', email: 'agent@echo.test', name: 'Alex Agent', role: 'agent', org: 'tandem' },
  {
    id: 'user_demo_manager',
    email: 'manager@echo.test',
    name: 'Morgan Manager',
    role: 'manager',
    org: 'tandem',
  },
  { id: 'user_demo_admin', email: 'admin@echo.test', name: 'Avery Admin', role: 'admin', org: 'tandem' },
  { id: 'user_other_agent', email: 'agent@other.test', name: 'Olive Other', role: 'agent', org: 'other' },
] as const;

const demoOrganizations = {
  tandem: {
    id: 'org_tandem_demo',
    name: 'Tandem Demo',
    slug: 'tandem-demo',
    senderName: 'Tandem Brokerage',
    senderEmail: 'deals@tandem.echo.test',
    inboundAddress: 'inbox@tandem.echo.test',
    // The default for members without their own; each demo member signs with their own name.
    signature: 'Best,\nThe Tandem Brokerage team · (415) 555-0142',
    memberSignature: (name: string) => `Best,\n${name}\nTandem Brokerage · (415) 555-0142`,
  },
  other: {
    id: 'org_other_brokerage',
    name: 'Other Brokerage',
    slug: 'other-brokerage',
    senderName: 'Other Brokerage',
    senderEmail: 'hello@other.echo.test',
    inboundAddress: 'inbox@other.echo.test',
    signature: 'Cheers,\nOther Brokerage',
    memberSignature: (name: string) => `Cheers,\n${name.split(' ')[0]}\nOther Brokerage`,
  },
} as const;

type OrgKey = keyof typeof demoOrganizations;

const HOUR = 60 * 60 * 1000;

/**
 * The seeded drafts come from the real offline drafter and grounding checks, over the context
 * built from the rows just written. Northstar's draft gets a wrong parking cost planted, so there
 * is a failed validation to review; the grounding checks must catch it.
 */
async function seedDraft(
  db: Executor,
  organizationId: string,
  inboundEmailId: number,
  deal: SeedDeal,
  at: Date,
) {
  const context = await loadDraftContext(db, { organizationId, inboundEmailId });
  const draft = draftOffline(context);
  let body = draft.body;
  const reasoning = draft.reasoning;
  if (deal.plantWrongParkingCost) {
    const space = context.spaces[0];
    const parking = /^Parking at [^\n]*$/m;
    if (!space || !parking.test(body))
      throw new Error(`Seed deal ${deal.key}: no parking answer to plant a wrong cost in`);
    body = body.replace(parking, `Parking at ${space.name} is $150/month per spot.`);
    reasoning.needsHumanReview = [...(reasoning.needsHumanReview ?? []), 'Parking cost quoted from memory'];
  }
  const validation = validateDraftBody(body, context, at);
  if (deal.plantWrongParkingCost && validation.status !== 'failed') {
    throw new Error(`Seed deal ${deal.key}: the planted parking cost was not caught by the grounding checks`);
  }
  // Confidence from the evidence of the body as seeded (a planted error lowers it).
  const { confidence, basis } = computeConfidence({
    validation,
    unknowns: reasoning.needsHumanReview?.length ?? 0,
  });
  reasoning.confidenceBasis = basis;
  return { body, reasoning, validation, confidence };
}

async function seedOrganization(db: Executor, orgKey: OrgKey, passwordHash: string) {
  const org = demoOrganizations[orgKey];
  // The demo brokerage is the first one set up (a minute before the other), so "the first
  // organization" (`make inbound` without TO) is always Tandem, whatever settings change later.
  const createdAt = new Date(Date.now() - (orgKey === 'tandem' ? 60_000 : 0));
  await db.insert(organizations).values({ id: org.id, name: org.name, slug: org.slug, createdAt });
  await db.insert(organizationSettings).values({
    organizationId: org.id,
    senderName: org.senderName,
    senderEmail: org.senderEmail,
    inboundAddress: org.inboundAddress,
    signature: org.signature,
  });
  for (const user of demoUsers.filter((u) => u.org === orgKey)) {
    await db.insert(users).values({ id: user.id, email: user.email, name: user.name, emailVerified: true });
    await db.insert(accounts).values({
      id: `account_${user.id}`,
      accountId: user.id,
      providerId: 'credential',
      userId: user.id,
      password: passwordHash,
    });
    await db.insert(members).values({
      id: `member_${user.id}`,
      organizationId: org.id,
      userId: user.id,
      role: user.role,
      signature: org.memberSignature(user.name),
    });
  }
  return org;
}

async function seedPipeline(
  db: Executor,
  orgKey: OrgKey,
  spaceList: SeedSpace[],
  dealList: SeedDeal[],
  now: Date,
) {
  const org = demoOrganizations[orgKey];
  const owners = {
    agent: demoUsers.find((u) => u.org === orgKey && u.role === 'agent')?.id ?? null,
  } as const;
  const managerId = demoUsers.find((u) => u.org === orgKey && u.role === 'manager')?.id ?? owners.agent;
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);

  const spaceIds = new Map<string, number>();
  for (const space of spaceList) {
    const { key, ...values } = space;
    const [row] = await db
      .insert(spaces)
      .values({ ...values, reference: key, organizationId: org.id })
      .returning({ id: spaces.id });
    if (!row) throw new Error(`Seeding space ${space.key} returned no row`);
    spaceIds.set(space.key, row.id);
  }

  const positions = new Map<string, number>();
  for (const [index, deal] of dealList.entries()) {
    const position = (positions.get(deal.stage) ?? 0) + 1024;
    positions.set(deal.stage, position);
    const [dealRow] = await db
      .insert(deals)
      .values({
        organizationId: org.id,
        ownerId: deal.owner === 'agent' ? owners.agent : managerId,
        seekerName: deal.seekerName,
        seekerEmail: deal.seekerEmail,
        companyName: deal.companyName,
        teamSize: deal.teamSize,
        monthlyBudget: deal.monthlyBudget,
        requirements: deal.requirements,
        stage: deal.stage,
        position,
        stageChangedAt: at(24 * (index + 1)),
        lastActivityAt: at(deal.inbound.hoursAgo),
        createdAt: at(deal.history[0]?.hoursAgo ?? deal.inbound.hoursAgo + 1),
      })
      .returning({ id: deals.id });
    if (!dealRow) throw new Error(`Seeding deal ${deal.key} returned no row`);
    const dealId = dealRow.id;

    for (const link of deal.spaces) {
      const spaceId = spaceIds.get(link.key);
      if (!spaceId) throw new Error(`Seed deal ${deal.key} names unknown space ${link.key}`);
      await db.insert(dealSpaces).values({ organizationId: org.id, dealId, spaceId, status: link.status });
    }

    const messageId = (n: number) => `<seed-${deal.key}-${n}@${orgKey}.echo.test>`;
    const thread = [...deal.history, { direction: 'inbound' as const, ...deal.inbound }];
    let previous: string | null = null;
    let inboundId = 0;
    let inboundAt = now;
    for (const [n, message] of thread.entries()) {
      const isLast = n === thread.length - 1;
      const sentAt = at(message.hoursAgo);
      const isInbound = message.direction === 'inbound';
      const [emailRow] = await db
        .insert(emails)
        .values({
          organizationId: org.id,
          dealId,
          direction: message.direction,
          fromAddress: isInbound ? deal.seekerEmail : org.senderEmail,
          fromName: isInbound ? deal.seekerName : org.senderName,
          toAddress: isInbound ? org.inboundAddress : deal.seekerEmail,
          subject: message.subject,
          body: message.body,
          bodyClean: isInbound ? message.body : null,
          messageId: messageId(n),
          inReplyTo: previous,
          references: previous ? [previous] : [],
          deliveryStatus: isInbound ? null : 'delivered',
          sentAt,
          replyDeadlineAt: isLast ? new Date(sentAt.getTime() + 4 * HOUR) : null,
          repliedAt: isInbound && !isLast ? at(message.hoursAgo - 1) : null,
        })
        .returning({ id: emails.id });
      if (!emailRow) throw new Error(`Seeding an email of ${deal.key} returned no row`);
      previous = messageId(n);
      if (isLast) {
        inboundId = emailRow.id;
        inboundAt = sentAt;
      }
    }

    if (deal.draft === 'none') continue;
    if (deal.spaces.length === 0) throw new Error(`Seed deal ${deal.key} needs a space for its draft`);

    const deadline = new Date(inboundAt.getTime() + 4 * HOUR);
    const createdAt = new Date(inboundAt.getTime() + 60 * 1000);
    const { body, reasoning, validation, confidence } = await seedDraft(
      db,
      org.id,
      inboundId,
      deal,
      createdAt,
    );
    const status = deal.draft;

    let sentEmailId: number | null = null;
    if (status === 'sent') {
      const [sentRow] = await db
        .insert(emails)
        .values({
          organizationId: org.id,
          dealId,
          direction: 'outbound',
          fromAddress: org.senderEmail,
          fromName: org.senderName,
          toAddress: deal.seekerEmail,
          subject: deal.inbound.subject.startsWith('Re:')
            ? deal.inbound.subject
            : `Re: ${deal.inbound.subject}`,
          body,
          messageId: `<seed-${deal.key}-reply@${orgKey}.echo.test>`,
          inReplyTo: previous,
          references: previous ? [previous] : [],
          deliveryStatus: 'delivered',
          isAiGenerated: true,
          sentAt: at(deal.inbound.hoursAgo - 1),
        })
        .returning({ id: emails.id });
      sentEmailId = sentRow?.id ?? null;
      await db
        .update(emails)
        .set({ repliedAt: at(deal.inbound.hoursAgo - 1) })
        .where(eq(emails.id, inboundId));
    }

    const [draftRow] = await db
      .insert(emailDrafts)
      .values({
        organizationId: org.id,
        dealId,
        inboundEmailId: inboundId,
        status,
        body,
        revision: status === 'pending' ? 0 : 1,
        currentVersion: 0,
        confidence,
        validationStatus: validation.status,
        validation,
        isOffline: true,
        replyDeadlineAt: deadline,
        approvedAt: status === 'approved' || status === 'sent' ? at(deal.inbound.hoursAgo - 0.5) : null,
        approvedBy: status === 'approved' || status === 'sent' ? owners.agent : null,
        sentAt: status === 'sent' ? at(deal.inbound.hoursAgo - 1) : null,
        sentBy: status === 'sent' ? owners.agent : null,
        sentEmailId,
        archivedAt: status === 'archived' ? at(deal.inbound.hoursAgo - 2) : null,
        archivedBy: status === 'archived' ? owners.agent : null,
        archiveReason: status === 'archived' ? 'Client found another space' : null,
        statusBeforeArchive: status === 'archived' ? 'pending' : null,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: emailDrafts.id });
    if (!draftRow) throw new Error(`Seeding the draft of ${deal.key} returned no row`);

    await db.insert(draftVersions).values({
      organizationId: org.id,
      draftId: draftRow.id,
      version: 0,
      body,
      instruction: null,
      confidence,
      reasoning,
      model: 'echo-offline-1',
      isOffline: true,
      validationStatus: validation.status,
      validation,
      createdAt,
    });
    await db.insert(auditEvents).values([
      {
        organizationId: org.id,
        actorType: 'system',
        action: 'email.received',
        entityType: 'email',
        entityId: String(inboundId),
        details: { dealId, subject: deal.inbound.subject },
        createdAt: inboundAt,
      },
      {
        organizationId: org.id,
        actorType: 'ai',
        action: 'draft.generated',
        entityType: 'draft',
        entityId: String(draftRow.id),
        details: { dealId, version: 0, validation: validation.status },
        createdAt,
      },
    ]);
  }
}

/** True when the demo organizations are already there. */
export async function isSeeded(db: Executor) {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, demoOrganizations.tandem.id));
  return Boolean(row);
}

/** Deterministic demo data (times are relative to `now`, so reply targets are live when you open it). */
export async function seed(db: Executor, now = new Date(), options: { withLearningHistory?: boolean } = {}) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    // All or nothing: a half-seeded database is worse than an empty one.
    await seedOrganization(tx, 'tandem', passwordHash);
    await seedOrganization(tx, 'other', passwordHash);
    await seedPipeline(tx, 'tandem', [...demoSpaces, ...inventorySpaces], demoDeals, now);
    await seedNewInquiry(tx, demoOrganizations.tandem, now);
    await seedPipeline(tx, 'other', [otherBrokerage.space], [otherBrokerage.deal], now);
    // Weeks-old edited-and-sent replies (closed deals) for the demo and `eval:learning`; off in tests.
    if (options.withLearningHistory) await seedLearningHistory(tx, now);
  });
}
