import { Badge } from '@/components/ui/badge';
import type { SlaLevel } from '@/server/sla';

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

function timeLeft(deadline: Date, now: Date) {
  const minutes = Math.round((deadline.getTime() - now.getTime()) / 60_000);
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  const text = abs >= 60 ? `${Math.floor(abs / 60)}h ${abs % 60}m` : `${abs}m`;
  return minutes < 0 ? `${text} over` : `${sign}${text} left`;
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
      {deadline ? <span className="font-normal">· {timeLeft(deadline, now)}</span> : null}
    </Badge>
  );
}
