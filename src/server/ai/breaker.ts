/**
 * A circuit breaker for the AI provider: after `failureThreshold` consecutive failures it opens and
 * calls go straight to the offline drafter; after `coolOffMs` one trial call is let through
 * (half-open), and its outcome closes or re-opens the circuit.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private isTrialRunning = false;

  constructor(
    private readonly options: { failureThreshold?: number; coolOffMs?: number; now?: () => number } = {},
  ) {}

  private get threshold() {
    return this.options.failureThreshold ?? 3;
  }

  private now() {
    return this.options.now ? this.options.now() : Date.now();
  }

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= (this.options.coolOffMs ?? 60_000) ? 'half-open' : 'open';
  }

  /** Whether a call may go to the provider now; in half-open, only one at a time. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.isTrialRunning) return false;
    this.isTrialRunning = true;
    return true;
  }

  recordSuccess() {
    this.failures = 0;
    this.openedAt = null;
    this.isTrialRunning = false;
  }

  recordFailure() {
    this.failures += 1;
    this.isTrialRunning = false;
    if (this.openedAt !== null || this.failures >= this.threshold) this.openedAt = this.now();
  }
}
