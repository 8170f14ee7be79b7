'use client';

import { AlertTriangle, CheckCircle2, Download, RefreshCw, Sparkles, Timer } from 'lucide-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { formatDuration } from '@/components/board/format';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/lib/utils';
import { api, type RouterOutputs } from '@/trpc/react';
import { DraftingCard } from './drafting-chart';
import { DraftsPerDayChart, ValidationChart } from './metrics-charts';
import { formatShare, lastDays, rangeFromParams } from './range';

type Summary = RouterOutputs['metrics']['summary'];

const presets = [7, 14, 30, 90] as const;

export function MetricsView() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [now] = useState(() => new Date());
  const range = rangeFromParams(params, now);
  const summary = api.metrics.summary.useQuery(range);

  function setRange(next: { from: string; to: string }) {
    router.replace(`${pathname}?from=${next.from}&to=${next.to}`, { scroll: false });
  }

  return (
    <div className="mx-auto grid w-full max-w-6xl gap-6 p-4 md:p-6">
      <div className="flex flex-wrap items-end gap-4">
        <div className="mr-auto">
          <h1 className="text-xl font-semibold tracking-tight">Metrics</h1>
          <p className="text-sm text-muted-foreground">
            How the team and the AI drafts are doing (days in UTC).
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <fieldset className="flex rounded-md border p-0.5" aria-label="Quick ranges">
            {presets.map((days) => {
              const preset = lastDays(days, now);
              const isActive = preset.from === range.from && preset.to === range.to;
              return (
                <button
                  key={days}
                  type="button"
                  aria-pressed={isActive}
                  onClick={() => setRange(preset)}
                  className={cn(
                    'rounded px-2.5 py-1 text-xs font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50',
                    isActive && 'bg-accent text-foreground',
                  )}
                >
                  {days}d
                </button>
              );
            })}
          </fieldset>
          <div className="grid gap-1">
            <Label htmlFor="metrics-from" className="text-xs text-muted-foreground">
              From
            </Label>
            <Input
              id="metrics-from"
              type="date"
              className="w-40"
              value={range.from}
              max={range.to}
              onChange={(event) => event.target.value && setRange({ ...range, from: event.target.value })}
            />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="metrics-to" className="text-xs text-muted-foreground">
              To
            </Label>
            <Input
              id="metrics-to"
              type="date"
              className="w-40"
              value={range.to}
              min={range.from}
              onChange={(event) => event.target.value && setRange({ ...range, to: event.target.value })}
            />
          </div>
        </div>
      </div>

      {summary.isPending ? (
        <div className="grid gap-4" role="status" aria-busy="true" aria-label="Loading the metrics">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {presets.map((days) => (
              <Skeleton key={days} className="h-28" />
            ))}
          </div>
          <Skeleton className="h-80" />
        </div>
      ) : summary.isError ? (
        <div role="alert" className="grid justify-items-start gap-3 rounded-lg border p-6 text-sm">
          <p>Could not load the metrics: {summary.error.message}</p>
          <Button variant="outline" size="sm" onClick={() => summary.refetch()}>
            Try again
          </Button>
        </div>
      ) : (
        <MetricsBody summary={summary.data} />
      )}
    </div>
  );
}

function Stat({
  label,
  value,
  detail,
  icon: Icon,
  tone = 'default',
}: {
  label: string;
  value: string;
  detail: string;
  icon: typeof Sparkles;
  tone?: 'default' | 'warning';
}) {
  return (
    <Card className="gap-2 py-4">
      <CardHeader className="flex items-center justify-between px-4">
        <CardDescription>{label}</CardDescription>
        <Icon
          className={cn(
            'size-4 text-muted-foreground',
            tone === 'warning' && 'text-orange-600 dark:text-orange-400',
          )}
          aria-hidden
        />
      </CardHeader>
      <CardContent className="px-4">
        <p className="text-2xl font-semibold tracking-tight tabular-nums">{value}</p>
        <p className="mt-1 text-xs text-muted-foreground">{detail}</p>
      </CardContent>
    </Card>
  );
}

function MetricsBody({ summary }: { summary: Summary }) {
  const { totals, validation } = summary;
  const csvQuery = `from=${summary.range.from}&to=${summary.range.to}`;
  return (
    <>
      <section aria-label="Headline figures" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="AI acceptance"
          icon={Sparkles}
          value={formatShare(totals.acceptanceRate)}
          detail={`${totals.sentWithoutEdits} of ${totals.sent} sent replies went out without edits`}
        />
        <Stat
          label="Time to reply"
          icon={Timer}
          value={formatDuration(totals.medianReplySeconds)}
          detail={`Median from inbound to sent · p90 ${formatDuration(totals.p90ReplySeconds)}`}
        />
        <Stat
          label="Reply-time breaches"
          icon={AlertTriangle}
          tone={totals.slaBreaches > 0 ? 'warning' : 'default'}
          value={String(totals.slaBreaches)}
          detail={`of ${totals.repliesOwed} emails that needed a reply`}
        />
        <Stat
          label="Drafts"
          icon={CheckCircle2}
          value={String(totals.generated)}
          detail={`${totals.approved} approved · ${totals.sent} sent · ${totals.archived} archived · ${totals.regenerations} regenerations`}
        />
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="gap-4 lg:col-span-2">
          <CardHeader>
            <CardTitle>Drafts per day</CardTitle>
            <CardDescription>Generated, approved, sent and archived</CardDescription>
          </CardHeader>
          <CardContent>
            <DraftsPerDayChart daily={summary.daily} />
          </CardContent>
        </Card>
        <Card className="gap-4">
          <CardHeader>
            <CardTitle>Validation outcomes</CardTitle>
            <CardDescription>
              Every AI version, checked before review · {validation.overrides}{' '}
              {validation.overrides === 1 ? 'override' : 'overrides'}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ValidationChart validation={validation} />
          </CardContent>
        </Card>
      </div>

      <DraftingCard drafting={summary.drafting} />

      <Card className="gap-4">
        <CardHeader className="flex flex-wrap items-center justify-between gap-2">
          <div className="grid gap-1.5">
            <CardTitle>By team member</CardTitle>
            <CardDescription>Breaches count against the deal’s owner</CardDescription>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" size="sm" asChild>
              <a href={`/api/export/metrics?${csvQuery}`} download>
                <Download />
                Metrics CSV
              </a>
            </Button>
            <Button variant="outline" size="sm" asChild>
              <a href="/api/export/board" download>
                <Download />
                Board CSV
              </a>
            </Button>
          </div>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b text-left text-xs text-muted-foreground">
                <th scope="col" className="py-2 pr-4 font-medium">
                  Member
                </th>
                {[
                  'Sent',
                  'AI acceptance',
                  'Median reply',
                  'p90 reply',
                  'Approved',
                  'Archived',
                  'Regenerations',
                  'Breaches',
                ].map((heading) => (
                  <th key={heading} scope="col" className="px-3 py-2 text-right font-medium">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {summary.agents.map((agent) => (
                <tr key={agent.userId} className="border-b last:border-0">
                  <th scope="row" className="py-2.5 pr-4 text-left font-medium">
                    {agent.name}
                    <span className="ml-2 text-xs font-normal text-muted-foreground capitalize">
                      {agent.role}
                    </span>
                  </th>
                  <td className="px-3 text-right tabular-nums">{agent.sent}</td>
                  <td className="px-3 text-right tabular-nums">{formatShare(agent.acceptanceRate)}</td>
                  <td className="px-3 text-right tabular-nums">{formatDuration(agent.medianReplySeconds)}</td>
                  <td className="px-3 text-right tabular-nums">{formatDuration(agent.p90ReplySeconds)}</td>
                  <td className="px-3 text-right tabular-nums">{agent.approved}</td>
                  <td className="px-3 text-right tabular-nums">{agent.archived}</td>
                  <td className="px-3 text-right tabular-nums">{agent.regenerations}</td>
                  <td
                    className={cn(
                      'px-3 text-right tabular-nums',
                      agent.slaBreaches > 0 && 'text-orange-700 dark:text-orange-400',
                    )}
                  >
                    {agent.slaBreaches}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {totals.generated === 0 && totals.sent === 0 ? (
            <p className="mt-4 flex items-center gap-2 text-sm text-muted-foreground">
              <RefreshCw className="size-4" aria-hidden />
              Nothing happened in this range yet. Pick a wider range above.
            </p>
          ) : null}
        </CardContent>
      </Card>
    </>
  );
}
