/** A word-level diff of two draft bodies, for "what changed between this version and the working body". */

export type DiffPart = { kind: 'equal' | 'insert' | 'delete'; text: string };

/** Edits beyond which the word diff gives up for a line diff (and that for a plain replacement). */
const MAX_EDITS = 2_000;

export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/gu) ?? [];
}

function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string) {
  if (!text) return;
  const last = parts.at(-1);
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

type Op = { kind: DiffPart['kind']; token: string };

/**
 * Myers' O((N+M)·D) shortest edit script; null when it needs more than `maxEdits` edits.
 * The trace keeps, for each d, the furthest x reached on diagonals -d..d (index k + d).
 */
function shortestEdit(a: string[], b: string[], maxEdits: number): Op[] | null {
  const n = a.length;
  const m = b.length;
  const trace: Int32Array[] = [];
  let previous = new Int32Array(1);
  const at = (row: Int32Array, d: number, k: number) => (k < -d || k > d ? 0 : (row[k + d] ?? 0));

  for (let d = 0; d <= Math.min(n + m, maxEdits); d++) {
    const current = new Int32Array(2 * d + 1);
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && at(previous, d - 1, k - 1) < at(previous, d - 1, k + 1));
      let x = d === 0 ? 0 : down ? at(previous, d - 1, k + 1) : at(previous, d - 1, k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      current[k + d] = x;
      if (x >= n && y >= m) {
        trace.push(current);
        return backtrack(a, b, trace);
      }
    }
    trace.push(current);
    previous = current;
  }
  return null;
}

function backtrack(a: string[], b: string[], trace: Int32Array[]): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d--) {
    const row = trace[d - 1] ?? new Int32Array(1);
    const prior = d - 1;
    const get = (k: number) => (k < -prior || k > prior ? 0 : (row[k + prior] ?? 0));
    const k = x - y;
    const down = k === -d || (k !== d && get(k - 1) < get(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = get(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push({ kind: 'equal', token: a[x - 1] ?? '' });
      x--;
      y--;
    }
    if (down) {
      ops.push({ kind: 'insert', token: b[y - 1] ?? '' });
      y--;
    } else {
      ops.push({ kind: 'delete', token: a[x - 1] ?? '' });
      x--;
    }
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: 'equal', token: a[x - 1] ?? '' });
    x--;
    y--;
  }
  return ops.reverse();
}

/**
 * Parts that rebuild `before` from the equal and deleted runs and `after` from the equal and
 * inserted ones. Words and the whitespace between them are the units; bodies too different for
 * that fall back to whole lines, then to a plain replacement.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  if (before === after) {
    push(parts, 'equal', before);
    return parts;
  }
  const ops =
    shortestEdit(tokenize(before), tokenize(after), MAX_EDITS) ??
    shortestEdit(lines(before), lines(after), MAX_EDITS);
  if (!ops) {
    push(parts, 'delete', before);
    push(parts, 'insert', after);
    return parts;
  }
  // Deletions before insertions inside a changed run reads best ("-old +new").
  let pendingInsert = '';
  for (const op of ops) {
    if (op.kind === 'insert') pendingInsert += op.token;
    else if (op.kind === 'delete') push(parts, 'delete', op.token);
    else {
      push(parts, 'insert', pendingInsert);
      pendingInsert = '';
      push(parts, 'equal', op.token);
    }
  }
  push(parts, 'insert', pendingInsert);
  return parts;
}

export function diffStats(parts: readonly DiffPart[]) {
  const words = (text: string) => tokenize(text).filter((token) => token.trim()).length;
  const count = (kind: DiffPart['kind']) =>
    parts.filter((part) => part.kind === kind).reduce((sum, part) => sum + words(part.text), 0);
  return { added: count('insert'), removed: count('delete') };
}
