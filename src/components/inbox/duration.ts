/** "12m left", "1h 5m left", "20m over": for SLA badges and regeneration cool-downs. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes >= 60 * 24) {
    const days = Math.floor(minutes / (60 * 24));
    const hours = Math.floor((minutes % (60 * 24)) / 60);
    return hours ? `${days}d ${hours}h` : `${days}d`;
  }
  if (minutes >= 60) {
    const rest = minutes % 60;
    return rest ? `${Math.floor(minutes / 60)}h ${rest}m` : `${Math.floor(minutes / 60)}h`;
  }
  return `${minutes}m`;
}
