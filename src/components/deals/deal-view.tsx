'use client';

import {
  ArrowLeft,
  ArrowUpRight,
  Building2,
  CalendarDays,
  Car,
  Clock,
  Dog,
  DoorOpen,
  Mail,
  MapPin,
  Sparkles,
  Users,
} from 'lucide-react';
import Link from 'next/link';
import { type DealStage, stageLabels, stageOrder } from '@/components/board/board-state';
import { formatAgo, formatMoney, initials } from '@/components/board/format';
import { SlaBadge } from '@/components/inbox/sla-badge';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { NativeSelect } from '@/components/ui/native-select';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { cn } from '@/lib/utils';
import { api, type RouterOutputs } from '@/trpc/react';
import { DealFormDialog } from './deal-form';
import { describeActor, describeEvent } from './history';
import { PendingRequirements } from './pending-requirements';
import { Shortlist } from './shortlist';
import { DetachSpaceButton, SpacePicker } from './space-picker';

type Deal = RouterOutputs['deals']['get'];
type Email = Deal['thread'][number];
type Draft = Deal['drafts'][number];

const spaceStatuses = ['shown', 'interested', 'touring', 'rejected', 'selected'] as const;
type SpaceStatus = (typeof spaceStatuses)[number];

const draftStatusVariant = {
  pending: 'yellow',
  approved: 'green',
  sent: 'secondary',
  archived: 'outline',
} as const;
const validationVariant = { passed: 'green', warnings: 'yellow', failed: 'red' } as const;
const deliveryVariant: Record<string, 'green' | 'yellow' | 'red' | 'secondary'> = {
  delivered: 'green',
  sent: 'secondary',
  queued: 'secondary',
  delayed: 'yellow',
  bounced: 'red',
  complained: 'red',
  failed: 'red',
  cancelled: 'secondary',
};
const statusVariant: Record<SpaceStatus, 'secondary' | 'yellow' | 'green' | 'outline' | 'default'> = {
  shown: 'secondary',
  interested: 'yellow',
  touring: 'default',
  rejected: 'outline',
  selected: 'green',
};

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export function DealView({ id, canMove }: { id: number; canMove: boolean }) {
  const deal = api.deals.get.useQuery({ id });

  if (deal.isPending) {
    return (
      <div
        className="mx-auto grid w-full max-w-6xl gap-4 p-4 md:p-6"
        role="status"
        aria-busy="true"
        aria-label="Loading the deal"
      >
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-5 w-96" />
        <div className="grid gap-4 lg:grid-cols-3">
          <Skeleton className="h-96 lg:col-span-2" />
          <Skeleton className="h-96" />
        </div>
      </div>
    );
  }
  if (deal.isError) {
    const isMissing = deal.error.data?.code === 'NOT_FOUND';
    return (
      <div role="alert" className="mx-auto grid w-full max-w-3xl justify-items-start gap-3 p-6 text-sm">
        <h1 className="text-lg font-semibold">{isMissing ? 'Deal not found' : 'Could not load the deal'}</h1>
        <p className="text-muted-foreground">
          {isMissing ? 'It does not exist, or it belongs to another organization.' : deal.error.message}
        </p>
        <div className="flex gap-2">
          {isMissing ? null : (
            <Button variant="outline" size="sm" onClick={() => deal.refetch()}>
              Try again
            </Button>
          )}
          <Button variant="ghost" size="sm" asChild>
            <Link href="/board">Back to the board</Link>
          </Button>
        </div>
      </div>
    );
  }
  return <DealDetail deal={deal.data} canMove={canMove} />;
}

function DealDetail({ deal, canMove }: { deal: Deal; canMove: boolean }) {
  const now = new Date();
  const waiting = deal.drafts.filter((draft) => draft.status === 'pending').length;
  return (
    <div className="mx-auto grid w-full max-w-6xl gap-6 p-4 md:p-6">
      <div className="grid gap-3">
        <Link
          href="/board"
          className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
        >
          <ArrowLeft className="size-4" aria-hidden />
          Board
        </Link>
        <div className="flex flex-wrap items-start gap-4">
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <h1 className="text-2xl font-semibold tracking-tight">{deal.companyName}</h1>
              <Badge variant="outline">{stageLabels[deal.stage]}</Badge>
              {waiting > 0 ? (
                <Badge variant="secondary">
                  <Mail aria-hidden />
                  {waiting} {waiting === 1 ? 'draft' : 'drafts'} waiting
                </Badge>
              ) : null}
            </div>
            <p className="mt-1 text-sm text-muted-foreground">
              {deal.seekerName} ·{' '}
              <a className="hover:underline" href={`mailto:${deal.seekerEmail}`}>
                {deal.seekerEmail}
              </a>
            </p>
          </div>
          {canMove ? (
            <div className="flex items-end gap-2">
              <DealFormDialog deal={deal} />
              <StageControl deal={deal} />
            </div>
          ) : null}
        </div>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Fact label="Monthly budget" value={`${formatMoney(deal.monthlyBudget)}/mo`} />
          <Fact label="Team size" value={`${deal.teamSize} people`} />
          <Fact label="Owner" value={deal.ownerName ?? 'Unassigned'} />
          <Fact label="In this stage since" value={dateTime.format(deal.stageChangedAt)} />
        </dl>
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card className="min-w-0 gap-4 lg:col-span-2">
          <CardHeader>
            <CardTitle>Thread</CardTitle>
          </CardHeader>
          <CardContent>
            {deal.thread.length === 0 ? (
              <p className="text-sm text-muted-foreground">No emails on this deal yet.</p>
            ) : (
              <ol className="grid gap-3" aria-label="Emails on this deal">
                {deal.thread.map((email) => (
                  <li key={email.id} className="grid gap-2">
                    <EmailItem email={email} now={now} />
                    {deal.drafts
                      .filter((draft) => draft.inboundEmailId === email.id && draft.status !== 'sent')
                      .map((draft) => (
                        <DraftItem key={draft.id} draft={draft} />
                      ))}
                  </li>
                ))}
              </ol>
            )}
          </CardContent>
        </Card>

        <div className="grid min-w-0 gap-6">
          <Requirements deal={deal} />
          <Spaces deal={deal} canEdit={canMove} />
          <Shortlist dealId={deal.id} />
          <History deal={deal} now={now} />
        </div>
      </div>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border bg-card px-3 py-2">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="truncate text-sm font-medium">{value}</dd>
    </div>
  );
}

function StageControl({ deal }: { deal: Deal }) {
  const utils = api.useUtils();
  const move = api.deals.moveStage.useMutation({
    onSuccess: (_data, input) => toast.success(`Moved to ${stageLabels[input.stage]}`),
    onError: (error) => toast.error('Could not move the deal', { description: error.message }),
    onSettled: () =>
      Promise.all([utils.deals.get.invalidate({ id: deal.id }), utils.deals.board.invalidate()]),
  });
  return (
    <div className="grid gap-1">
      <label htmlFor="deal-stage" className="text-xs text-muted-foreground">
        Stage
      </label>
      <NativeSelect
        id="deal-stage"
        value={deal.stage}
        disabled={move.isPending}
        onChange={(event) => {
          const stage = stageOrder.find((s) => s === event.target.value);
          if (stage && stage !== deal.stage) move.mutate({ id: deal.id, stage });
        }}
      >
        {stageOrder.map((stage: DealStage) => (
          <option key={stage} value={stage}>
            {stageLabels[stage]}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

function EmailItem({ email, now }: { email: Email; now: Date }) {
  const isInbound = email.direction === 'inbound';
  return (
    <article
      className={cn(
        'rounded-lg border p-3 text-sm',
        isInbound ? 'bg-card' : 'ml-6 border-brand/20 bg-brand/[0.03]',
      )}
      aria-label={`${isInbound ? 'From' : 'To'} ${isInbound ? (email.fromName ?? email.fromAddress) : email.toAddress}: ${email.subject}`}
    >
      <header className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{isInbound ? (email.fromName ?? email.fromAddress) : 'You'}</span>
        <span className="text-xs text-muted-foreground">
          {isInbound ? 'wrote' : `replied to ${email.toAddress}`} · {dateTime.format(email.sentAt)}
        </span>
        <span className="ml-auto flex items-center gap-1.5">
          {isInbound ? <SlaBadge level={email.slaLevel} deadline={email.replyDeadlineAt} now={now} /> : null}
          {email.isAiGenerated ? (
            <Badge variant="outline">
              <Sparkles aria-hidden />
              AI drafted
            </Badge>
          ) : null}
          {email.draftSimilarity !== null ? (
            <Badge
              variant="outline"
              title="How close the sent reply stayed to the AI draft (1 = sent unedited)"
            >
              {email.isSentUnedited ? 'Sent unedited' : `Similarity ${email.draftSimilarity.toFixed(2)}`}
            </Badge>
          ) : null}
          {email.deliveryStatus ? (
            <Badge
              variant={deliveryVariant[email.deliveryStatus] ?? 'secondary'}
              title={email.deliveryError ?? undefined}
            >
              {email.deliveryStatus}
            </Badge>
          ) : null}
        </span>
      </header>
      <p className="mt-1 font-medium">{email.subject}</p>
      <p className="mt-1 line-clamp-6 whitespace-pre-wrap text-muted-foreground">{email.body}</p>
      {email.draftError ? (
        <p className="mt-2 text-xs text-destructive">Drafting failed: {email.draftError}</p>
      ) : null}
    </article>
  );
}

function DraftItem({ draft }: { draft: Draft }) {
  return (
    <div className="ml-6 grid gap-2 rounded-lg border border-dashed bg-muted/30 p-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Sparkles className="size-4 text-brand" aria-hidden />
        <span className="font-medium">AI draft</span>
        <Badge variant={draftStatusVariant[draft.status]}>{draft.status}</Badge>
        <Badge variant={validationVariant[draft.validationStatus]}>Validation {draft.validationStatus}</Badge>
        <Badge variant="outline">{draft.confidence}% confident</Badge>
        {draft.status !== 'archived' ? (
          <Link
            href={`/inbox?draft=${draft.id}`}
            className="ml-auto inline-flex items-center gap-1 text-sm font-medium text-brand hover:underline"
          >
            Review in inbox
            <ArrowUpRight className="size-4" aria-hidden />
          </Link>
        ) : null}
      </div>
      <p className="line-clamp-3 whitespace-pre-wrap text-muted-foreground">{draft.body}</p>
      {draft.archiveReason ? (
        <p className="text-xs text-muted-foreground">Archived: {draft.archiveReason}</p>
      ) : null}
    </div>
  );
}

function Requirements({ deal }: { deal: Deal }) {
  const r = deal.requirements;
  const needs = [
    r.parking ? { icon: Car, label: 'Parking' } : null,
    r.dogFriendly ? { icon: Dog, label: 'Dog friendly' } : null,
    r.afterHours ? { icon: Clock, label: 'After-hours access' } : null,
    r.meetingRooms ? { icon: DoorOpen, label: 'Meeting rooms' } : null,
  ].filter((need) => need !== null);
  return (
    <Card className="gap-3">
      <CardHeader>
        <CardTitle>Requirements</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <PendingRequirements dealId={deal.id} pending={deal.pendingRequirements} />
        <div className="flex flex-wrap gap-1.5">
          {needs.length === 0 ? <span className="text-muted-foreground">No must-haves recorded.</span> : null}
          {needs.map(({ icon: Icon, label }) => (
            <Badge key={label} variant="secondary">
              <Icon aria-hidden />
              {label}
            </Badge>
          ))}
        </div>
        {r.neighborhoods?.length ? (
          <p className="flex items-center gap-2">
            <MapPin className="size-4 text-muted-foreground" aria-hidden />
            {r.neighborhoods.join(' or ')}
          </p>
        ) : null}
        {r.moveInDate ? (
          <p className="flex items-center gap-2">
            <CalendarDays className="size-4 text-muted-foreground" aria-hidden />
            Move in from {r.moveInDate}
          </p>
        ) : null}
        <p className="flex items-center gap-2">
          <Users className="size-4 text-muted-foreground" aria-hidden />
          {deal.teamSize} people · up to {formatMoney(deal.monthlyBudget)}/mo
        </p>
        {r.notes ? <p className="text-muted-foreground">{r.notes}</p> : null}
      </CardContent>
    </Card>
  );
}

function Spaces({ deal, canEdit }: { deal: Deal; canEdit: boolean }) {
  const utils = api.useUtils();
  const setStatus = api.deals.setSpaceStatus.useMutation({
    onMutate: async (input) => {
      await utils.deals.get.cancel({ id: deal.id });
      const previous = utils.deals.get.getData({ id: deal.id });
      if (previous)
        utils.deals.get.setData(
          { id: deal.id },
          {
            ...previous,
            spaces: previous.spaces.map((space) =>
              space.id === input.spaceId ? { ...space, dealStatus: input.status } : space,
            ),
          },
        );
      return { previous };
    },
    onError: (error, _input, context) => {
      if (context?.previous) utils.deals.get.setData({ id: deal.id }, context.previous);
      toast.error('Could not change the space’s status', { description: error.message });
    },
    onSettled: () => utils.deals.get.invalidate({ id: deal.id }),
  });

  return (
    <Card className="gap-3">
      <CardHeader>
        <CardTitle>Spaces</CardTitle>
      </CardHeader>
      <CardContent>
        {deal.spaces.length === 0 ? (
          <p className="text-sm text-muted-foreground">No spaces shown on this deal yet.</p>
        ) : (
          <ul className="grid gap-3">
            {deal.spaces.map((space) => (
              <li key={space.id} className="grid gap-2 rounded-lg border p-3">
                <div className="flex items-start gap-2">
                  <Building2 className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-medium">{space.name}</p>
                    <p className="truncate text-xs text-muted-foreground">{space.address}</p>
                  </div>
                  <Badge variant={statusVariant[space.dealStatus]}>{space.dealStatus}</Badge>
                  {canEdit ? (
                    <DetachSpaceButton dealId={deal.id} spaceId={space.id} name={space.name} />
                  ) : null}
                </div>
                <div className="flex items-center justify-between gap-2">
                  <span className="text-sm tabular-nums">
                    {formatMoney(space.monthlyRate)}
                    <span className="text-xs text-muted-foreground">/mo</span>
                    {space.monthlyRate > deal.monthlyBudget ? (
                      <span className="ml-2 text-xs text-orange-700 dark:text-orange-400">over budget</span>
                    ) : null}
                  </span>
                  <label className="sr-only" htmlFor={`space-status-${space.id}`}>
                    Status of {space.name}
                  </label>
                  <NativeSelect
                    id={`space-status-${space.id}`}
                    value={space.dealStatus}
                    onChange={(event) => {
                      const status = spaceStatuses.find((s) => s === event.target.value);
                      if (status) setStatus.mutate({ dealId: deal.id, spaceId: space.id, status });
                    }}
                  >
                    {spaceStatuses.map((status) => (
                      <option key={status} value={status}>
                        {status.charAt(0).toUpperCase() + status.slice(1)}
                      </option>
                    ))}
                  </NativeSelect>
                </div>
              </li>
            ))}
          </ul>
        )}
        {canEdit ? <SpacePicker dealId={deal.id} /> : null}
      </CardContent>
    </Card>
  );
}

function History({ deal, now }: { deal: Deal; now: Date }) {
  return (
    <Card className="gap-3">
      <CardHeader>
        <CardTitle>History</CardTitle>
      </CardHeader>
      <CardContent>
        {deal.history.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing has happened on this deal yet.</p>
        ) : (
          <ol className="grid gap-3" aria-label="History of this deal">
            {deal.history.map((event) => (
              <li key={event.id} className="flex gap-3 text-sm">
                <span
                  aria-hidden
                  className="mt-0.5 inline-flex size-6 shrink-0 items-center justify-center rounded-full bg-muted text-[10px] font-semibold"
                >
                  {event.actorName ? initials(event.actorName) : event.actorType === 'ai' ? 'AI' : 'S'}
                </span>
                <div className="min-w-0">
                  <p>{describeEvent(event)}</p>
                  <p className="text-xs text-muted-foreground">
                    {describeActor(event)} ·{' '}
                    <time dateTime={event.createdAt.toISOString()} title={dateTime.format(event.createdAt)}>
                      {formatAgo(event.createdAt, now)}
                    </time>
                  </p>
                </div>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
