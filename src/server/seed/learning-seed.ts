import { and, eq } from 'drizzle-orm';
import { dealSpaces, deals, draftVersions, emailDrafts, emails, spaces } from '../../../db/schema';
import { loadDraftContext } from '../ai/context';
import { validateDraftBody } from '../ai/grounding';
import { DEFAULT_CLOSING, draftOffline } from '../ai/offline';
import type { Executor } from '../db';
import { compareBodies } from '../learning/similarity';
import { applyAgentEdit, learningExamples } from './learning-data';

const HOUR = 60 * 60 * 1000;
const TANDEM = 'org_tandem_demo';
const AGENT = 'user_demo_agent';

/**
 * The demo's history of edited-and-sent replies (closed deals, weeks old): each AI draft from the
 * offline drafter, the agent's edit of it sent, its similarity recorded as a send records it.
 * Nothing is learned here (no proposals, no style counts): the evaluation and the live sends do
 * that, so the demo's drafts stay what the tests expect.
 */
export async function seedLearningHistory(db: Executor, now: Date) {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
  for (const example of learningExamples) {
    const [space] = await db
      .select({ id: spaces.id, name: spaces.name })
      .from(spaces)
      .where(and(eq(spaces.organizationId, TANDEM), eq(spaces.reference, example.spaceKey)));
    if (!space) throw new Error(`Learning example ${example.key} names unknown space ${example.spaceKey}`);
    const receivedAt = at(example.inbound.hoursAgo);
    const sentAt = at(example.inbound.hoursAgo - 2);
    const [deal] = await db
      .insert(deals)
      .values({
        organizationId: TANDEM,
        ownerId: AGENT,
        seekerName: example.seekerName,
        seekerEmail: example.seekerEmail,
        companyName: example.companyName,
        teamSize: example.teamSize,
        monthlyBudget: example.monthlyBudget,
        requirements: example.requirements,
        stage: example.stage,
        position: 1024 * (learningExamples.indexOf(example) + 10),
        stageChangedAt: sentAt,
        lastActivityAt: sentAt,
        createdAt: receivedAt,
      })
      .returning({ id: deals.id });
    if (!deal) throw new Error(`Seeding learning deal ${example.key} returned no row`);
    await db
      .insert(dealSpaces)
      .values({ organizationId: TANDEM, dealId: deal.id, spaceId: space.id, status: 'selected' });
    const inboundMessageId = `<seed-${example.key}-0@tandem.echo.test>`;
    const [inbound] = await db
      .insert(emails)
      .values({
        organizationId: TANDEM,
        dealId: deal.id,
        direction: 'inbound',
        fromAddress: example.seekerEmail,
        fromName: example.seekerName,
        toAddress: 'inbox@tandem.echo.test',
        subject: example.inbound.subject,
        body: example.inbound.body,
        bodyClean: example.inbound.body,
        messageId: inboundMessageId,
        sentAt: receivedAt,
        replyDeadlineAt: new Date(receivedAt.getTime() + 4 * HOUR),
        repliedAt: sentAt,
      })
      .returning({ id: emails.id });
    if (!inbound) throw new Error(`Seeding the inbound email of ${example.key} returned no row`);

    const context = await loadDraftContext(db, { organizationId: TANDEM, inboundEmailId: inbound.id });
    const draft = draftOffline(context);
    const body = applyAgentEdit(draft.body, example.edit, {
      firstName: example.seekerName.split(' ')[0] ?? '',
      spaceName: space.name,
      closingLine: DEFAULT_CLOSING,
    });
    const similarity = compareBodies(draft.body, body, { signature: context.signature });
    const draftValidation = validateDraftBody(draft.body, context, receivedAt);
    const sentValidation = validateDraftBody(body, context, sentAt);

    const [outbound] = await db
      .insert(emails)
      .values({
        organizationId: TANDEM,
        dealId: deal.id,
        direction: 'outbound',
        fromAddress: 'deals@tandem.echo.test',
        fromName: 'Tandem Brokerage',
        toAddress: example.seekerEmail,
        subject: `Re: ${example.inbound.subject}`,
        body,
        messageId: `<seed-${example.key}-reply@tandem.echo.test>`,
        inReplyTo: inboundMessageId,
        references: [inboundMessageId],
        deliveryStatus: 'delivered',
        isAiGenerated: true,
        sentAt,
        draftVersion: 0,
        draftSimilarity: similarity.similarity,
        draftEditDistance: similarity.editDistance,
        isSentUnedited: similarity.isUnedited,
      })
      .returning({ id: emails.id });
    if (!outbound) throw new Error(`Seeding the reply of ${example.key} returned no row`);

    const [row] = await db
      .insert(emailDrafts)
      .values({
        organizationId: TANDEM,
        dealId: deal.id,
        inboundEmailId: inbound.id,
        status: 'sent',
        body,
        revision: 2,
        currentVersion: 0,
        confidence: draft.confidence,
        validationStatus: sentValidation.status,
        validation: sentValidation,
        isOffline: true,
        isEdited: !similarity.isUnedited,
        editedBy: similarity.isUnedited ? null : AGENT,
        replyDeadlineAt: new Date(receivedAt.getTime() + 4 * HOUR),
        approvedAt: sentAt,
        approvedBy: AGENT,
        sentAt,
        sentBy: AGENT,
        sentEmailId: outbound.id,
        createdAt: receivedAt,
        updatedAt: sentAt,
      })
      .returning({ id: emailDrafts.id });
    if (!row) throw new Error(`Seeding the draft of ${example.key} returned no row`);
    await db.insert(draftVersions).values({
      organizationId: TANDEM,
      draftId: row.id,
      version: 0,
      body: draft.body,
      confidence: draft.confidence,
      reasoning: draft.reasoning,
      model: 'echo-offline-1',
      isOffline: true,
      validationStatus: draftValidation.status,
      validation: draftValidation,
      sentSimilarity: similarity.similarity,
      sentEditDistance: similarity.editDistance,
      createdAt: receivedAt,
    });
  }
}
