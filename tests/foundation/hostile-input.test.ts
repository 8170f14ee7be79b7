import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import superjson from 'superjson';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { deals, emailDrafts, spaces } from '../../db/schema';
import { GET as metricsCsv } from '../../src/app/api/export/metrics/route';
import { GET as trpcGet, POST as trpcPost } from '../../src/app/api/trpc/[trpc]/route';
import { encodeCursor } from '../../src/lib/cursor';
import { MAX_BATCH_SIZE } from '../../src/lib/trpc-limits';
import { appRouter, createCaller } from '../../src/server/root';
import { createTRPCContext } from '../../src/server/trpc';
import { db, seedDemo, signInCookie } from '../helpers';

/**
 * Every procedure of the app router, found from the router itself (a procedure added tomorrow is
 * probed too), gets hostile strings in every string field of an otherwise plausible input, and
 * as its whole input. Whatever it is, the answer is a 4xx naming what is wrong, never a 500.
 */
function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

const HOSTILE_STRINGS: Record<string, string> = {
  nul: 'hello\u0000world',
  'lone high surrogate': 'broken \uD800 text',
  'lone low surrogate': '\uDC00',
  '1 MB': 'x'.repeat(1_000_000),
  'year 0000': '0000-01-01',
  'year 9999': '9999-12-31',
  'year 275760': '+275760-09-13T00:00:00.000Z',
};
/** Well-formed strings, but not cursors this app gave out: refused where a cursor is expected. */
const HOSTILE_CURSORS: Record<string, string> = {
  'cursor holding not a date': encodeCursor({ d: 'not a date', id: 1 }),
  'cursor holding year 275760': encodeCursor({ d: '+275760-09-13T00:00:00.000Z', id: 1 }),
  'cursor holding year 0000': encodeCursor({ d: '0000-01-01T00:00:00.000Z', id: 1 }),
  'cursor holding a huge id': Buffer.from('{"d":null,"id":1e300}').toString('base64url'),
};
const HOSTILE_WHOLE_INPUTS: Record<string, unknown> = {
  ...HOSTILE_STRINGS,
  'deep nesting': nested(5_000),
  'a NUL key': { '\u0000': 'x' },
};

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

let ids: Record<string, number> = {};

/** A plausible value for a schema: real ids from the seed, so a probe gets as far as the database. */
function sample(schema: z.ZodType, key = ''): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      return Object.fromEntries(Object.entries(shape).map(([field, child]) => [field, sample(child, field)]));
    }
    case 'string': {
      const format = (schema as unknown as { format?: string }).format;
      if (format === 'email') return 'probe@echo.test';
      if (format === 'date') return '2026-01-15';
      return 'sample text';
    }
    case 'number':
      return ids[key] ?? 1;
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'array':
      return [sample(def.element as z.ZodType, key)];
    case 'union':
      return sample((def.options as z.ZodType[]).at(-1) as z.ZodType, key);
    case 'pipe': {
      const input = def.in as z.ZodType;
      return defOf(input).type === 'transform' ? sample(def.out as z.ZodType, key) : sample(input, key);
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return sample(def.innerType as z.ZodType, key);
    case 'date':
      return new Date('2026-01-15T00:00:00Z');
    default:
      return undefined;
  }
}

function stringPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value))
    return value.flatMap((child, index) => stringPaths(child, [...path, String(index)]));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, child]) => stringPaths(child, [...path, key]));
  }
  return [];
}

function withValueAt(value: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string, ...string[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  copy[head] = withValueAt(copy[head], rest, replacement);
  return copy;
}

type Probe = { label: string; input: unknown };

/** `maxStringLength`: a procedure that takes a document (a CSV import) is probed past its own bound. */
function probesFor(inputs: z.ZodType[], maxStringLength?: number): Probe[] {
  const strings = maxStringLength
    ? { ...HOSTILE_STRINGS, '1 MB': 'x'.repeat(maxStringLength + 1) }
    : HOSTILE_STRINGS;
  const probes: Probe[] = Object.entries(HOSTILE_WHOLE_INPUTS).map(([label, input]) => ({
    label: `whole input: ${label}`,
    input,
  }));
  for (const schema of inputs) {
    const plausible = sample(schema);
    for (const path of stringPaths(plausible)) {
      const isCursor = path.at(-1) === 'cursor';
      for (const [label, hostile] of Object.entries({
        ...strings,
        ...(isCursor ? HOSTILE_CURSORS : {}),
      })) {
        probes.push({ label: `${path.join('.')}: ${label}`, input: withValueAt(plausible, path, hostile) });
      }
    }
  }
  return probes;
}

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<
    string,
    { _def: { inputs: z.ZodType[]; meta?: { maxStringLength?: number } } }
  >,
);

let cookie = '';
beforeAll(async () => {
  await seedDemo();
  const [draft] = await db
    .select({ id: emailDrafts.id, revision: emailDrafts.revision, dealId: emailDrafts.dealId })
    .from(emailDrafts)
    .where(and(eq(emailDrafts.organizationId, 'org_tandem_demo'), eq(emailDrafts.status, 'pending')))
    .limit(1);
  const [space] = await db
    .select({ id: spaces.id })
    .from(spaces)
    .where(eq(spaces.organizationId, 'org_tandem_demo'))
    .limit(1);
  const [deal] = await db
    .select({ id: deals.id })
    .from(deals)
    .where(eq(deals.organizationId, 'org_tandem_demo'))
    .limit(1);
  if (!draft || !space || !deal) throw new Error('seed has no Tandem draft, space or deal');
  ids = {
    id: draft.id,
    revision: draft.revision,
    dealId: draft.dealId ?? deal.id,
    spaceId: space.id,
    version: 1,
  };
  cookie = await signInCookie('admin@echo.test');
});

describe('every procedure, hostile input', () => {
  it('finds the procedures from the router', () => {
    expect(procedures.length).toBeGreaterThan(20);
    expect(procedures.map(([path]) => path)).toEqual(
      expect.arrayContaining(['drafts.edit', 'settings.update', 'metrics.summary', 'inbound.simulate']),
    );
  });

  it.each(procedures)('%s answers 4xx, never 500', async (path, procedure) => {
    const probes = probesFor(procedure._def.inputs, procedure._def.meta?.maxStringLength);
    const failures: string[] = [];
    for (const probe of probes) {
      const caller = createCaller(await createTRPCContext({ headers: new Headers({ cookie }) }));
      const call = path
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], caller);
      try {
        await (call as (input: unknown) => Promise<unknown>)(probe.input);
        failures.push(`${probe.label}: accepted`);
      } catch (error) {
        if (!(error instanceof TRPCError)) failures.push(`${probe.label}: ${String(error)}`);
        else if (error.code !== 'BAD_REQUEST')
          failures.push(`${probe.label}: ${error.code} ${error.message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

function trpcRequest(path: string, init: RequestInit & { query?: string } = {}) {
  return new Request(`http://localhost:3000/api/trpc/${path}${init.query ?? ''}`, {
    ...init,
    headers: { host: 'localhost:3000', cookie, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
}

describe('over HTTP', () => {
  it(`refuses a batch of more than ${MAX_BATCH_SIZE} calls with 400, and serves one of ${MAX_BATCH_SIZE}`, async () => {
    const batch = (size: number) =>
      trpcGet(
        trpcRequest(Array.from({ length: size }, () => 'health').join(','), {
          query: `?batch=1&input=${encodeURIComponent('{}')}`,
        }),
      );
    expect((await batch(MAX_BATCH_SIZE)).status).toBe(200);
    expect((await batch(MAX_BATCH_SIZE + 1)).status).toBe(400);
    expect((await batch(500)).status).toBe(400);
  });

  it.each(['null', 'not a url', 'http://', '::::'])(
    'answers a mutation with Origin %j 403, not 500',
    async (origin) => {
      const response = await trpcPost(
        trpcRequest('settings.update', {
          method: 'POST',
          headers: { origin },
          body: JSON.stringify(superjson.serialize({ signature: 'from nowhere' })),
        }),
      );
      expect(response.status).toBe(403);
    },
  );

  it('answers a deeply nested body 400', async () => {
    const response = await trpcPost(
      trpcRequest('drafts.edit', {
        method: 'POST',
        headers: { origin: 'http://localhost:3000' },
        body: `{"json":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`,
      }),
    );
    expect(await response.text()).toContain('Invalid input');
    expect(response.status).toBe(400);
  });

  it.each(['0000-01-01', '9999-12-31'])(
    'answers /api/export/metrics for the day %s with 400',
    async (day) => {
      const manager = await signInCookie('manager@echo.test');
      // A one-day range, so only the year is wrong: PostgreSQL has no year 0, and 9999 + 1 day overflows.
      const response = await metricsCsv(
        new Request(`http://localhost/api/export/metrics?from=${day}&to=${day}`, {
          headers: { cookie: manager },
        }),
      );
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/from|to/);
    },
  );
});
