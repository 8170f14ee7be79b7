'use client';

import { Download, Eye, Filter, KanbanSquare, X } from 'lucide-react';
import dynamic from 'next/dynamic';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { pollingInterval } from '@/components/live/live-events';
import { useLive } from '@/components/live/live-provider';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { lazy, useLazy } from '@/lib/lazy';
import { api, type RouterInputs } from '@/trpc/react';
import { type DealStage, moveCard, stageLabels, stageOrder } from './board-state';
import { formatMoney } from './format';

// The columns and their drag and drop load right after the first paint (see ./board-canvas.tsx).
const boardCanvas = lazy(() => import('./board-canvas').then((m) => m.BoardCanvas));

// The new-deal dialog (the whole deal form) loads after the first paint.
const DealFormDialog = dynamic(() => import('@/components/deals/deal-form').then((m) => m.DealFormDialog), {
  ssr: false,
});

const slaOptions = [
  ['BREACHED', 'Overdue'],
  ['RED', 'Due now'],
  ['ORANGE', 'Urgent'],
  ['YELLOW', 'Due soon'],
  ['GREEN', 'On track'],
] as const;

/** The board while its data (or, right after the first paint, its columns' code) loads. */
function BoardSkeleton() {
  return (
    <div
      className="grid flex-1 gap-3 md:grid-cols-4"
      role="status"
      aria-busy="true"
      aria-label="Loading the board"
    >
      {stageOrder.map((stage) => (
        <div key={stage} className="grid content-start gap-2 rounded-xl border bg-muted/40 p-3">
          <Skeleton className="h-5 w-24" />
          <Skeleton className="h-28 w-full" />
          <Skeleton className="h-28 w-full" />
        </div>
      ))}
    </div>
  );
}

type BoardInput = NonNullable<RouterInputs['deals']['board']>;

function useBoardFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const slaLevel = slaOptions.find(([level]) => level === params.get('sla'))?.[0];
  const input: BoardInput = {
    ownerId: params.get('owner') || undefined,
    slaLevel,
    needsReply: params.get('needsReply') === '1' || undefined,
  };
  function update(next: Record<string, string | undefined>) {
    const search = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(next)) {
      if (value) search.set(key, value);
      else search.delete(key);
    }
    const query = search.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }
  return { input, update, isFiltered: Boolean(input.ownerId || input.slaLevel || input.needsReply) };
}

export function BoardView({ canMove }: { canMove: boolean }) {
  const { input, update, isFiltered } = useBoardFilters();
  const utils = api.useUtils();
  const { isLive } = useLive();
  const board = api.deals.board.useQuery(input, { refetchInterval: pollingInterval(isLive, 30_000) });
  const move = api.deals.moveStage.useMutation();
  const now = useMemo(() => board.data?.generatedAt ?? new Date(), [board.data]);
  const canDrag = canMove && !isFiltered;

  const cards = useMemo(
    () =>
      new Map((board.data?.columns ?? []).flatMap((column) => column.cards.map((card) => [card.id, card]))),
    [board.data],
  );
  const nameOf = (id: number) => cards.get(id)?.company ?? 'The deal';
  const BoardCanvas = useLazy(boardCanvas);

  /** Moves a card (optimistically); the toast offers to put it back where it was, as a move of its own. */
  function commitMove(
    id: number,
    stage: DealStage,
    index: number,
    from: { stage: DealStage; index: number } | null,
  ) {
    const previous = utils.deals.board.getData(input);
    if (previous) utils.deals.board.setData(input, moveCard(previous, id, stage, index));
    void utils.deals.board.cancel(input);
    move.mutate(
      { id, stage, position: index },
      {
        onError: (error) => {
          if (previous) utils.deals.board.setData(input, previous);
          toast.error(`Could not move ${nameOf(id)}`, { description: error.message });
        },
        onSuccess: () => {
          toast.success(`${nameOf(id)} moved to ${stageLabels[stage]}`, {
            id: `board-move-${id}`,
            action: from
              ? { label: 'Undo', onClick: () => commitMove(id, from.stage, from.index, null) }
              : undefined,
          });
        },
        onSettled: () => utils.deals.board.invalidate(),
      },
    );
  }

  const owners = board.data?.owners ?? [];
  const exportQuery = new URLSearchParams();
  if (input.ownerId) exportQuery.set('ownerId', input.ownerId);
  if (input.slaLevel) exportQuery.set('slaLevel', input.slaLevel);
  if (input.needsReply) exportQuery.set('needsReply', 'true');
  const columns = board.data?.columns ?? [];
  const totals = columns.reduce(
    (sum, column) => ({ count: sum.count + column.count, budget: sum.budget + column.totalMonthlyBudget }),
    { count: 0, budget: 0 },
  );

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-4 p-4 md:p-6">
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Deal board</h1>
          <p className="text-sm text-muted-foreground">
            {board.data ? (
              <>
                {totals.count} {totals.count === 1 ? 'deal' : 'deals'} · {formatMoney(totals.budget)}/mo in
                the pipeline
              </>
            ) : (
              'The pipeline by stage, with what needs attention on each card.'
            )}
          </p>
        </div>
        {canMove ? <DealFormDialog deal={null} /> : null}
        <fieldset className="ml-auto flex flex-wrap items-end gap-2" aria-label="Filters">
          <div className="grid gap-1">
            <Label htmlFor="board-owner" className="text-xs text-muted-foreground">
              Owner
            </Label>
            <NativeSelect
              id="board-owner"
              value={input.ownerId ?? ''}
              onChange={(event) => update({ owner: event.target.value || undefined })}
            >
              <option value="">Everyone</option>
              {owners.map((owner) => (
                <option key={owner.id} value={owner.id}>
                  {owner.name}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="grid gap-1">
            <Label htmlFor="board-sla" className="text-xs text-muted-foreground">
              Reply time
            </Label>
            <NativeSelect
              id="board-sla"
              value={input.slaLevel ?? ''}
              onChange={(event) => update({ sla: event.target.value || undefined })}
            >
              <option value="">Any</option>
              {slaOptions.map(([level, label]) => (
                <option key={level} value={level}>
                  {label}
                </option>
              ))}
            </NativeSelect>
          </div>
          <Button
            variant={input.needsReply ? 'default' : 'outline'}
            aria-pressed={Boolean(input.needsReply)}
            onClick={() => update({ needsReply: input.needsReply ? undefined : '1' })}
          >
            <Filter />
            Needs reply
          </Button>
          {isFiltered ? (
            <Button
              variant="ghost"
              onClick={() => update({ owner: undefined, sla: undefined, needsReply: undefined })}
            >
              <X />
              Clear
            </Button>
          ) : null}
          <Button variant="outline" asChild>
            <a href={`/api/export/board${exportQuery.size ? `?${exportQuery}` : ''}`} download>
              <Download />
              Export CSV
            </a>
          </Button>
        </fieldset>
      </div>

      {!canMove ? (
        <p className="flex items-center gap-2 rounded-lg border bg-muted/40 px-3 py-2 text-sm text-muted-foreground">
          <Eye className="size-4 shrink-0" aria-hidden />
          You are viewing the board read-only: only managers and admins move deals between stages.
        </p>
      ) : isFiltered ? (
        <p className="flex items-center gap-2 rounded-lg border bg-muted/40 px-3 py-2 text-sm text-muted-foreground">
          <Filter className="size-4 shrink-0" aria-hidden />
          Filters are on, so cards cannot be moved (their order is the whole column’s). Clear the filters to
          move cards.
        </p>
      ) : null}

      {board.isPending ? (
        <BoardSkeleton />
      ) : board.isError ? (
        <div role="alert" className="grid justify-items-start gap-3 rounded-lg border p-6 text-sm">
          <p>Could not load the board: {board.error.message}</p>
          <Button variant="outline" size="sm" onClick={() => board.refetch()}>
            Try again
          </Button>
        </div>
      ) : totals.count === 0 && !isFiltered ? (
        <div className="flex flex-1 flex-col items-center justify-center gap-2 rounded-xl border border-dashed p-10 text-center text-sm text-muted-foreground">
          <KanbanSquare className="size-8" aria-hidden />
          <p className="font-medium text-foreground">No deals yet</p>
          <p>A deal starts in Inquiry when a space seeker first writes in.</p>
        </div>
      ) : BoardCanvas ? (
        <BoardCanvas data={board.data} cards={cards} now={now} canDrag={canDrag} onMove={commitMove} />
      ) : (
        <BoardSkeleton />
      )}
    </div>
  );
}
