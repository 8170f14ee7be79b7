export const slaLevels = ['GREEN', 'YELLOW', 'ORANGE', 'RED', 'BREACHED'] as const;
export type SlaLevel = (typeof slaLevels)[number];

export type ReplyTarget = {
  receivedAt: Date;
  deadlineAt: Date | null;
  repliedAt?: Date | null;
};

/** Share of the reply time used (0.6 = 60%); null when no reply is owed. */
export function slaElapsedShare(target: ReplyTarget, now: Date): number | null {
  if (!target.deadlineAt || target.repliedAt) return null;
  const total = target.deadlineAt.getTime() - target.receivedAt.getTime();
  if (total <= 0) return now.getTime() >= target.deadlineAt.getTime() ? Number.POSITIVE_INFINITY : 0;
  return (now.getTime() - target.receivedAt.getTime()) / total;
}

/** GREEN below 60% of the reply time, YELLOW to 80%, ORANGE to 95%, RED to 100%, BREACHED beyond. */
export function slaLevel(target: ReplyTarget, now: Date): SlaLevel | null {
  const share = slaElapsedShare(target, now);
  if (share === null) return null;
  if (share < 0.6) return 'GREEN';
  if (share < 0.8) return 'YELLOW';
  if (share < 0.95) return 'ORANGE';
  if (share <= 1) return 'RED';
  return 'BREACHED';
}

/** Worst first, for "the deal's worst level". */
export function worstSlaLevel(levels: Array<SlaLevel | null>): SlaLevel | null {
  let worst: SlaLevel | null = null;
  for (const level of levels) {
    if (level && (worst === null || slaLevels.indexOf(level) > slaLevels.indexOf(worst))) worst = level;
  }
  return worst;
}
