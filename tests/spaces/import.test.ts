import { and, eq, like, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, spaces } from '../../db/schema';
import { callerFor, db, seedDemo } from '../helpers';
import { TANDEM } from './support';

beforeAll(async () => {
  await seedDemo();
});

const header =
  'reference,name,address,neighborhood,hostCompany,hostEmail,monthlyRate,desks,availableFrom,amenities.parking,availability.tuesday,detailedAmenities.parking.costMonthly,detailedAmenities.meetingRooms.count,detailedAmenities.meetingRooms.sizes';

const row = (ref: string, overrides: Partial<Record<'name' | 'rate' | 'slots' | 'desks', string>> = {}) =>
  [
    ref,
    `"${overrides.name ?? `Imported ${ref}`}"`,
    `"1 ${ref} St, San Francisco"`,
    'SoMa',
    'Host Co',
    'host@example.com',
    overrides.rate ?? '3500',
    overrides.desks ?? '10',
    '2027-03-01',
    'true',
    overrides.slots ?? '10am;2pm',
    '200',
    '2',
    '4;10',
  ].join(',');

const countByPrefix = async (prefix: string) => {
  const [result] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(spaces)
    .where(and(eq(spaces.organizationId, TANDEM), like(spaces.reference, `${prefix}%`)));
  return result?.count ?? 0;
};

describe('spaces.import', () => {
  it('writes nothing on a dry run and says what it would create', async () => {
    const manager = await callerFor('manager@echo.test');
    const result = await manager.spaces.import({
      csv: [header, row('dry-1'), row('dry-2')].join('\r\n'),
      dryRun: true,
    });
    expect(result).toMatchObject({ created: 2, updated: 0, errors: [] });
    expect(await countByPrefix('dry-')).toBe(0);
  });

  it('writes nothing when one row is wrong, and names each problem by row and field', async () => {
    const manager = await callerFor('manager@echo.test');
    const csv = [
      header,
      row('bad-1'),
      row('bad-2', { rate: 'abc' }),
      row('bad-3', { slots: '10am;25pm' }),
    ].join('\n');
    const result = await manager.spaces.import({ csv });
    expect(result.created).toBe(0);
    expect(result.updated).toBe(0);
    expect(result.errors).toEqual([
      { row: 3, field: 'monthlyRate', message: 'must be a whole number' },
      { row: 4, field: 'availability.tuesday', message: 'must be a time like 2pm or 10:30am' },
    ]);
    expect(await countByPrefix('bad-')).toBe(0);
  });

  it('names unknown and missing columns, and a reference used twice in one file', async () => {
    const manager = await callerFor('manager@echo.test');
    const unknown = await manager.spaces.import({ csv: 'reference,name,colour\nx,y,z' });
    expect(unknown.errors).toEqual(
      expect.arrayContaining([
        { row: 1, field: 'colour', message: 'is not a space field' },
        { row: 1, field: 'monthlyRate', message: 'column is missing' },
      ]),
    );
    const twice = await manager.spaces.import({ csv: [header, row('twice'), row('twice')].join('\n') });
    expect(twice.errors).toEqual([{ row: 3, field: 'reference', message: 'is also used by row 2' }]);
    const broken = await manager.spaces.import({ csv: `${header}\n"unclosed,` });
    expect(broken.errors).toEqual([{ row: 2, field: 'csv', message: 'a quoted field is never closed' }]);
  });

  it('creates, then updates by reference instead of duplicating, bumping revisions, with audit rows', async () => {
    const manager = await callerFor('manager@echo.test');
    const first = await manager.spaces.import({ csv: [header, row('re-1'), row('re-2')].join('\n') });
    expect(first).toMatchObject({ created: 2, updated: 0, errors: [] });
    const second = await manager.spaces.import({
      csv: [header, row('re-1', { rate: '4100', name: 'Renamed re-1' }), row('re-3')].join('\n'),
    });
    expect(second).toMatchObject({ created: 1, updated: 1, errors: [] });
    expect(await countByPrefix('re-')).toBe(3);
    const [updated] = await db.select().from(spaces).where(eq(spaces.reference, 're-1'));
    expect(updated).toMatchObject({
      name: 'Renamed re-1',
      monthlyRate: 4100,
      revision: 1,
      availability: { tuesday: ['10am', '2pm'] },
      amenities: { parking: true },
      detailedAmenities: { parking: { costMonthly: 200 }, meetingRooms: { count: 2, sizes: [4, 10] } },
    });
    const audit = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'space'), eq(auditEvents.entityId, String(updated?.id))))
      .orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(['space.created', 'space.updated']);
  });

  it('imports 5,000 rows in one go within a few seconds', { timeout: 60_000 }, async () => {
    const manager = await callerFor('manager@echo.test');
    const rows = Array.from({ length: 5000 }, (_, i) => row(`bulk-${i}`, { desks: String(i % 50) }));
    const started = performance.now();
    const result = await manager.spaces.import({ csv: [header, ...rows].join('\r\n') });
    const seconds = (performance.now() - started) / 1000;
    expect(result).toMatchObject({ created: 5000, updated: 0, errors: [] });
    expect(await countByPrefix('bulk-')).toBe(5000);
    expect(seconds).toBeLessThan(10);
  });

  it('round-trips the export: importing it back updates every space and creates none', async () => {
    const manager = await callerFor('manager@echo.test');
    const { GET } = await import('../../src/app/api/export/spaces/route');
    const { signInCookie } = await import('../helpers');
    const response = await GET(
      new Request('http://localhost/api/export/spaces', {
        headers: { cookie: await signInCookie('manager@echo.test') },
      }),
    );
    expect(response.status).toBe(200);
    const csv = await response.text();
    const result = await manager.spaces.import({ csv, dryRun: true });
    expect(result.errors).toEqual([]);
    expect(result.created).toBe(0);
    expect(result.updated).toBeGreaterThan(5000);
  });

  it('guards formulas in the export, re-imports them as they were, and refuses an anonymous export', async () => {
    const manager = await callerFor('manager@echo.test');
    await manager.spaces.create({
      reference: 'formula',
      name: '=HYPERLINK("http://evil.example")',
      address: '1 Formula St',
      hostCompany: '+Host',
      hostEmail: 'f@example.com',
      monthlyRate: 100,
    });
    const { GET } = await import('../../src/app/api/export/spaces/route');
    const { signInCookie } = await import('../helpers');
    const anonymous = await GET(new Request('http://localhost/api/export/spaces'));
    expect(anonymous.status).toBe(401);
    const response = await GET(
      new Request('http://localhost/api/export/spaces', {
        headers: { cookie: await signInCookie('manager@echo.test') },
      }),
    );
    const csv = await response.text();
    const line = csv.split('\r\n').find((l) => l.startsWith('formula,'));
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(line).toContain(`'+Host`);
    const result = await manager.spaces.import({ csv });
    expect(result.errors).toEqual([]);
    const [row] = await db.select().from(spaces).where(eq(spaces.reference, 'formula'));
    expect(row).toMatchObject({ name: '=HYPERLINK("http://evil.example")', hostCompany: '+Host' });
  });
});
