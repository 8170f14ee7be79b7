import type { Checker } from '../checker';

/** Qualities the records rarely hold: stated without a source, they are worth a second look. */
const SOFT_CLAIMS: Array<[RegExp, string[]]> = [
  [/\bquiet\b/gi, ['quiet']],
  [/\b(?:newly\s+)?renovated\b/gi, ['renovated']],
  [/\bnatural light\b|\bbright\b|\bsunny\b/gi, ['bright', 'light', 'sunny']],
  [/\b(?:great|stunning|bay|city)\s+views?\b/gi, ['view']],
  [
    /\b(?:walking distance|walkable|steps from|minutes? from|blocks? (?:from|away))\b/gi,
    ['walk', 'block', 'min '],
  ],
  [
    /\b(?:close to|near(?:by)?)\s+(?:bart|caltrain|muni|transit|the train)\b/gi,
    ['bart', 'caltrain', 'muni', 'transit'],
  ],
  [
    /\b(?:gym|showers?|bike (?:storage|room|parking)|rooftop|roof deck)\b/gi,
    ['gym', 'shower', 'bike', 'roof'],
  ],
  [/\bfurnished\b/gi, ['furnished', 'desks']],
  [/\b(?:wheelchair|ada)[- ]accessible\b|\belevator\b/gi, ['wheelchair', 'ada', 'elevator']],
];

export function checkSoftClaims(c: Checker) {
  for (const [pattern, keywords] of SOFT_CLAIMS) {
    for (const match of c.body.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (keywords.some((k) => c.index.factText.includes(k) || c.index.threadText.includes(k))) continue;
      if (!c.take(start, end)) continue;
      c.issue(start, end, 'warning', 'The records neither confirm nor contradict this', 'records');
    }
  }
}
