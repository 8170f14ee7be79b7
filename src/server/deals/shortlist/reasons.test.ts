import { describe, expect, it } from 'vitest';
import { isFitting, reasonsFor, type ShortlistAsk } from './reasons';

const ask: ShortlistAsk = {
  teamSize: 8,
  monthlyBudget: 9000,
  tolerancePercent: 10,
  requirements: { parking: true, moveInDate: '2027-03-01', neighborhoods: ['Mission'] },
};
const base = {
  monthlyRate: 8500,
  desks: 10,
  neighborhood: 'Mission',
  amenities: { parking: true },
  availableFrom: '2027-02-01',
};

describe('reasonsFor', () => {
  it('fits a space that meets every hard constraint and says why', () => {
    const reasons = reasonsFor(base, ask);
    expect(isFitting(reasons)).toBe(true);
    expect(reasons.find((r) => r.criterion === 'budget')?.text).toBe('$8,500/mo: within your $9,000');
  });

  it.each([
    ['teamSize', { desks: 6 }],
    ['budget', { monthlyRate: 10_000 }],
    ['parking', { amenities: {} }],
    ['moveInDate', { availableFrom: '2027-05-01' }],
  ])('names the broken criterion %s', (criterion, change) => {
    const reasons = reasonsFor({ ...base, ...change }, ask);
    expect(isFitting(reasons)).toBe(false);
    expect(reasons.filter((r) => !r.ok).map((r) => r.criterion)).toContain(criterion);
  });

  it('accepts a rate within the tolerance and reads "no parking on site"', () => {
    expect(isFitting(reasonsFor({ ...base, monthlyRate: 9900 }, ask))).toBe(true);
    expect(reasonsFor({ ...base, amenities: {} }, ask).find((r) => r.criterion === 'parking')?.text).toBe(
      'no parking on site',
    );
  });
});
