'use client';

import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Clock, GripVertical, Mail, Users } from 'lucide-react';
import Link from 'next/link';
import { SlaBadge } from '@/components/inbox/sla-badge';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/lib/utils';
import type { RouterOutputs } from '@/trpc/react';
import { formatAgo, formatMoney, initials } from './format';

export type BoardCard = RouterOutputs['deals']['board']['columns'][number]['cards'][number];

const slaEdge = {
  GREEN: 'before:bg-emerald-500',
  YELLOW: 'before:bg-amber-400',
  ORANGE: 'before:bg-orange-500',
  RED: 'before:bg-red-500',
  BREACHED: 'before:bg-red-700',
} as const;

export function DealCardBody({
  card,
  now,
  handle,
  isOverlay = false,
}: {
  card: BoardCard;
  now: Date;
  handle?: React.ReactNode;
  isOverlay?: boolean;
}) {
  return (
    <div
      className={cn(
        'relative grid gap-2.5 overflow-hidden rounded-lg border bg-card p-3 pl-4 text-card-foreground shadow-xs transition-shadow',
        'before:absolute before:inset-y-0 before:left-0 before:w-1 before:bg-transparent',
        card.slaLevel && slaEdge[card.slaLevel],
        isOverlay ? 'rotate-1 shadow-lg ring-2 ring-brand/40' : 'hover:shadow-sm',
      )}
    >
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <Link
            href={`/deals/${card.id}`}
            className="block truncate font-medium leading-tight outline-none after:absolute after:inset-0 after:content-[''] hover:underline focus-visible:underline"
          >
            {card.company}
          </Link>
          <p className="mt-0.5 truncate text-xs text-muted-foreground">{card.seeker}</p>
        </div>
        {handle}
      </div>
      <div className="flex items-baseline justify-between gap-2">
        <span className="text-base font-semibold tabular-nums tracking-tight">
          {formatMoney(card.monthlyBudget)}
          <span className="text-xs font-normal text-muted-foreground">/mo</span>
        </span>
        <span className="inline-flex items-center gap-1 text-xs text-muted-foreground">
          <Users className="size-3.5" aria-hidden />
          {card.teamSize} people
        </span>
      </div>
      {card.slaLevel || card.draftsWaiting > 0 ? (
        <div className="relative z-10 flex flex-wrap items-center gap-1.5">
          <SlaBadge level={card.slaLevel} deadline={card.replyDeadlineAt} now={now} />
          {card.draftsWaiting > 0 ? (
            <Badge variant="secondary" title="AI drafts waiting for review">
              <Mail aria-hidden />
              {card.draftsWaiting} {card.draftsWaiting === 1 ? 'draft' : 'drafts'} waiting
            </Badge>
          ) : null}
        </div>
      ) : null}
      <div className="flex items-center gap-2 border-t pt-2 text-xs text-muted-foreground">
        <span
          aria-hidden
          className="inline-flex size-5 items-center justify-center rounded-full bg-muted text-[10px] font-semibold text-foreground"
        >
          {card.owner ? initials(card.owner) : '?'}
        </span>
        <span className="truncate">{card.owner ?? 'Unassigned'}</span>
        <span className="ml-auto inline-flex shrink-0 items-center gap-1" title="Days in this stage">
          <Clock className="size-3" aria-hidden />
          {card.daysInStage}d
        </span>
        <span className="shrink-0" title={`Last activity ${card.lastActivityAt.toLocaleString()}`}>
          · {formatAgo(card.lastActivityAt, now)}
        </span>
      </div>
    </div>
  );
}

/**
 * The whole card is what a mouse or finger drags (a click on it still opens the deal); the grip is
 * the keyboard's handle (Space or Enter picks the card up), so Enter on the company link still
 * opens the deal.
 */
export function SortableDealCard({ card, now, canMove }: { card: BoardCard; now: Date; canMove: boolean }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: card.id, data: { type: 'card' }, disabled: !canMove });
  const { onKeyDown, ...pointerListeners } = listeners ?? {};

  const handle = canMove ? (
    <button
      type="button"
      ref={setActivatorNodeRef}
      aria-label={`Move ${card.company}`}
      className="relative z-10 -mt-1 -mr-1 inline-flex size-7 shrink-0 cursor-grab touch-none items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none active:cursor-grabbing"
      {...attributes}
      onKeyDown={(event) => onKeyDown?.(event)}
    >
      <GripVertical className="size-4" aria-hidden />
    </button>
  ) : null;

  return (
    <li
      ref={setNodeRef}
      data-deal-id={card.id}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn('list-none', canMove && 'cursor-grab active:cursor-grabbing', isDragging && 'opacity-40')}
      {...(canMove ? pointerListeners : {})}
    >
      <DealCardBody card={card} now={now} handle={handle} />
    </li>
  );
}
