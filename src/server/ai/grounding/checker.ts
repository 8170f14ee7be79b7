import type { ValidationIssue } from '../../../../db/schema';
import type { ContextSpace } from '../context';
import type { GroundingIndex } from './facts';

/** The span checker: claims spans of the body, reads sentences and clauses, records issues. */

export type Span = { start: number; end: number };

export class Checker {
  readonly issues: ValidationIssue[] = [];
  private readonly claimed: Span[] = [];

  constructor(
    readonly body: string,
    readonly lower: string,
    readonly index: GroundingIndex,
    private readonly skip: Span[],
  ) {}

  /** Inside the signature, a quoted earlier message or forwarded text: not the broker's claim. */
  isSkipped(at: number) {
    return this.skip.some((span) => at >= span.start && at < span.end);
  }

  /** True when the span is free (not skipped, not part of an earlier claim); claims it. */
  take(start: number, end: number) {
    if (this.isSkipped(start)) return false;
    if (this.claimed.some((span) => start < span.end && end > span.start)) return false;
    this.claimed.push({ start, end });
    return true;
  }

  issue(start: number, end: number, severity: 'error' | 'warning', expected: string, source: string) {
    this.issues.push({
      claim: this.body.slice(start, end),
      expected,
      source,
      severity,
      layer: 'grounding',
      start,
      end,
    });
  }

  /** The sentence around an offset (a line, or up to . ! ?). */
  sentence(at: number): Span {
    let start = at;
    while (start > 0) {
      const ch = this.body[start - 1];
      if (ch === '\n' || ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(this.body[start] ?? ' ')))
        break;
      start -= 1;
    }
    let end = at;
    while (end < this.body.length) {
      const ch = this.body[end];
      const next = this.body[end + 1];
      if (
        ch === '\n' ||
        ((ch === '.' || ch === '!' || ch === '?') && (next === undefined || /\s/.test(next)))
      )
        break;
      end += 1;
    }
    return { start, end };
  }

  /** The clause around an offset: the sentence cut at ", ", "; ", " and ", " but ", dashes between spaces. */
  clause(at: number): string {
    const { start, end } = this.sentence(at);
    const text = this.lower.slice(start, end);
    const offset = at - start;
    const cuts = [...text.matchAll(/, |; | and | but | while | whereas | – | — | - |\(|\)/g)].map((m) => ({
      at: m.index ?? 0,
      length: m[0].length,
    }));
    let from = 0;
    let to = text.length;
    for (const cut of cuts) {
      if (cut.at + cut.length <= offset) from = cut.at + cut.length;
      else if (cut.at >= offset) {
        to = cut.at;
        break;
      }
    }
    return text.slice(from, to);
  }

  private namedIn(text: string) {
    return this.index.spaceNames
      .filter(({ names }) => names.some((n) => text.includes(n)))
      .map((e) => e.space);
  }

  /**
   * The spaces a sentence is about: the ones it names; else the one the previous sentences of the
   * paragraph named ("Mission Loft is $12,500/month. It has 2 meeting rooms."); else all the deal's.
   */
  scope(at: number): { spaces: ContextSpace[]; isNamed: boolean } {
    const { start, end } = this.sentence(at);
    const text = this.lower.slice(start, end);
    const named = this.namedIn(text);
    if (named.length > 0) return { spaces: named, isNamed: true };
    if (
      !/\b(both|either|neither|each|all (?:of )?(?:the|these|those|three|two)|the others?|another)\b/.test(
        text,
      )
    ) {
      let cursor = start;
      for (let step = 0; step < 4 && cursor > 0; step += 1) {
        // Stop at a blank line: a new paragraph starts a new subject.
        if (this.body.slice(Math.max(0, cursor - 2), cursor).includes('\n\n')) break;
        const previous = this.sentence(Math.max(0, cursor - 2));
        if (previous.start >= cursor) break;
        const carried = this.namedIn(this.lower.slice(previous.start, previous.end));
        if (carried.length === 1) return { spaces: carried, isNamed: true };
        if (carried.length > 1) break;
        cursor = previous.start;
      }
    }
    return { spaces: this.index.spaces, isNamed: false };
  }
}

export function signatureSpan(body: string, signature: string): Span | null {
  const trimmed = signature.trim();
  if (!trimmed) return null;
  const at = body.lastIndexOf(trimmed);
  return at >= 0 ? { start: at, end: at + trimmed.length } : null;
}

/**
 * What the broker is not saying in their own words: the signature, quoted lines ("> …"), the
 * quoted history after "On … wrote:" and forwarded or original messages.
 */
export function skippedSpans(body: string, signature: string): Span[] {
  const spans: Span[] = [];
  const sig = signatureSpan(body, signature);
  if (sig) spans.push(sig);
  const history =
    /^(?:on\b.{0,160}\bwrote:|-{2,}\s*(?:forwarded|original) message\s*-{2,}|begin forwarded message:?)\s*$/im.exec(
      body,
    );
  if (history) spans.push({ start: history.index, end: body.length });
  for (const line of body.matchAll(/^[ \t]*>.*$/gm)) {
    const start = line.index ?? 0;
    spans.push({ start, end: start + line[0].length });
  }
  return spans;
}
