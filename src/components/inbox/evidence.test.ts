import { describe, expect, it } from 'vitest';
import { formatDuration, formatValue, humanizeField, parseSource, sourceHref } from './evidence';

describe('evidence sources', () => {
  it.each([
    [
      'space:12.detailedAmenities.parking.costMonthly',
      { kind: 'space', id: '12', field: 'detailedAmenities.parking.costMonthly' },
    ],
    ['deal:3.monthlyBudget', { kind: 'deal', id: '3', field: 'monthlyBudget' }],
    ['email:40', { kind: 'email', id: '40', field: null }],
    ['thread:40.body', { kind: 'email', id: '40', field: 'body' }],
    ['no record', { kind: 'other', id: null, field: 'no record' }],
    ['', { kind: 'other', id: null, field: null }],
  ])('reads %j', (source, expected) => {
    expect(parseSource(source)).toEqual(expected);
  });

  it('names fields for people', () => {
    expect(humanizeField('detailedAmenities.parking.costMonthly')).toBe('parking › cost monthly');
    expect(humanizeField(undefined)).toBe('');
  });

  it('formats record values', () => {
    expect(formatValue(12500)).toBe('12,500');
    expect(formatValue(null)).toBe('—');
    expect(formatValue({ costMonthly: 275, provider: 'SP+' })).toBe('cost monthly: 275; provider: SP+');
    expect(formatValue(['2pm', '4pm'])).toBe('2pm, 4pm');
  });

  it('links each source to the deal page', () => {
    expect(sourceHref(7, { kind: 'space', id: 12, field: 'monthlyRate' })).toBe('/deals/7#space-12');
    expect(sourceHref(7, { kind: 'deal', id: 7, field: 'requirements.parking' })).toBe(
      '/deals/7#deal-requirements',
    );
    expect(sourceHref(7, { kind: 'other', id: null, field: null })).toBe('/deals/7');
  });

  it.each([
    [30 * 60_000, '30m'],
    [65 * 60_000, '1h 5m'],
    [120 * 60_000, '2h'],
    [-20 * 60_000, '20m'],
    [26 * 60 * 60_000, '1d 2h'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
