import type { Checker } from '../checker';

const STREET_PATTERN =
  /\b(\d{1,5})\s+((?:[A-Z0-9][A-Za-z0-9]*\s){0,3}?)(St|Street|Ave|Avenue|Blvd|Boulevard|Rd|Road|Pkwy|Parkway|Way|Dr|Drive|Ln|Lane|Pl|Place)\b/g;

export function checkAddresses(c: Checker) {
  for (const match of c.body.matchAll(STREET_PATTERN)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (!c.take(start, end)) continue;
    const number = match[1] ?? '';
    const name = (match[2] ?? '').trim().toLowerCase();
    const isKnown =
      c.index.spaces.some((space) => {
        const street = space.address.toLowerCase();
        return street.startsWith(`${number} `) && street.includes(name);
      }) || c.index.threadText.includes(`${number} ${name}`);
    if (isKnown) continue;
    c.issue(
      start,
      end,
      'error',
      `Addresses on record: ${c.index.spaces.map((space) => `${space.name}, ${space.address}`).join('; ') || 'none'}`,
      c.index.spaces.map((space) => `space:${space.id}.address`).join(', ') || 'records',
    );
  }
}
