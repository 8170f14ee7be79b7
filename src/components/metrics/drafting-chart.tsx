'use client';

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { RouterOutputs } from '@/trpc/react';
import { formatShare } from './range';

type Drafting = RouterOutputs['metrics']['summary']['drafting'];
type Figure = Drafting['byWeek'][number];

const similarity = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/** Two bars per row: the share sent unedited and the median similarity, both on a 0–1 scale. */
function FigureRows({ rows }: { rows: Array<{ key: string; label: string; figure: Omit<Figure, 'week'> }> }) {
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">Nothing sent in this range.</p>;
  return (
    <ul className="grid gap-3">
      {rows.map(({ key, label, figure }) => (
        <li key={key} className="grid gap-1 text-sm">
          <div className="flex flex-wrap justify-between gap-2">
            <span className="font-medium">{label}</span>
            <span className="text-xs text-muted-foreground">
              {figure.sent} sent · {formatShare(figure.shareUnedited)} unedited · median similarity{' '}
              {similarity(figure.medianSimilarity)}
            </span>
          </div>
          <div className="grid gap-0.5" aria-hidden>
            <div className="h-1.5 rounded bg-muted">
              <div
                className="h-1.5 rounded bg-brand"
                style={{ width: `${(figure.shareUnedited ?? 0) * 100}%` }}
              />
            </div>
            <div className="h-1.5 rounded bg-muted">
              <div
                className="h-1.5 rounded bg-muted-foreground/60"
                style={{ width: `${(figure.medianSimilarity ?? 0) * 100}%` }}
              />
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** How close sent replies stayed to their AI drafts: over time, per agent and per drafter. */
export function DraftingCard({ drafting }: { drafting: Drafting }) {
  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>Drafting</CardTitle>
        <CardDescription>
          {drafting.sent} replies sent from drafts · {drafting.sentUnedited} sent unedited · median similarity{' '}
          {similarity(drafting.medianSimilarity)} (bars: share unedited, median similarity)
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6 md:grid-cols-3">
        <section className="grid content-start gap-2">
          <h3 className="text-sm font-semibold">By week</h3>
          <FigureRows
            rows={drafting.byWeek.map((row) => ({
              key: row.week,
              label: `Week of ${row.week}`,
              figure: row,
            }))}
          />
        </section>
        <section className="grid content-start gap-2">
          <h3 className="text-sm font-semibold">By agent</h3>
          <FigureRows
            rows={drafting.byAgent.map((row) => ({
              key: row.userId ?? 'unknown',
              label: row.name ?? 'Unknown',
              figure: row,
            }))}
          />
        </section>
        <section className="grid content-start gap-2">
          <h3 className="text-sm font-semibold">By drafter</h3>
          <FigureRows
            rows={drafting.byDrafter.map((row) => ({
              key: `${row.drafter}-${row.model}`,
              label: `${row.drafter === 'offline' ? 'Offline' : 'Model'} · ${row.model}`,
              figure: row,
            }))}
          />
        </section>
      </CardContent>
    </Card>
  );
}
