/**
 * How close a sent reply stayed to the AI version it started from. Pure: both bodies are
 * normalised (quoted history, the signature, typographic quotes and whitespace do not count as
 * edits), split into words, and compared by word-level edit distance.
 */

export type Similarity = {
  /** Words inserted, deleted or replaced to turn the draft into what was sent. */
  editDistance: number;
  /** 1 − distance / the longer body's words; 1 when both are empty. */
  similarity: number;
  /** The bodies match after normalisation. */
  isUnedited: boolean;
};

const QUOTE_HEADER = /^(?:on\s.{0,200}\swrote:\s*$|-{2,}\s*original message\s*-{2,}|from:\s.+@.+)/i;

/** The text the sender wrote: no quoted history, no signature, plain quotes, single spaces. */
export function normaliseBody(body: string, options: { signature?: string } = {}): string {
  let text = body.normalize('NFC').replace(/\r\n?/g, '\n');
  const signature = options.signature?.replace(/\r\n?/g, '\n').trim();
  if (signature) {
    const at = text.lastIndexOf(signature);
    if (at >= 0) text = text.slice(0, at) + text.slice(at + signature.length);
  }
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    // "-- " starts a signature by convention; a quote header starts the quoted history.
    if (/^--\s?$/.test(line) || QUOTE_HEADER.test(line.trim())) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function wordsOf(text: string): string[] {
  return text ? text.split(' ') : [];
}

/** Above this many cells the exact distance is too slow for a send; a bag-of-words bound is used. */
const MAX_CELLS = 4_000_000;

function trimCommon(a: string[], b: string[]) {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end])
    end += 1;
  return { a: a.slice(start, a.length - end), b: b.slice(start, b.length - end), start };
}

/** Levenshtein distance over words (insert, delete, replace each cost 1). */
export function wordEditDistance(from: string[], to: string[]): number {
  const { a, b } = trimCommon(from, to);
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (a.length * b.length > MAX_CELLS) {
    // Every word not shared (as a multiset) needs at least one edit; close enough for huge bodies.
    const counts = new Map<string, number>();
    for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1);
    let shared = 0;
    for (const word of b) {
      const n = counts.get(word) ?? 0;
      if (n > 0) {
        shared += 1;
        counts.set(word, n - 1);
      }
    }
    return Math.max(a.length, b.length) - shared;
  }
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const replace = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(replace, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/** The similarity of what was sent to the draft it started from. */
export function compareBodies(draft: string, sent: string, options: { signature?: string } = {}): Similarity {
  const a = wordsOf(normaliseBody(draft, options));
  const b = wordsOf(normaliseBody(sent, options));
  const longest = Math.max(a.length, b.length);
  const editDistance = wordEditDistance(a, b);
  const similarity = longest === 0 ? 1 : Math.round((1 - editDistance / longest) * 1000) / 1000;
  return { editDistance, similarity, isUnedited: editDistance === 0 };
}

export type WordRuns = { deleted: string[]; added: string[] };

/** Larger bodies are not mined for phrases (the full table would not fit comfortably in memory). */
const MAX_DIFF_CELLS = 1_000_000;

/**
 * The runs of words the sender deleted from the draft and added to it, in order, by the longest
 * common subsequence of words. Empty when the bodies are too large to compare word by word.
 */
export function wordRuns(draftWords: string[], sentWords: string[]): WordRuns {
  const { a, b } = trimCommon(draftWords, sentWords);
  const runs: WordRuns = { deleted: [], added: [] };
  if (a.length * b.length > MAX_DIFF_CELLS) return runs;
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  let deleted: string[] = [];
  let added: string[] = [];
  const flush = () => {
    if (deleted.length) runs.deleted.push(deleted.join(' '));
    if (added.length) runs.added.push(added.join(' '));
    deleted = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      i += 1;
      j += 1;
    } else if (
      j >= b.length ||
      (i < a.length && (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))
    ) {
      deleted.push(a[i] ?? '');
      i += 1;
    } else {
      added.push(b[j] ?? '');
      j += 1;
    }
  }
  flush();
  return runs;
}
