/** Where each validation issue sits in a draft body, so the review pane can mark the exact words. */

export type HighlightableIssue = {
  claim: string;
  severity: 'warning' | 'error';
  start?: number;
  end?: number;
};

export type LocatedIssue = { index: number; start: number; end: number };

export type BodySegment = {
  text: string;
  start: number;
  /** Index into the issues list when these words are the subject of an issue. */
  issueIndex: number | null;
};

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The claim as a pattern: case-insensitive and tolerant of how whitespace was wrapped. */
function claimPattern(claim: string) {
  const words = claim.trim().split(/\s+/).filter(Boolean).map(escapeRegExp);
  if (words.length === 0) return null;
  return new RegExp(words.join('\\s+'), 'giu');
}

function overlaps(range: { start: number; end: number }, taken: LocatedIssue[]) {
  return taken.some((other) => range.start < other.end && other.start < range.end);
}

/**
 * Finds each issue in the body: by its offsets when they still point at the claim (the body may
 * have been edited since validation), else by searching for the claim. Issues whose words cannot
 * be found, or that would overlap an issue already placed, are left out (the evidence list still
 * shows them).
 */
export function locateIssues(body: string, issues: readonly HighlightableIssue[]): LocatedIssue[] {
  const located: LocatedIssue[] = [];
  // Errors first, so when two issues cover the same words the serious one gets the highlight.
  const order = issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => Number(b.issue.severity === 'error') - Number(a.issue.severity === 'error'));

  for (const { issue, index } of order) {
    const { start, end } = issue;
    if (
      typeof start === 'number' &&
      typeof end === 'number' &&
      start >= 0 &&
      end > start &&
      end <= body.length &&
      body.slice(start, end).toLowerCase() === issue.claim.toLowerCase() &&
      !overlaps({ start, end }, located)
    ) {
      located.push({ index, start, end });
      continue;
    }
    const pattern = claimPattern(issue.claim);
    if (!pattern) continue;
    for (const match of body.matchAll(pattern)) {
      const range = { start: match.index, end: match.index + match[0].length };
      if (!overlaps(range, located)) {
        located.push({ index, ...range });
        break;
      }
    }
  }
  return located.sort((a, b) => a.start - b.start);
}

/** The body cut into plain and highlighted runs that join back into exactly the body. */
export function segmentBody(body: string, issues: readonly HighlightableIssue[]): BodySegment[] {
  const segments: BodySegment[] = [];
  let cursor = 0;
  for (const located of locateIssues(body, issues)) {
    if (located.start > cursor)
      segments.push({ text: body.slice(cursor, located.start), start: cursor, issueIndex: null });
    segments.push({
      text: body.slice(located.start, located.end),
      start: located.start,
      issueIndex: located.index,
    });
    cursor = located.end;
  }
  if (cursor < body.length || segments.length === 0)
    segments.push({ text: body.slice(cursor), start: cursor, issueIndex: null });
  return segments;
}
