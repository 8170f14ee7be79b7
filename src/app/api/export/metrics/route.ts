import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { createCaller } from '@/server/root';
import { createTRPCContext } from '@/server/trpc';
import { csvResponse, toCsv } from '../csv';

export const dynamic = 'force-dynamic';

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 6) / 10);
const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** The metrics table (per member) for a range as CSV; managers and admins of the organization only. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  try {
    const api = createCaller(await createTRPCContext({ headers: request.headers }));
    const summary = await api.metrics.summary({
      from: url.searchParams.get('from') || undefined,
      to: url.searchParams.get('to') || undefined,
    });
    const { totals } = summary;
    const rows = [
      ...summary.agents.map((agent) => [
        agent.name,
        agent.email,
        agent.role,
        agent.sent,
        agent.sentWithoutEdits,
        percent(agent.acceptanceRate),
        agent.approved,
        agent.archived,
        agent.regenerations,
        minutes(agent.medianReplySeconds),
        minutes(agent.p90ReplySeconds),
        agent.slaBreaches,
      ]),
      [
        'Team',
        '',
        '',
        totals.sent,
        totals.sentWithoutEdits,
        percent(totals.acceptanceRate),
        totals.approved,
        totals.archived,
        totals.regenerations,
        minutes(totals.medianReplySeconds),
        minutes(totals.p90ReplySeconds),
        totals.slaBreaches,
      ],
    ];
    const csv = toCsv(
      [
        'member',
        'email',
        'role',
        'sent',
        'sent_without_edits',
        'ai_acceptance_pct',
        'approved',
        'archived',
        'regenerations',
        'median_reply_minutes',
        'p90_reply_minutes',
        'sla_breaches',
      ],
      rows,
    );
    return csvResponse(csv, `echo-metrics-${summary.range.from}-to-${summary.range.to}.csv`);
  } catch (error) {
    if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') {
      return Response.json({ error: error.message }, { status: getHTTPStatusCodeFromError(error) });
    }
    throw error;
  }
}
