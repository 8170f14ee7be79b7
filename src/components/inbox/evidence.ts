/** Names for where a claim or a data point came from, for the evidence column. */

export type SourceRef = {
  kind: 'space' | 'deal' | 'email' | 'organization' | 'other';
  id: string | null;
  field: string | null;
};

/** `space:12.detailedAmenities.parking.costMonthly` → space 12, field `detailedAmenities.parking.costMonthly`. */
export function parseSource(source: string): SourceRef {
  const match = /^(space|deal|email|organization|thread):([^.\s]+)(?:\.(.+))?$/.exec(source.trim());
  if (!match) return { kind: 'other', id: null, field: source.trim() || null };
  const kind = match[1] === 'thread' ? 'email' : (match[1] as SourceRef['kind']);
  return { kind, id: match[2] ?? null, field: match[3] ?? null };
}

/** `detailedAmenities.parking.costMonthly` → "parking › cost monthly". */
export function humanizeField(field: string | null | undefined): string {
  if (!field) return '';
  return field
    .split('.')
    .filter((part) => part !== 'detailedAmenities')
    .map((part) =>
      part
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/_/g, ' ')
        .toLowerCase(),
    )
    .join(' › ');
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${humanizeField(key)}: ${formatValue(inner)}`)
      .join('; ');
  }
  return String(value);
}

/** Where a source lives in the app: the deal page, at the space or the field. */
export function sourceHref(
  dealId: number,
  ref: { kind: SourceRef['kind']; id: string | number | null; field: string | null },
) {
  if (ref.kind === 'space' && ref.id !== null) return `/deals/${dealId}#space-${ref.id}`;
  if (ref.kind === 'email' && ref.id !== null) return `/deals/${dealId}#email-${ref.id}`;
  if (ref.kind === 'deal' && ref.field) return `/deals/${dealId}#deal-${ref.field.split('.')[0]}`;
  return `/deals/${dealId}`;
}

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
