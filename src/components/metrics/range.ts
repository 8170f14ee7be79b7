const DAY = 24 * 60 * 60 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const isDay = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** The range in the URL (`?from=YYYY-MM-DD&to=YYYY-MM-DD`), or the last `days` days ending today. */
export function rangeFromParams(params: { get(name: string): string | null }, now: Date, days = 14) {
  const to = isDay(params.get('to')) ? (params.get('to') as string) : isoDay(now);
  const fallbackFrom = isoDay(new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * DAY));
  const from = isDay(params.get('from')) ? (params.get('from') as string) : fallbackFrom;
  return { from, to };
}

/** The last `days` days, today included. */
export function lastDays(days: number, now: Date) {
  return { from: isoDay(new Date(now.getTime() - (days - 1) * DAY)), to: isoDay(now) };
}

/** "Jan 10" from "2026-01-10", in UTC like the figures. */
export function shortDay(day: string) {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

export function formatShare(share: number | null) {
  return share === null ? '—' : `${Math.round(share * 1000) / 10}%`;
}
