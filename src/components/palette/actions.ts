/** What the command palette lists and how typed text picks among them. Pure: tested beside it. */

export type PaletteAction = {
  id: string;
  /** The heading it is listed under ("Draft", "Inbox", "Go to"). */
  group: string;
  label: string;
  /** More words it answers to, beside its label. */
  keywords?: string;
  /** The single-key shortcut that does the same, shown beside it. */
  shortcut?: string;
  /** Takes the typed text as its argument (an instruction): listed only once something is typed. */
  withText?: (text: string) => string;
  run: (text: string) => void;
};

export type PaletteMode = 'all' | 'search';

const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

/** 0 when `query` does not match; higher is better: whole label prefix, then word prefixes, then substrings. */
export function actionScore(action: Pick<PaletteAction, 'label' | 'keywords'>, query: string): number {
  const wanted = words(query);
  if (wanted.length === 0) return 1;
  const label = action.label.toLowerCase();
  const haystack = `${label} ${(action.keywords ?? '').toLowerCase()}`;
  const haystackWords = words(haystack);
  let score = 0;
  for (const word of wanted) {
    if (haystackWords.some((candidate) => candidate.startsWith(word))) score += 2;
    else if (haystack.includes(word)) score += 1;
    else return 0;
  }
  if (label.startsWith(query.trim().toLowerCase())) score += 4;
  return score;
}

/**
 * The actions to list for `query`, best first (stable among equals). An action that takes the text
 * is listed, after the matches, once there is text, labelled with it.
 */
export function matchActions(
  actions: readonly PaletteAction[],
  query: string,
): Array<PaletteAction & { shownLabel: string }> {
  const text = query.trim();
  const matched = actions
    .filter((action) => !action.withText)
    .map((action, index) => ({ action, index, score: actionScore(action, text) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ action }) => ({ ...action, shownLabel: action.label }));
  const withText = text
    ? actions.flatMap((action) => (action.withText ? [{ ...action, shownLabel: action.withText(text) }] : []))
    : [];
  return [...matched, ...withText];
}

/** Splits `text` at the highlighted ranges (from search.query) for rendering as text and <mark>. */
export function highlightParts(
  text: string,
  highlights: ReadonlyArray<{ start: number; end: number }>,
): Array<{ text: string; isMatch: boolean }> {
  const parts: Array<{ text: string; isMatch: boolean }> = [];
  let at = 0;
  for (const { start, end } of [...highlights].sort((a, b) => a.start - b.start)) {
    const from = Math.max(start, at);
    const to = Math.min(end, text.length);
    if (to <= from) continue;
    if (from > at) parts.push({ text: text.slice(at, from), isMatch: false });
    parts.push({ text: text.slice(from, to), isMatch: true });
    at = to;
  }
  if (at < text.length) parts.push({ text: text.slice(at), isMatch: false });
  return parts;
}
