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
    private readonly skip: Span | null,
  ) {}

  /** True when the span is free (not inside the signature, not part of an earlier claim); claims it. */
  take(start: number, end: number) {
    if (this.skip && start >= this.skip.start && start < this.skip.end) return false;
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
      if (ch === '\n' || ((ch === '.' || ch === '!' || ch === '?') && /\s|$/.test(this.body[end + 1] ?? '')))
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

  /** Spaces named in the sentence around `at`; all the deal's spaces when none is named. */
  scope(at: number): { spaces: ContextSpace[]; isNamed: boolean } {
    const { start, end } = this.sentence(at);
    const text = this.lower.slice(start, end);
    const named = this.index.spaceNames
      .filter(({ names }) => names.some((n) => text.includes(n)))
      .map((e) => e.space);
    return named.length > 0
      ? { spaces: named, isNamed: true }
      : { spaces: this.index.spaces, isNamed: false };
  }
}

export function signatureSpan(body: string, signature: string): Span | null {
  const trimmed = signature.trim();
  if (!trimmed) return null;
  const at = body.lastIndexOf(trimmed);
  return at >= 0 ? { start: at, end: at + trimmed.length } : null;
}
