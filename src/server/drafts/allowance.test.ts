import { describe, expect, it } from 'vitest';
import { regenerationAllowance } from './allowance';

const HOUR = 3_600_000;
const now = new Date('2026-11-29T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR);

describe('regenerationAllowance', () => {
  it.each([
    { count: 0, last: null, left: 3, nextAt: null, resets: false },
    { count: 2, last: hoursAgo(1), left: 1, nextAt: null, resets: false },
    {
      count: 3,
      last: hoursAgo(1),
      left: 0,
      nextAt: new Date(hoursAgo(1).getTime() + 24 * HOUR),
      resets: false,
    },
    {
      count: 3,
      last: hoursAgo(23.99),
      left: 0,
      nextAt: new Date(hoursAgo(23.99).getTime() + 24 * HOUR),
      resets: false,
    },
    { count: 3, last: hoursAgo(24), left: 3, nextAt: null, resets: true },
    { count: 3, last: hoursAgo(100), left: 3, nextAt: null, resets: true },
  ])('count $count, last $last → $left left', ({ count, last, left, nextAt, resets }) => {
    const allowance = regenerationAllowance(
      { regenerationCount: count, lastRegenerationAt: last, limit: 3, cooldownHours: 24 },
      now,
    );
    expect(allowance).toEqual({ left, nextAt, resetsCount: resets });
  });

  it('follows the organization settings, not the defaults', () => {
    const allowance = regenerationAllowance(
      { regenerationCount: 1, lastRegenerationAt: hoursAgo(1), limit: 1, cooldownHours: 2 },
      now,
    );
    expect(allowance).toEqual({ left: 0, nextAt: new Date(now.getTime() + HOUR), resetsCount: false });
  });

  it('allows none, ever, when the organization set the limit to zero', () => {
    const allowance = regenerationAllowance(
      { regenerationCount: 0, lastRegenerationAt: hoursAgo(1000), limit: 0, cooldownHours: 24 },
      now,
    );
    expect(allowance).toEqual({ left: 0, nextAt: null, resetsCount: false });
  });
});
