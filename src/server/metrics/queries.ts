import { sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { BadInputError } from '../errors';
import type { MetricsSummaryInput } from './schemas';

const DAY = 24 * 60 * 60 * 1000;
export const DEFAULT_RANGE_DAYS = 14;
const MAX_RANGE_DAYS = 366;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The asked range as UTC day bounds: `[start, end)` with `end` the midnight after `to`. */
export function metricsRange(input: MetricsSummaryInput, now: Date) {
  const to = input.to ?? isoDay(now);
  const from = input.from ?? isoDay(new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_RANGE_DAYS - 1) * DAY));
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + DAY);
  if (end <= start) throw new BadInputError('from: must be on or before to');
  if ((end.getTime() - start.getTime()) / DAY > MAX_RANGE_DAYS)
    throw new BadInputError(`from: a range is at most ${MAX_RANGE_DAYS} days`);
  return { from, to, start, end };
}

type DailyRow = {
  day: string;
  generated: number;
  approved: number;
  sent: number;
  archived: number;
  regenerated: number;
};

type TotalsRow = {
  generated: number;
  approved: number;
  sent: number;
  sent_without_edits: number;
  archived: number;
  regenerations: number;
  median_reply_seconds: number | null;
  p90_reply_seconds: number | null;
  validation_passed: number;
  validation_warnings: number;
  validation_failed: number;
  overrides: number;
  replies_owed: number;
  sla_breaches: number;
};

type AgentRow = {
  user_id: string;
  name: string;
  email: string;
  role: string;
  sent: number;
  sent_without_edits: number;
  approved: number;
  archived: number;
  regenerations: number;
  median_reply_seconds: number | null;
  p90_reply_seconds: number | null;
  sla_breaches: number;
};

type DraftingRow = {
  grouping: 'total' | 'agent' | 'week' | 'drafter';
  key: string | null;
  label: string | null;
  is_offline: boolean | null;
  sent: number;
  sent_unedited: number;
  median_similarity: number | null;
};

/**
 * The managers' figures for a range, every number aggregated in PostgreSQL over indexed columns:
 * drafts by `(organization_id, created_at)` and `(organization_id, sent_at)`, versions by
 * `(organization_id, created_at)`, approvals, overrides and archives by the audit log's
 * `(organization_id, action, created_at)`, inbound mail by `(organization_id, direction, sent_at)`.
 */
export async function getMetricsSummary(
  db: Executor,
  params: MetricsSummaryInput & { organizationId: string; now?: Date },
) {
  const now = params.now ?? new Date();
  const range = metricsRange(params, now);
  const org = params.organizationId;
  const start = range.start.toISOString();
  const end = range.end.toISOString();
  const at = now.toISOString();

  const inRange = (column: string) =>
    sql`${sql.raw(column)} >= ${start}::timestamptz and ${sql.raw(column)} < ${end}::timestamptz`;

  // Replies sent in the range, with the time from the inbound email to the send.
  const sentReplies = sql`
    select d.sent_by, d.is_edited,
           extract(epoch from (d.sent_at - inbound.sent_at))::float8 as reply_seconds
    from email_drafts d
    join emails inbound on inbound.id = d.inbound_email_id
    where d.organization_id = ${org} and d.sent_at is not null and ${inRange('d.sent_at')}`;

  // Inbound mail received in the range that owed a reply; breached when answered (or still open) late.
  const owedReplies = sql`
    select e.id, deal.owner_id,
           coalesce(e.replied_at, ${at}::timestamptz) > e.reply_deadline_at as is_breached
    from emails e
    join deals deal on deal.id = e.deal_id
    where e.organization_id = ${org} and e.direction = 'inbound' and e.reply_deadline_at is not null
      and ${inRange('e.sent_at')}
      and not (e.replied_at is null and exists (
        select 1 from email_drafts archived where archived.inbound_email_id = e.id and archived.status = 'archived'))`;

  const auditCount = (action: string) => sql`
    select actor_id, created_at from audit_events
    where organization_id = ${org} and action = ${action} and ${inRange('created_at')}`;

  const regenerations = sql`
    select created_by, created_at from draft_versions
    where organization_id = ${org} and version > 0 and ${inRange('created_at')}`;

  const utcDay = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`);

  // Replies sent from a draft in the range (undone sends left out), with their similarity to the version.
  const draftedSends = sql`
    select d.sent_by, e.draft_similarity as similarity, e.is_sent_unedited as is_unedited,
           v.is_offline, v.model, to_char(date_trunc('week', e.sent_at at time zone 'UTC'), 'YYYY-MM-DD') as week
    from emails e
    join email_drafts d on d.sent_email_id = e.id
    left join draft_versions v on v.draft_id = d.id and v.version = e.draft_version
    where e.organization_id = ${org} and e.direction = 'outbound' and e.draft_similarity is not null
      and e.delivery_status is distinct from 'cancelled' and ${inRange('e.sent_at')}`;
  const draftingFigures = sql`count(*)::int as sent, (count(*) filter (where is_unedited))::int as sent_unedited,
    percentile_cont(0.5) within group (order by similarity) as median_similarity`;

  const [daily, totals, agents, drafting] = await Promise.all([
    db.execute<DailyRow>(sql`
      with days as (
        select to_char(day, 'YYYY-MM-DD') as day
        from generate_series(${range.from}::date, ${range.to}::date, interval '1 day') as day
      ),
      generated as (
        select ${utcDay('created_at')} as day, count(*)::int as n from email_drafts
        where organization_id = ${org} and ${inRange('created_at')} group by 1
      ),
      sent as (
        select ${utcDay('sent_at')} as day, count(*)::int as n from email_drafts
        where organization_id = ${org} and sent_at is not null and ${inRange('sent_at')} group by 1
      ),
      approved as (select ${utcDay('created_at')} as day, count(*)::int as n from (${auditCount('draft.approved')}) a group by 1),
      archived as (select ${utcDay('created_at')} as day, count(*)::int as n from (${auditCount('draft.archived')}) a group by 1),
      regenerated as (select ${utcDay('created_at')} as day, count(*)::int as n from (${regenerations}) r group by 1)
      select days.day,
             coalesce(generated.n, 0) as generated, coalesce(approved.n, 0) as approved,
             coalesce(sent.n, 0) as sent, coalesce(archived.n, 0) as archived,
             coalesce(regenerated.n, 0) as regenerated
      from days
      left join generated using (day) left join approved using (day) left join sent using (day)
      left join archived using (day) left join regenerated using (day)
      order by days.day`),
    db.execute<TotalsRow>(sql`
      with replies as (${sentReplies}), owed as (${owedReplies}),
      versions as (
        select validation_status from draft_versions
        where organization_id = ${org} and ${inRange('created_at')}
      )
      select
        (select count(*)::int from email_drafts where organization_id = ${org} and ${inRange('created_at')}) as generated,
        (select count(*)::int from (${auditCount('draft.approved')}) a) as approved,
        (select count(*)::int from replies) as sent,
        (select count(*)::int from replies where not is_edited) as sent_without_edits,
        (select count(*)::int from (${auditCount('draft.archived')}) a) as archived,
        (select count(*)::int from (${regenerations}) r) as regenerations,
        (select percentile_cont(0.5) within group (order by reply_seconds) from replies) as median_reply_seconds,
        (select percentile_cont(0.9) within group (order by reply_seconds) from replies) as p90_reply_seconds,
        (select count(*)::int from versions where validation_status = 'passed') as validation_passed,
        (select count(*)::int from versions where validation_status = 'warnings') as validation_warnings,
        (select count(*)::int from versions where validation_status = 'failed') as validation_failed,
        (select count(*)::int from (${auditCount('draft.overridden')}) a) as overrides,
        (select count(*)::int from owed) as replies_owed,
        (select count(*)::int from owed where is_breached) as sla_breaches`),
    db.execute<AgentRow>(sql`
      with replies as (${sentReplies}), owed as (${owedReplies}),
      replies_by as (
        select sent_by as user_id, count(*)::int as sent,
               (count(*) filter (where not is_edited))::int as sent_without_edits,
               percentile_cont(0.5) within group (order by reply_seconds) as median_reply_seconds,
               percentile_cont(0.9) within group (order by reply_seconds) as p90_reply_seconds
        from replies group by sent_by
      ),
      approved_by as (select actor_id as user_id, count(*)::int as n from (${auditCount('draft.approved')}) a group by 1),
      archived_by as (select actor_id as user_id, count(*)::int as n from (${auditCount('draft.archived')}) a group by 1),
      regenerated_by as (select created_by as user_id, count(*)::int as n from (${regenerations}) r group by 1),
      breaches_by as (select owner_id as user_id, (count(*) filter (where is_breached))::int as n from owed group by 1)
      select u.id as user_id, u.name, u.email, m.role,
             coalesce(r.sent, 0) as sent, coalesce(r.sent_without_edits, 0) as sent_without_edits,
             coalesce(ap.n, 0) as approved, coalesce(ar.n, 0) as archived, coalesce(rg.n, 0) as regenerations,
             r.median_reply_seconds, r.p90_reply_seconds, coalesce(b.n, 0) as sla_breaches
      from members m
      join users u on u.id = m.user_id
      left join replies_by r on r.user_id = u.id
      left join approved_by ap on ap.user_id = u.id
      left join archived_by ar on ar.user_id = u.id
      left join regenerated_by rg on rg.user_id = u.id
      left join breaches_by b on b.user_id = u.id
      where m.organization_id = ${org}
      order by coalesce(r.sent, 0) desc, u.name`),
    db.execute<DraftingRow>(sql`
      with sends as (${draftedSends})
      select 'total' as grouping, null::text as key, null::text as label, null::boolean as is_offline, ${draftingFigures} from sends
      union all
      select 'agent', s.sent_by, coalesce(u.name, 'Unknown'), null::boolean, ${draftingFigures}
        from sends s left join users u on u.id = s.sent_by group by s.sent_by, u.name
      union all
      select 'week', week, week, null::boolean, ${draftingFigures} from sends group by week
      union all
      select 'drafter', coalesce(model, 'unknown'), coalesce(model, 'unknown'), coalesce(is_offline, false), ${draftingFigures}
        from sends group by model, is_offline
      order by 1, 2`),
  ]);

  const [total] = totals.rows;
  const draftingTotal = drafting.rows.find((row) => row.grouping === 'total');
  const draftingFigure = (row: DraftingRow) => ({
    sent: row.sent,
    sentUnedited: row.sent_unedited,
    shareUnedited: share(row.sent_unedited, row.sent),
    medianSimilarity: row.median_similarity,
  });
  const draftingOf = (grouping: DraftingRow['grouping']) =>
    drafting.rows.filter((row) => row.grouping === grouping);
  if (!total) throw new Error('The metrics totals query returned no row');
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

  return {
    range: { from: range.from, to: range.to },
    daily: daily.rows,
    totals: {
      generated: total.generated,
      approved: total.approved,
      sent: total.sent,
      sentWithoutEdits: total.sent_without_edits,
      archived: total.archived,
      /** AI acceptance: the share of sent replies nobody edited; null when nothing was sent. */
      acceptanceRate: share(total.sent_without_edits, total.sent),
      regenerations: total.regenerations,
      medianReplySeconds: total.median_reply_seconds,
      p90ReplySeconds: total.p90_reply_seconds,
      repliesOwed: total.replies_owed,
      slaBreaches: total.sla_breaches,
    },
    validation: {
      passed: total.validation_passed,
      warnings: total.validation_warnings,
      failed: total.validation_failed,
      overrides: total.overrides,
    },
    /** How close sent replies stayed to their AI draft (similarity 0–1), overall, per agent, week and drafter. */
    drafting: {
      sent: draftingTotal?.sent ?? 0,
      sentUnedited: draftingTotal?.sent_unedited ?? 0,
      medianSimilarity: draftingTotal?.median_similarity ?? null,
      byAgent: draftingOf('agent').map((row) => ({
        userId: row.key,
        name: row.label,
        ...draftingFigure(row),
      })),
      byWeek: draftingOf('week').map((row) => ({ week: row.key ?? '', ...draftingFigure(row) })),
      byDrafter: draftingOf('drafter').map((row) => ({
        drafter: row.is_offline ? ('offline' as const) : ('model' as const),
        model: row.key ?? 'unknown',
        ...draftingFigure(row),
      })),
    },
    agents: agents.rows.map((row) => ({
      userId: row.user_id,
      name: row.name,
      email: row.email,
      role: row.role,
      sent: row.sent,
      sentWithoutEdits: row.sent_without_edits,
      acceptanceRate: share(row.sent_without_edits, row.sent),
      approved: row.approved,
      archived: row.archived,
      regenerations: row.regenerations,
      medianReplySeconds: row.median_reply_seconds,
      p90ReplySeconds: row.p90_reply_seconds,
      slaBreaches: row.sla_breaches,
    })),
  };
}

export type MetricsSummary = Awaited<ReturnType<typeof getMetricsSummary>>;
