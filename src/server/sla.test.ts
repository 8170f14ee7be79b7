import { describe, expect, it } from 'vitest';
import { slaElapsedShare, slaLevel, worstSlaLevel } from './sla';

const receivedAt = new Date('2026-11-29T08:00:00.000Z');
const deadlineAt = new Date('2026-11-29T12:00:00.000Z'); // 4 hours
const span = deadlineAt.getTime() - receivedAt.getTime();
/** The injected clock: the moment `share` of the reply time has elapsed. */
const at = (share: number) => new Date(receivedAt.getTime() + span * share);

describe('slaLevel at each boundary (4-hour target)', () => {
  it.each([
    [0, 'GREEN'],
    [0.599, 'GREEN'],
    [0.6, 'YELLOW'],
    [0.799, 'YELLOW'],
    [0.8, 'ORANGE'],
    [0.949, 'ORANGE'],
    [0.95, 'RED'],
    [0.999, 'RED'],
    [1, 'RED'],
    [1.001, 'BREACHED'],
    [3, 'BREACHED'],
  ] as const)('%s of the time elapsed is %s', (share, level) => {
    expect(slaLevel({ receivedAt, deadlineAt }, at(share))).toBe(level);
  });

  // Not percentages of the clock above but exact instants, so float rounding cannot decide.
  it.each([
    ['59.9%', 0.599 * span, 'GREEN'],
    ['60%', 0.6 * span, 'YELLOW'],
    ['80%', 0.8 * span, 'ORANGE'],
    ['95%', 0.95 * span, 'RED'],
    ['100%', span, 'RED'],
    ['100.1%', 1.001 * span, 'BREACHED'],
  ] as const)('at exactly %s it is %s', (_label, elapsedMs, level) => {
    expect(slaLevel({ receivedAt, deadlineAt }, new Date(receivedAt.getTime() + elapsedMs))).toBe(level);
  });

  it('is null once a reply was sent, and when no reply is owed', () => {
    expect(slaLevel({ receivedAt, deadlineAt, repliedAt: at(0.5) }, at(2))).toBeNull();
    expect(slaLevel({ receivedAt, deadlineAt: null }, at(2))).toBeNull();
  });

  it('treats a deadline at the moment of arrival as breached only once it has passed', () => {
    expect(slaLevel({ receivedAt, deadlineAt: receivedAt }, new Date(receivedAt.getTime() - 1))).toBe(
      'GREEN',
    );
    expect(slaLevel({ receivedAt, deadlineAt: receivedAt }, receivedAt)).toBe('BREACHED');
  });

  it('reports the share of time used', () => {
    expect(slaElapsedShare({ receivedAt, deadlineAt }, at(0.5))).toBeCloseTo(0.5);
  });
});

describe('worstSlaLevel', () => {
  it.each([
    [[], null],
    [[null, null], null],
    [['GREEN', null, 'YELLOW'], 'YELLOW'],
    [['RED', 'BREACHED', 'GREEN'], 'BREACHED'],
    [['ORANGE', 'RED'], 'RED'],
  ] as const)('%j → %s', (levels, worst) => {
    expect(worstSlaLevel([...levels])).toBe(worst);
  });
});
