import { Badge } from '@/components/ui/badge';
import type { SlaLevel } from '@/server/sla';
import { formatDuration } from './duration';

const variants = {
  GREEN: 'green',
  YELLOW: 'yellow',
  ORANGE: 'orange',
  RED: 'red',
  BREACHED: 'breached',
} as const;

const labels: Record<SlaLevel, string> = {
  GREEN: 'On track',
  YELLOW: 'Due soon',
  ORANGE: 'Urgent',
  RED: 'Due now',
  BREACHED: 'Overdue',
};

export function slaTimeLeft(deadline: Date, now: Date) {
  const ms = deadline.getTime() - now.getTime();
  return ms < 0 ? `${formatDuration(ms)} over` : `${formatDuration(ms)} left`;
}

export function SlaBadge({
  level,
  deadline,
  now,
}: {
  level: SlaLevel | null;
  deadline: Date | null;
  now: Date;
}) {
  if (!level) return null;
  return (
    <Badge variant={variants[level]} title={`Reply-time target: ${labels[level]}`}>
      {labels[level]}
      {deadline ? <span className="font-normal tabular-nums">· {slaTimeLeft(deadline, now)}</span> : null}
    </Badge>
  );
}
