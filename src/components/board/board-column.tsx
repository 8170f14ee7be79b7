'use client';

import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { cn } from '@/lib/utils';
import { type DealStage, stageLabels } from './board-state';
import { type BoardCard, SortableDealCard } from './deal-card';
import { formatMoney } from './format';

const stageAccent: Record<DealStage, string> = {
  inquiry: 'bg-sky-500',
  touring: 'bg-violet-500',
  negotiating: 'bg-amber-500',
  closed: 'bg-emerald-500',
};

export function BoardColumn({
  stage,
  cards,
  count,
  totalMonthlyBudget,
  now,
  canMove,
  isTarget,
}: {
  stage: DealStage;
  cards: BoardCard[];
  count: number;
  totalMonthlyBudget: number;
  now: Date;
  canMove: boolean;
  isTarget: boolean;
}) {
  const { setNodeRef } = useDroppable({
    id: `column:${stage}`,
    data: { type: 'column' },
    disabled: !canMove,
  });
  const headingId = `board-column-${stage}`;

  return (
    <section
      aria-labelledby={headingId}
      data-stage={stage}
      className={cn(
        'flex min-h-0 w-72 shrink-0 flex-col rounded-xl border bg-muted/40 transition-colors md:w-auto md:min-w-0 md:flex-1',
        isTarget && 'border-brand/50 bg-brand/5',
      )}
    >
      <header className="flex items-center gap-2 px-3 pt-3 pb-2">
        <span aria-hidden className={cn('size-2 rounded-full', stageAccent[stage])} />
        <h2 id={headingId} className="text-sm font-semibold">
          {stageLabels[stage]}
        </h2>
        <span className="rounded-full bg-background px-1.5 text-xs font-medium text-muted-foreground tabular-nums shadow-xs">
          <span className="sr-only">Deals: </span>
          {count}
        </span>
        <span className="ml-auto text-xs text-muted-foreground tabular-nums" title="Sum of monthly budgets">
          <span className="sr-only">Monthly budgets: </span>
          {formatMoney(totalMonthlyBudget)}
          <span aria-hidden>/mo</span>
        </span>
      </header>
      <SortableContext id={stage} items={cards.map((card) => card.id)} strategy={verticalListSortingStrategy}>
        <ul
          ref={setNodeRef}
          aria-label={`${stageLabels[stage]} deals`}
          className="flex min-h-24 flex-1 flex-col gap-2 px-2 pb-2"
        >
          {cards.map((card) => (
            <SortableDealCard key={card.id} card={card} now={now} canMove={canMove} />
          ))}
          {cards.length === 0 ? (
            <li className="flex flex-1 items-center justify-center rounded-lg border border-dashed p-4 text-center text-xs text-muted-foreground">
              {canMove ? 'No deals here. Drag a card in.' : 'No deals in this stage.'}
            </li>
          ) : null}
        </ul>
      </SortableContext>
    </section>
  );
}
