import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { deals, draftVersions, emailDrafts, spaces } from '../../db/schema';
import { db, seedDemo } from '../helpers';

beforeAll(async () => {
  await seedDemo();
});

async function seededDrafts() {
  return db
    .select({ draft: emailDrafts, company: deals.companyName })
    .from(emailDrafts)
    .innerJoin(deals, eq(deals.id, emailDrafts.dealId));
}

describe('seeded drafts', () => {
  it('come from the offline drafter, with its reasoning and model', async () => {
    const versions = await db.select().from(draftVersions);
    expect(versions.length).toBeGreaterThanOrEqual(10);
    for (const version of versions) {
      expect(version).toMatchObject({ model: 'echo-offline-1', isOffline: true, version: 0 });
      expect(version.reasoning.questionsAddressed.length).toBeGreaterThan(0);
    }
  });

  it('keep the review queue: six or more pending, one approved, one sent, one archived', async () => {
    const rows = await seededDrafts();
    const by = (status: string) =>
      rows.filter((row) => row.draft.status === status).map((row) => row.company);
    expect(by('pending').length).toBeGreaterThanOrEqual(6);
    expect(by('approved')).toEqual(['Lattice AI']);
    expect(by('sent')).toEqual(['Harborline Freight']);
    expect(by('archived')).toEqual(['Kestrel Robotics']);
  });

  it('fail validation only for Northstar Labs, whose planted parking cost the grounding checks catch', async () => {
    const rows = await seededDrafts();
    expect(rows.filter((row) => row.draft.validationStatus === 'failed').map((row) => row.company)).toEqual([
      'Northstar Labs',
    ]);
    expect(rows.filter((row) => row.draft.validationStatus === 'warnings')).toEqual([]);
    const northstar = rows.find((row) => row.company === 'Northstar Labs')?.draft;
    const [potrero] = await db.select().from(spaces).where(eq(spaces.name, 'Potrero Yard'));
    expect(northstar?.validation?.issues).toEqual([
      expect.objectContaining({
        claim: '$150/month',
        severity: 'error',
        layer: 'grounding',
        source: `space:${potrero?.id}.detailedAmenities.parking.costMonthly`,
      }),
    ]);
    const issue = northstar?.validation?.issues[0];
    expect(northstar?.body.slice(issue?.start, issue?.end)).toBe('$150/month');
  });
});

describe('seeded confidence', () => {
  it('differs between drafts, follows the evidence and carries its basis', async () => {
    const rows = await seededDrafts();
    const confidences = new Set(rows.map((row) => row.draft.confidence));
    expect(confidences.size).toBeGreaterThanOrEqual(3);
    const northstar = rows.find((row) => row.company === 'Northstar Labs')?.draft;
    const others = rows.filter((row) => row.company !== 'Northstar Labs');
    expect(Math.max(...rows.map((row) => row.draft.confidence))).toBeLessThan(98);
    for (const row of others) expect(row.draft.confidence).toBeGreaterThan(northstar?.confidence ?? 100);
    const versions = await db.select().from(draftVersions);
    for (const version of versions) {
      expect(version.validation.questions?.asked).toBeGreaterThanOrEqual(0);
      expect(version.reasoning.confidenceBasis).toMatch(/^\d+%: /);
    }
  });
});
