import { z } from 'zod';

export const searchKinds = ['draft', 'email', 'deal', 'space'] as const;
export type SearchKind = (typeof searchKinds)[number];

export const searchInput = z.object({
  /** Words as a person types them into a search box: `"exact phrase"`, `or`, `-not` (websearch syntax). */
  q: z.string().trim().min(1, 'type something to search for').max(200),
  limit: z.number().int().min(1).max(50).default(20),
});
export type SearchInput = z.infer<typeof searchInput>;

/** A highlighted stretch of `snippet`: `[start, end)` in UTF-16 code units, as `String.slice` takes them. */
export type SearchHighlight = { start: number; end: number };

export type SearchItem = {
  kind: SearchKind;
  id: number;
  title: string;
  /** Plain text (never HTML): the matched words are the `highlights` ranges. */
  snippet: string;
  highlights: SearchHighlight[];
  href: string;
};
