import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './breaker';

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures and refuses calls during the cool-off', () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 3, coolOffMs: 1_000, now: () => now });
    for (let i = 0; i < 2; i++) {
      expect(breaker.tryAcquire()).toBe(true);
      breaker.recordFailure();
    }
    expect(breaker.state).toBe('closed');
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    now = 999;
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('lets one trial call through after the cool-off, and closes on its success', () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 1, coolOffMs: 1_000, now: () => now });
    breaker.recordFailure();
    now = 1_000;
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('re-opens for a full cool-off when the trial call fails', () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 1, coolOffMs: 1_000, now: () => now });
    breaker.recordFailure();
    now = 1_500;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    now = 2_400;
    expect(breaker.tryAcquire()).toBe(false);
    now = 2_500;
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('resets the failure count on a success', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, now: () => 0 });
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    expect(breaker.state).toBe('closed');
  });
});
