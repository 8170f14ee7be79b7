import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, deals } from '../../db/schema';
import { CircuitBreaker } from '../../src/server/ai/breaker';
import { createDraftGenerator } from '../../src/server/ai/index';
import { countPromptTokens, DEFAULT_TOKEN_BUDGET } from '../../src/server/ai/prompts';
import { readRequirementsWithProvider } from '../../src/server/deals/requirements/service';
import { generateFirstDraft } from '../../src/server/drafts/first-draft';
import { getBoss } from '../../src/server/queue';
import { callKind, type FakeOpenAI, startFakeOpenAI } from '../fakes/openai';
import { callerFor, db, seedDemo } from '../helpers';

let fake: FakeOpenAI;
let caller: Awaited<ReturnType<typeof callerFor>>;
const generator = () =>
  createDraftGenerator({
    openai: { apiKey: 'sk-test', baseURL: fake.url, model: 'gpt-test-mini', timeoutMs: 2_000, maxRetries: 0 },
    breaker: new CircuitBreaker({ failureThreshold: 100 }),
  });

const INQUIRY =
  'Hi, we are a team of 8 looking for an office in Hayes Valley or the Mission from March, budget around $9,000 a month. Is there parking, and could we tour Thursday afternoon?';

beforeAll(async () => {
  await seedDemo();
  fake = await startFakeOpenAI();
  caller = await callerFor('agent@echo.test');
});
afterAll(async () => {
  await fake.close();
  await (await getBoss()).stop({ graceful: false, wait: true });
});
beforeEach(() => fake.reset());

let senders = 0;
async function inquiry(body = INQUIRY) {
  senders += 1;
  const received = await caller.inbound.simulate({
    from: `Nina ${senders} <nina${senders}@brightpath${senders}.example>`,
    subject: 'Office search',
    body,
  });
  if (received.status !== 'received') throw new Error('expected a new email');
  const [deal] = await db.select().from(deals).where(eq(deals.id, received.dealId));
  if (!deal) throw new Error('no deal');
  return { ...received, organizationId: deal.organizationId };
}

const nothing = {
  teamSize: null,
  monthlyBudget: null,
  neighborhoods: null,
  moveInDate: null,
  leaseMonths: null,
  parking: null,
  parkingSpots: null,
  dogFriendly: null,
  afterHours: null,
  meetingRooms: null,
};

describe('requirements read by the provider', () => {
  it('asks for structured output and keeps only what the email says, each field with its source', async () => {
    const email = await inquiry(
      'We are eight people. Our ceiling is nine grand a month, Hayes Valley preferred. Is there parking?',
    );
    fake.script({
      kind: 'json',
      content: {
        ...nothing,
        teamSize: { value: 8, words: 'eight people' },
        monthlyBudget: { value: 9000, words: 'nine grand a month' },
        neighborhoods: { value: ['Hayes Valley', 'SoMa'], words: 'Hayes Valley preferred' },
        leaseMonths: { value: 24, words: 'a two-year lease' },
        parking: { value: true, words: 'Is there parking' },
        parkingSpots: { value: 3, words: 'Is there parking' },
        dogFriendly: { value: true, words: 'we bring our dog' },
      },
    });
    const reading = await readRequirementsWithProvider(db, generator(), {
      organizationId: email.organizationId,
      inboundEmailId: email.emailId,
    });

    const [request] = fake.requests;
    expect(request?.body.response_format?.json_schema).toMatchObject({
      name: 'deal_requirements',
      strict: true,
    });
    expect(request?.body.messages?.[1]?.content).toContain('<inbound_email>');
    expect(reading?.source).toBe('provider');
    expect(reading?.dropped.map((d) => d.field).sort()).toEqual(
      ['dogFriendly', 'leaseMonths', 'neighborhoods', 'parkingSpots'].sort(),
    );

    const [deal] = await db.select().from(deals).where(eq(deals.id, email.dealId));
    expect(deal).toMatchObject({ teamSize: 8, monthlyBudget: 9000 });
    expect(deal?.requirements).toMatchObject({ neighborhoods: ['Hayes Valley'], parking: true });
    expect(deal?.requirements.leaseMonths).toBeUndefined();
    expect(deal?.requirements.dogFriendly).toBeUndefined();
    expect(deal?.requirements.parkingSpots).toBeUndefined();
    expect(deal?.requirementSources.monthlyBudget).toEqual({
      emailId: email.emailId,
      words: 'nine grand a month',
      value: 9000,
    });
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'deal.requirements_read'),
          eq(auditEvents.entityId, String(email.dealId)),
          eq(auditEvents.actorType, 'ai'),
        ),
      );
    expect((audit?.details as { dropped?: unknown[] } | undefined)?.dropped).toHaveLength(4);
  });

  it('falls back to the deterministic reading when the provider fails', async () => {
    const email = await inquiry();
    const [before] = await db.select().from(deals).where(eq(deals.id, email.dealId));
    fake.respond(() => ({ kind: 'status', status: 500 }));
    const reading = await readRequirementsWithProvider(db, generator(), {
      organizationId: email.organizationId,
      inboundEmailId: email.emailId,
    });
    expect(reading?.source).toBe('offline');
    expect(reading?.failure).toMatch(/500/);
    expect(reading?.extracted).toMatchObject({ teamSize: { value: 8 }, monthlyBudget: { value: 9000 } });
    const [after] = await db.select().from(deals).where(eq(deals.id, email.dealId));
    expect(after).toMatchObject({ teamSize: 8, monthlyBudget: 9000, requirements: before?.requirements });
  });

  it('does nothing without a provider: the reading made on arrival stands', async () => {
    const email = await inquiry();
    const offline = createDraftGenerator({ openai: null });
    expect(
      await readRequirementsWithProvider(db, offline, {
        organizationId: email.organizationId,
        inboundEmailId: email.emailId,
      }),
    ).toBeNull();
    expect(fake.requests).toHaveLength(0);
  });
});

describe('the OpenAI drafting prompt for a new inquiry', () => {
  it('carries the shortlist’s records within the token budget, with the instruction to propose them', async () => {
    const email = await inquiry();
    const { items } = await caller.deals.suggestions({ id: email.dealId });
    const top = items.slice(0, 3);
    expect(top.length).toBe(3);

    await generateFirstDraft(db, generator(), {
      organizationId: email.organizationId,
      inboundEmailId: email.emailId,
    });
    const draftRequest = fake.requests.find((request) => callKind(request) === 'draft');
    const messages = (draftRequest?.body.messages ?? []) as Array<{
      role: 'system' | 'user';
      content: string;
    }>;
    const prompt = messages[1]?.content ?? '';
    expect(countPromptTokens(messages)).toBeLessThanOrEqual(DEFAULT_TOKEN_BUDGET);
    expect(prompt).toContain('propose the spaces of the SHORTLIST');

    const facts = JSON.parse(prompt.slice(prompt.indexOf('<facts>') + 7, prompt.indexOf('</facts>'))) as {
      shortlist: Array<{
        spaceId: number;
        name: string;
        monthlyRate: number;
        desks: number | null;
        meets: string[];
        misses: string[];
        tourSlots: Record<string, string[]>;
      }>;
      seekerHasNotSaid: string[];
      spaces: unknown[];
    };
    expect(facts.spaces).toEqual([]);
    expect(facts.shortlist.map((s) => s.spaceId)).toEqual(top.map((item) => item.space.id));
    for (const [index, item] of top.entries()) {
      const record = facts.shortlist[index];
      expect(record).toMatchObject({
        name: item.space.name,
        monthlyRate: item.space.monthlyRate,
        desks: item.space.desks,
        tourSlots: item.space.availability,
      });
      expect(record?.meets).toEqual(item.reasons.filter((r) => r.ok).map((r) => r.text));
      expect(record?.misses).toEqual(item.reasons.filter((r) => !r.ok).map((r) => r.text));
    }
    // Team, budget and move-in are all in the email: nothing left to ask for those.
    expect(facts.seekerHasNotSaid).toEqual([]);
  });
});
