import { describe, expect, it } from 'vitest';
import { formatShare, lastDays, rangeFromParams, shortDay } from './range';

const params = (entries: Record<string, string>) => new URLSearchParams(entries);
const now = new Date('2026-03-20T15:00:00Z');

describe('rangeFromParams', () => {
  it('reads from and to from the URL', () => {
    expect(rangeFromParams(params({ from: '2026-01-10', to: '2026-01-12' }), now)).toEqual({
      from: '2026-01-10',
      to: '2026-01-12',
    });
  });

  it('falls back to the last 14 days for missing or malformed values', () => {
    expect(rangeFromParams(params({}), now)).toEqual({ from: '2026-03-07', to: '2026-03-20' });
    expect(rangeFromParams(params({ from: 'yesterday', to: '2026-13-45' }), now)).toEqual({
      from: '2026-03-07',
      to: '2026-03-20',
    });
  });
});

describe('formatting', () => {
  it('formats presets, days and shares', () => {
    expect(lastDays(7, now)).toEqual({ from: '2026-03-14', to: '2026-03-20' });
    expect(shortDay('2026-01-10')).toBe('Jan 10');
    expect(formatShare(0.75)).toBe('75%');
    expect(formatShare(2 / 3)).toBe('66.7%');
    expect(formatShare(null)).toBe('—');
  });
});
