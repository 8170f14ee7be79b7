import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { deals, emailDrafts, emails, spaces } from '../../db/schema';
import { anonymousCaller, callerFor, db, seedDemo } from '../helpers';

const TANDEM = 'org_tandem_demo';
const OTHER = 'org_other_brokerage';

type Caller = Awaited<ReturnType<typeof callerFor>>;
let agent: Caller;
let otherAgent: Caller;

async function idOf<T extends { id: number }>(rows: Promise<T[]>, what: string) {
  const [row] = await rows;
  if (!row) throw new Error(`seed has no ${what}`);
  return row.id;
}

function space(organizationId: string, name: string, hostContext: string | null = null) {
  return {
    organizationId,
    name,
    address: '1 Test St, San Francisco',
    neighborhood: 'SoMa',
    hostCompany: 'Host Co',
    hostEmail: 'host@example.com',
    hostContext,
    monthlyRate: 4000,
  };
}

const highlighted = (item: { snippet: string; highlights: Array<{ start: number; end: number }> }) =>
  item.highlights.map(({ start, end }) => item.snippet.slice(start, end).toLowerCase());

beforeAll(async () => {
  await seedDemo();
  agent = await callerFor('agent@echo.test');
  otherAgent = await callerFor('agent@other.test');
});

describe('search.query', () => {
  it('finds an email by a word of its body and links to the draft that answers it', async () => {
    const acme = await idOf(
      db
        .select({ id: emailDrafts.id })
        .from(emailDrafts)
        .innerJoin(deals, eq(deals.id, emailDrafts.dealId))
        .where(eq(deals.companyName, 'Acme Analytics'))
        .orderBy(emailDrafts.id)
        .limit(1),
      'Acme draft',
    );
    const { items } = await agent.search.query({ q: 'corgi' });
    const email = items.find((item) => item.kind === 'email');
    expect(email).toBeDefined();
    expect(email?.href).toBe(`/inbox?draft=${acme}`);
    expect(email?.title).toMatch(/\S/);
    expect(highlighted(email as NonNullable<typeof email>)).toContain('corgi');
  });

  it('finds a draft by a word of its working body, and a deal by its seeker', async () => {
    const draftId = await idOf(
      db
        .select({ id: emailDrafts.id })
        .from(emailDrafts)
        .where(eq(emailDrafts.organizationId, TANDEM))
        .limit(1),
      'draft',
    );
    await db
      .update(emailDrafts)
      .set({ body: 'Hi,\n\nThe xylophone room on the third floor is free on Tuesday.\n\nBest' })
      .where(eq(emailDrafts.id, draftId));
    const { items } = await agent.search.query({ q: 'xylophones' });
    expect(items.map((item) => [item.kind, item.id])).toEqual([['draft', draftId]]);
    expect(items[0]?.title).toMatch(/^Reply to /);
    expect(items[0]?.href).toMatch(new RegExp(`draft=${draftId}$`));
    expect(highlighted(items[0] as NonNullable<(typeof items)[0]>)).toEqual(['xylophone']);

    const bySeeker = await agent.search.query({ q: 'Priya Raman' });
    const deal = bySeeker.items.find((item) => item.kind === 'deal');
    expect(deal?.title).toBe('Acme Analytics');
    expect(deal?.href).toBe(`/deals/${deal?.id}`);
  });

  it('ranks a match in the name above a match deep in the description', async () => {
    await db
      .insert(spaces)
      .values([
        space(
          TANDEM,
          'Quiet corner near the park',
          'The host mentions a zeppelin mural in the lobby, among much else.',
        ),
        space(TANDEM, 'Zeppelin Works'),
      ]);
    const { items } = await agent.search.query({ q: 'zeppelin' });
    expect(items.map((item) => item.title)).toEqual(['Zeppelin Works', 'Quiet corner near the park']);
    expect(items.every((item) => item.kind === 'space' && item.href === `/spaces/${item.id}`)).toBe(true);
  });

  it("never returns another organization's rows", async () => {
    await db.insert(spaces).values([space(OTHER, 'Marzipan Hall'), space(TANDEM, 'Marzipan Annex')]);
    const mine = await agent.search.query({ q: 'marzipan' });
    expect(mine.items.map((item) => item.title)).toEqual(['Marzipan Annex']);
    const theirs = await otherAgent.search.query({ q: 'marzipan' });
    expect(theirs.items.map((item) => item.title)).toEqual(['Marzipan Hall']);

    // Every seeded email of the other organization stays out of Tandem's results.
    const otherEmailIds = new Set(
      (await db.select({ id: emails.id }).from(emails).where(eq(emails.organizationId, OTHER))).map(
        (row) => row.id,
      ),
    );
    expect(otherEmailIds.size).toBeGreaterThan(0);
    const parking = await agent.search.query({ q: 'parking', limit: 50 });
    expect(parking.items.length).toBeGreaterThan(0);
    expect(parking.items.filter((item) => item.kind === 'email' && otherEmailIds.has(item.id))).toEqual([]);
  });

  it('returns markup in the records as plain text, with the highlight as ranges', async () => {
    const draftId = await idOf(
      db
        .select({ id: emailDrafts.id })
        .from(emailDrafts)
        .where(and(eq(emailDrafts.organizationId, TANDEM)))
        .orderBy(emailDrafts.id)
        .offset(1)
        .limit(1),
      'second draft',
    );
    const hostile = 'Hello <img src=x onerror=alert(1)> <b>bold</b> kumquat \uE000fake\uE001 &amp; done';
    await db.update(emailDrafts).set({ body: hostile }).where(eq(emailDrafts.id, draftId));
    const { items } = await agent.search.query({ q: 'kumquat' });
    const [item] = items;
    expect(item?.id).toBe(draftId);
    expect(item?.snippet).toContain('<img src=x onerror=alert(1)>');
    expect(item?.snippet).not.toMatch(/[\uE000\uE001]/);
    expect(highlighted(item as NonNullable<typeof item>)).toEqual(['kumquat']);
  });

  it('answers hostile and odd queries without an error', async () => {
    const queries = [
      "'); drop table emails; --",
      '<script>alert(1)</script>',
      '!!! & | :* <-> ()',
      '"unterminated phrase',
      'parking -tuesday or "meeting rooms"',
      'the',
      '🐶 dogs',
      'x'.repeat(200),
      '\\',
    ];
    for (const q of queries) {
      const { items } = await agent.search.query({ q });
      expect(Array.isArray(items), q).toBe(true);
    }
    expect((await agent.search.query({ q: 'the' })).items).toEqual([]);
  });

  it('refuses an empty, overlong or malformed query as BAD_REQUEST naming the field', async () => {
    for (const input of [
      { q: '' },
      { q: '   ' },
      { q: 'x'.repeat(201) },
      { q: 'a\u0000b' },
      { q: 'ok', limit: 0 },
    ]) {
      const error = await agent.search.query(input).catch((caught: unknown) => caught);
      expect(error, JSON.stringify(input)).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
      expect((error as TRPCError).message).toMatch(/q|limit/);
    }
  });

  it('asks who you are first', async () => {
    const anonymous = await anonymousCaller();
    const error = await anonymous.search.query({ q: 'parking' }).catch((caught: unknown) => caught);
    expect((error as TRPCError).code).toBe('UNAUTHORIZED');
  });
});
