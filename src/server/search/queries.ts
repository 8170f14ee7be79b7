import { sql } from 'drizzle-orm';
import type { Executor } from '../db';
import type { SearchHighlight, SearchInput, SearchItem, SearchKind } from './schemas';

// ts_headline marks the matches with two private-use characters instead of HTML, so no text from
// the database is ever parsed as markup: the marks become ranges here, the text stays text.
const START = '\uE000';
const STOP = '\uE001';
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

type Row = {
  kind: SearchKind;
  id: string | number;
  title: string;
  snippet: string | null;
  draft_id: string | number | null;
  draft_status: string | null;
  deal_id: string | number | null;
};

/** Splits ts_headline's marked text into plain text and the highlighted ranges. */
export function parseHeadline(marked: string): { snippet: string; highlights: SearchHighlight[] } {
  let snippet = '';
  const highlights: SearchHighlight[] = [];
  let open: number | null = null;
  for (const char of marked) {
    if (char === START) {
      open ??= snippet.length;
    } else if (char === STOP) {
      if (open !== null && snippet.length > open) highlights.push({ start: open, end: snippet.length });
      open = null;
    } else {
      snippet += char;
    }
  }
  return { snippet, highlights };
}

/** The inbox opens a draft in the tab of its status, so the queue beside it shows it too. */
function draftHref(id: number, status: string | null) {
  const view = status && status !== 'pending' ? `view=${status}&` : '';
  return `/inbox?${view}draft=${id}`;
}

function hrefOf(row: Row): string {
  const id = Number(row.id);
  switch (row.kind) {
    case 'draft':
      return draftHref(id, row.draft_status);
    case 'email':
      // An email a draft answers opens in the inbox with that draft; any other on its deal's page.
      return row.draft_id !== null
        ? draftHref(Number(row.draft_id), row.draft_status)
        : `/deals/${row.deal_id}`;
    case 'deal':
      return `/deals/${id}`;
    case 'space':
      return `/spaces/${id}`;
  }
}

/**
 * Full-text search over one organization's drafts (working body), emails (subject, sender, body),
 * deals (company, seeker) and spaces (name, neighbourhood, address, host), best match first.
 *
 * Each branch reads the GIN index on (organization_id, search_vector) — migration
 * 0011_full_text_search — so another organization's rows are never even read. Ranks are computed
 * for the matches only; the snippets (the costly part) for the page that is returned only.
 */
export async function searchOrganization(
  db: Executor,
  params: SearchInput & { organizationId: string },
): Promise<SearchItem[]> {
  const { organizationId, q, limit } = params;
  // The tsquery is written out in each branch (not read from a CTE) so it is an index condition of
  // the GIN scan together with the organization.
  const tsq = sql`websearch_to_tsquery('english', ${q})`;
  const result = await db.execute<Row>(sql`
    with hits as (
      (select 'draft' as kind, d.id, d.id as draft_id, d.status::text as draft_status, d.deal_id,
              ts_rank(d.search_vector, ${tsq}) as rank
         from email_drafts d
        where d.organization_id = ${organizationId} and d.search_vector @@ ${tsq}
        order by rank desc limit ${limit})
      union all
      (select 'email', e.id, null, null, e.deal_id, ts_rank(e.search_vector, ${tsq}) as rank
         from emails e
        where e.organization_id = ${organizationId} and e.search_vector @@ ${tsq}
        order by rank desc limit ${limit})
      union all
      (select 'deal', deals.id, null, null, deals.id, ts_rank(deals.search_vector, ${tsq}) as rank
         from deals
        where deals.organization_id = ${organizationId} and deals.search_vector @@ ${tsq}
        order by rank desc limit ${limit})
      union all
      (select 'space', s.id, null, null, null, ts_rank(s.search_vector, ${tsq}) as rank
         from spaces s
        where s.organization_id = ${organizationId} and s.search_vector @@ ${tsq}
        order by rank desc limit ${limit})
    ),
    top as (select * from hits order by rank desc, kind, id desc limit ${limit})
    select top.kind, top.id, top.deal_id,
           coalesce(top.draft_id, answer.id) as draft_id,
           coalesce(top.draft_status, answer.status::text) as draft_status,
           case top.kind
             when 'draft' then 'Reply to ' || draft_deal.company_name
             when 'email' then e.subject
             when 'deal' then deal.company_name
             else s.name
           end as title,
           ts_headline('english', translate(left(case top.kind
               when 'draft' then d.body
               when 'email' then coalesce(e.from_name, e.from_address) || ': ' || coalesce(e.body_clean, e.body)
               when 'deal' then deal.seeker_name || ' <' || deal.seeker_email || '> · ' || deal.company_name
               else s.name || ' · ' || coalesce(s.neighborhood || ', ', '') || s.address ||
                    coalesce(' · ' || s.host_context, '')
             end, 20000), ${`${START}${STOP}`}, ''), ${tsq}, ${HEADLINE_OPTIONS}) as snippet
      from top
      left join email_drafts d on top.kind = 'draft' and d.id = top.id
      left join deals draft_deal on draft_deal.id = d.deal_id
      left join emails e on top.kind = 'email' and e.id = top.id
      left join email_drafts answer on top.kind = 'email' and answer.inbound_email_id = e.id
      left join deals deal on top.kind = 'deal' and deal.id = top.id
      left join spaces s on top.kind = 'space' and s.id = top.id
     order by top.rank desc, top.kind, top.id desc
  `);
  return result.rows.map((row) => ({
    kind: row.kind,
    id: Number(row.id),
    title: row.title,
    ...parseHeadline(row.snippet ?? ''),
    href: hrefOf(row),
  }));
}
