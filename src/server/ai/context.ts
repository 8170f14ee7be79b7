import { and, desc, eq, lte, ne } from 'drizzle-orm';
import type {
  DealRequirements,
  DealSpaceStatus,
  DealStage,
  DetailedAmenities,
  SpaceAmenities,
  SpaceAvailability,
} from '../../../db/schema';
import { dealSpaces, deals, emails, spaces } from '../../../db/schema';
import type { Executor } from '../db';
import { suggestSpaces } from '../deals/shortlist/query';
import { NotFoundError } from '../errors';
import { loadStyleProfile } from '../learning/queries';
import type { StyleProfile } from '../learning/style';
import { draftSignature } from '../settings/queries';
import { sanitizeInbound } from './sanitize';

export type ContextSpace = {
  id: number;
  name: string;
  address: string;
  neighborhood: string | null;
  hostCompany: string;
  hostContext: string | null;
  monthlyRate: number;
  amenities: SpaceAmenities;
  detailedAmenities: DetailedAmenities;
  availability: SpaceAvailability;
  desks: number | null;
  squareFeet: number | null;
  /** ISO date (YYYY-MM-DD). */
  availableFrom: string | null;
  /**
   * Set when the space is not on the deal but proposed from the inventory (a new inquiry with no
   * spaces yet): proposing does not attach it until the broker keeps it.
   */
  suggestion?: { fits: boolean; reasons: Array<{ criterion: string; ok: boolean; text: string }> };
  dealStatus: DealSpaceStatus;
};

export type ContextMessage = {
  id: number;
  direction: 'inbound' | 'outbound';
  from: string;
  subject: string;
  sentAt: string;
  /** Sanitized and trimmed: what the model may read. */
  text: string;
};

/** Everything a draft may rely on, for one inbound email of one organization. */
export type DraftContext = {
  organizationId: string;
  deal: {
    id: number;
    companyName: string;
    seekerName: string;
    teamSize: number;
    monthlyBudget: number;
    requirements: DealRequirements;
    stage: DealStage;
  };
  spaces: ContextSpace[];
  /** The email being answered. */
  inbound: ContextMessage;
  /** Earlier messages of the deal's thread, newest first. */
  thread: ContextMessage[];
  signature: string;
  /** How the organization writes, learned from sent edits (absent: nothing learned yet). */
  style?: StyleProfile;
  /** What `fitContext` left out to stay under the token budget. */
  omitted: { messages: number; spaces: number; inboundChars: number };
};

/** Older history than this is never worth the tokens. */
const MAX_THREAD_MESSAGES = 20;
/** A new inquiry's draft proposes the best two or three matches. */
const PROPOSED_SPACES = 3;
const MAX_MESSAGE_CHARS = 4_000;
const MAX_INBOUND_CHARS = 20_000;

function trimText(text: string, max: number) {
  const clean = sanitizeInbound(text).trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/**
 * Reads the facts for one inbound email. Every query is filtered by the organization, so another
 * organization's id answers NOT_FOUND and another deal's rows can never reach a prompt.
 */
export async function loadDraftContext(
  db: Executor,
  params: { organizationId: string; inboundEmailId: number },
): Promise<DraftContext> {
  const { organizationId } = params;
  const [inbound] = await db
    .select()
    .from(emails)
    .where(and(eq(emails.id, params.inboundEmailId), eq(emails.organizationId, organizationId)));
  if (!inbound) throw new NotFoundError('Inbound email', params.inboundEmailId);

  const [deal] = await db
    .select()
    .from(deals)
    .where(and(eq(deals.id, inbound.dealId), eq(deals.organizationId, organizationId)));
  if (!deal) throw new NotFoundError('Deal', inbound.dealId);

  const links = await db
    .select({ space: spaces, status: dealSpaces.status })
    .from(dealSpaces)
    .innerJoin(spaces, and(eq(spaces.id, dealSpaces.spaceId), eq(spaces.organizationId, organizationId)))
    .where(and(eq(dealSpaces.dealId, deal.id), eq(dealSpaces.organizationId, organizationId)))
    .orderBy(dealSpaces.id);

  const thread = await db
    .select()
    .from(emails)
    .where(
      and(
        eq(emails.dealId, deal.id),
        eq(emails.organizationId, organizationId),
        ne(emails.id, inbound.id),
        lte(emails.sentAt, inbound.sentAt),
      ),
    )
    .orderBy(desc(emails.sentAt), desc(emails.id))
    .limit(MAX_THREAD_MESSAGES);

  const signature = await draftSignature(db, { organizationId, ownerId: deal.ownerId });
  // A deal with no spaces yet (a new inquiry) is answered with the best matches of the inventory.
  const proposed =
    links.length === 0
      ? (await suggestSpaces(db, { organizationId, dealId: deal.id, limit: PROPOSED_SPACES })).items
      : [];
  const toContextSpace = (space: typeof spaces.$inferSelect): Omit<ContextSpace, 'dealStatus'> => ({
    id: space.id,
    name: space.name,
    address: space.address,
    neighborhood: space.neighborhood,
    hostCompany: space.hostCompany,
    hostContext: space.hostContext,
    monthlyRate: space.monthlyRate,
    amenities: space.amenities,
    detailedAmenities: space.detailedAmenities,
    availability: space.availability,
    desks: space.desks,
    squareFeet: space.squareFeet,
    availableFrom: space.availableFrom,
  });

  const toMessage = (email: typeof inbound, max: number): ContextMessage => ({
    id: email.id,
    direction: email.direction,
    from: email.fromName ? `${email.fromName} <${email.fromAddress}>` : email.fromAddress,
    subject: sanitizeInbound(email.subject),
    sentAt: email.sentAt.toISOString(),
    text: trimText(email.bodyClean ?? email.body, max),
  });

  return {
    organizationId,
    deal: {
      id: deal.id,
      companyName: deal.companyName,
      seekerName: deal.seekerName,
      teamSize: deal.teamSize,
      monthlyBudget: deal.monthlyBudget,
      requirements: deal.requirements,
      stage: deal.stage,
    },
    spaces: [
      ...links.map(({ space, status }) => ({ ...toContextSpace(space), dealStatus: status })),
      ...proposed.map(({ space, fits, reasons }) => ({
        ...toContextSpace(space),
        dealStatus: 'shown' as const,
        suggestion: { fits, reasons },
      })),
    ],
    inbound: toMessage(inbound, MAX_INBOUND_CHARS),
    thread: thread.map((email) => toMessage(email, MAX_MESSAGE_CHARS)),
    signature,
    style: await loadStyleProfile(db, { organizationId }),
    omitted: { messages: 0, spaces: 0, inboundChars: 0 },
  };
}

/** What a new inquiry has not told us yet (the deal still holds the placeholders of a new deal). */
export function unknownRequirements(deal: DraftContext['deal']) {
  return [
    ...(deal.monthlyBudget > 0 ? [] : (['monthlyBudget'] as const)),
    ...(deal.teamSize > 1 ? [] : (['teamSize'] as const)),
    ...(deal.requirements.moveInDate ? [] : (['moveInDate'] as const)),
  ];
}

function mentions(text: string, space: ContextSpace) {
  const lower = text.toLowerCase();
  return (
    lower.includes(space.name.toLowerCase()) ||
    lower.includes(space.address.split(',')[0]?.toLowerCase() ?? '\0')
  );
}

/**
 * Shrinks a context until `measure` says it fits: older thread messages go first, then spaces the
 * conversation never names, and last the tail of an oversized inbound email.
 */
export function fitContext(
  context: DraftContext,
  measure: (context: DraftContext) => number,
  budget: number,
): DraftContext {
  let fitted: DraftContext = { ...context, thread: [...context.thread], spaces: [...context.spaces] };
  const omitted = { ...context.omitted };
  while (measure(fitted) > budget) {
    if (fitted.thread.length > 0) {
      fitted = { ...fitted, thread: fitted.thread.slice(0, -1) };
      omitted.messages += 1;
      continue;
    }
    const conversation = [fitted.inbound.text, fitted.inbound.subject].join('\n');
    // The deal's own unmentioned spaces go before the shortlist the draft is asked to propose.
    const unmentionedOwn = fitted.spaces.findLastIndex(
      (space) => !space.suggestion && !mentions(conversation, space),
    );
    const unmentioned =
      unmentionedOwn >= 0
        ? unmentionedOwn
        : fitted.spaces.findLastIndex((space) => !mentions(conversation, space));
    if (unmentioned >= 0) {
      fitted = { ...fitted, spaces: fitted.spaces.filter((_, index) => index !== unmentioned) };
      omitted.spaces += 1;
      continue;
    }
    const text = fitted.inbound.text;
    if (text.length <= 200) break;
    const keep = Math.floor(text.length * 0.75);
    omitted.inboundChars += text.length - keep;
    fitted = { ...fitted, inbound: { ...fitted.inbound, text: `${text.slice(0, keep)}…` } };
  }
  return { ...fitted, omitted };
}
