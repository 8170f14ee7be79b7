import type { Checker } from '../checker';

export function checkInternet(c: Checker) {
  for (const match of c.body.matchAll(/\b(\d+(?:\.\d+)?)\s?(gbps|mbps|gb|mb)\b/gi)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (!c.take(start, end)) continue;
    const claimed = `${match[1]} ${(match[2] ?? '').toLowerCase().replace(/ps$/, '')}`;
    const { spaces } = c.scope(start);
    const speeds = spaces.map((space) => space.detailedAmenities.rentInclusions?.internet).filter(Boolean);
    const matches = speeds.some((speed) => (speed ?? '').toLowerCase().replace(/ps\b/, '').includes(claimed));
    if (matches) continue;
    c.issue(
      start,
      end,
      speeds.length > 0 ? 'error' : 'warning',
      spaces
        .map(
          (space) =>
            `${space.name}: internet ${space.detailedAmenities.rentInclusions?.internet ?? 'not on record'}`,
        )
        .join('; '),
      spaces.map((space) => `space:${space.id}.detailedAmenities.rentInclusions.internet`).join(', ') ||
        'records',
    );
  }
}
