import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { createCaller } from '@/server/root';
import { slaLevels } from '@/server/sla';
import { createTRPCContext } from '@/server/trpc';
import { csvResponse, toCsv } from '../csv';

export const dynamic = 'force-dynamic';

/** The board as CSV for the signed-in user's organization, with the board's own filters. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const slaLevel = slaLevels.find((level) => level === url.searchParams.get('slaLevel'));
  try {
    const api = createCaller(await createTRPCContext({ headers: request.headers }));
    const board = await api.deals.board({
      ownerId: url.searchParams.get('ownerId') || undefined,
      slaLevel,
      needsReply: url.searchParams.get('needsReply') === 'true' || undefined,
    });
    const rows = board.columns.flatMap((column) =>
      column.cards.map((card) => [
        card.id,
        card.company,
        card.seeker,
        card.seekerEmail,
        column.stage,
        card.teamSize,
        card.monthlyBudget,
        card.owner,
        card.daysInStage,
        card.draftsWaiting,
        card.slaLevel,
        card.replyDeadlineAt,
        card.lastActivityAt,
      ]),
    );
    const csv = toCsv(
      [
        'deal_id',
        'company',
        'seeker',
        'seeker_email',
        'stage',
        'team_size',
        'monthly_budget_usd',
        'owner',
        'days_in_stage',
        'drafts_waiting',
        'sla_level',
        'reply_deadline_at',
        'last_activity_at',
      ],
      rows,
    );
    return csvResponse(csv, `echo-board-${board.generatedAt.toISOString().slice(0, 10)}.csv`);
  } catch (error) {
    if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') {
      return Response.json({ error: error.message }, { status: getHTTPStatusCodeFromError(error) });
    }
    throw error;
  }
}
