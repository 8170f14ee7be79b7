import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { deals } from '../../db/schema';
import { GET as boardCsv } from '../../src/app/api/export/board/route';
import { GET as metricsCsv } from '../../src/app/api/export/metrics/route';
import { db, seedDemo, signInCookie } from '../helpers';

beforeAll(async () => {
  await seedDemo();
});

async function get(handler: (request: Request) => Promise<Response>, path: string, email?: string) {
  const headers = new Headers();
  if (email) headers.set('cookie', await signInCookie(email));
  return handler(new Request(`http://localhost${path}`, { headers }));
}

describe('CSV export', () => {
  it('exports the organization’s board, one row per deal, with formula-like text defused', async () => {
    await db.update(deals).set({ companyName: '=cmd|calc' }).where(eq(deals.companyName, 'Orbit Care'));
    const response = await get(boardCsv, '/api/export/board', 'agent@echo.test');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="echo-board-/);
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^deal_id,company,seeker,/);
    expect(lines).toHaveLength(1 + 10);
    expect(lines.some((line) => line.includes(",'=cmd|calc,"))).toBe(true);
    expect(lines.join('\n')).not.toContain('Confidential Client Co');
  });

  it('applies the board filters to the export', async () => {
    const response = await get(boardCsv, '/api/export/board?slaLevel=BREACHED', 'manager@echo.test');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[1])
        .sort(),
    ).toEqual(['Acme Analytics', 'Lattice AI']);
  });

  it('answers 401 without a session and 403 for an agent asking for the metrics', async () => {
    expect((await get(boardCsv, '/api/export/board')).status).toBe(401);
    expect((await get(metricsCsv, '/api/export/metrics')).status).toBe(401);
    expect((await get(metricsCsv, '/api/export/metrics', 'agent@echo.test')).status).toBe(403);
  });

  it('exports the per-member metrics table with a team row for a manager', async () => {
    const response = await get(
      metricsCsv,
      '/api/export/metrics?from=2026-01-01&to=2026-01-31',
      'manager@echo.test',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(
      'echo-metrics-2026-01-01-to-2026-01-31.csv',
    );
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'member,email,role,sent,sent_without_edits,ai_acceptance_pct,approved,archived,regenerations,median_reply_minutes,p90_reply_minutes,sla_breaches',
    );
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines.at(-1)).toMatch(/^Team,/);
  });

  it('answers 400 for a bad range', async () => {
    const response = await get(
      metricsCsv,
      '/api/export/metrics?from=2026-02-01&to=2026-01-01',
      'manager@echo.test',
    );
    expect(response.status).toBe(400);
  });
});
