export type AllowanceState = {
  regenerationCount: number;
  lastRegenerationAt: Date | null;
  limit: number;
  cooldownHours: number;
};

export type Allowance = {
  /** Regenerations the agent may still ask for now. */
  left: number;
  /** When the next one is allowed, if none is left now. */
  nextAt: Date | null;
  /** True when the cooldown has passed: the next regeneration starts a fresh count. */
  resetsCount: boolean;
};

/**
 * At most `limit` regenerations; after the last of them, the next is allowed `cooldownHours` after
 * it, and that one resets the count.
 */
export function regenerationAllowance(state: AllowanceState, now: Date): Allowance {
  if (state.limit <= 0) return { left: 0, nextAt: null, resetsCount: false };
  if (state.regenerationCount < state.limit) {
    return { left: state.limit - state.regenerationCount, nextAt: null, resetsCount: false };
  }
  const last = state.lastRegenerationAt ?? new Date(0);
  const nextAt = new Date(last.getTime() + state.cooldownHours * 60 * 60 * 1000);
  if (now.getTime() >= nextAt.getTime()) return { left: state.limit, nextAt: null, resetsCount: true };
  return { left: 0, nextAt, resetsCount: false };
}
