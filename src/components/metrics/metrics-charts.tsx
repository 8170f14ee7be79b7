'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { RouterOutputs } from '@/trpc/react';
import { shortDay } from './range';

type Summary = RouterOutputs['metrics']['summary'];

export const seriesColors = {
  generated: 'oklch(0.7 0.02 260)',
  approved: 'oklch(0.65 0.15 160)',
  sent: 'oklch(0.546 0.245 262.881)',
  archived: 'oklch(0.75 0.12 60)',
} as const;

const tooltipStyle = {
  borderRadius: 8,
  border: '1px solid var(--border)',
  boxShadow: '0 4px 12px rgb(0 0 0 / 0.08)',
  fontSize: 12,
};

export function DraftsPerDayChart({ daily }: { daily: Summary['daily'] }) {
  const data = daily.map((day) => ({ ...day, label: shortDay(day.day) }));
  return (
    <figure aria-label="Drafts per day: generated, approved, sent and archived" className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} barGap={2}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} minTickGap={12} />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} />
          <Tooltip cursor={{ fill: 'var(--muted)' }} contentStyle={tooltipStyle} />
          <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="generated" name="Generated" fill={seriesColors.generated} radius={[3, 3, 0, 0]} />
          <Bar dataKey="approved" name="Approved" fill={seriesColors.approved} radius={[3, 3, 0, 0]} />
          <Bar dataKey="sent" name="Sent" fill={seriesColors.sent} radius={[3, 3, 0, 0]} />
          <Bar dataKey="archived" name="Archived" fill={seriesColors.archived} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

const validationColors = {
  passed: 'oklch(0.65 0.15 160)',
  warnings: 'oklch(0.8 0.15 85)',
  failed: 'oklch(0.6 0.22 25)',
} as const;

export function ValidationChart({ validation }: { validation: Summary['validation'] }) {
  const data = (['passed', 'warnings', 'failed'] as const).map((status) => ({
    status,
    name: status.charAt(0).toUpperCase() + status.slice(1),
    value: validation[status],
  }));
  const total = data.reduce((sum, slice) => sum + slice.value, 0);
  return (
    <figure aria-label="Validation outcomes of AI draft versions" className="relative h-56 w-full">
      {total === 0 ? (
        <p className="flex h-full items-center justify-center text-sm text-muted-foreground">
          No drafts checked in this range.
        </p>
      ) : (
        <>
          <ResponsiveContainer width="100%" height="100%">
            <PieChart>
              <Tooltip contentStyle={tooltipStyle} />
              <Pie
                data={data}
                dataKey="value"
                nameKey="name"
                innerRadius="62%"
                outerRadius="90%"
                paddingAngle={2}
                isAnimationActive={false}
                stroke="none"
              >
                {data.map((slice) => (
                  <Cell key={slice.status} fill={validationColors[slice.status]} />
                ))}
              </Pie>
            </PieChart>
          </ResponsiveContainer>
          <figcaption className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center">
            <span className="text-2xl font-semibold tabular-nums">{total}</span>
            <span className="text-xs text-muted-foreground">versions checked</span>
          </figcaption>
        </>
      )}
      <ul className="mt-2 flex justify-center gap-4 text-xs">
        {data.map((slice) => (
          <li key={slice.status} className="flex items-center gap-1.5">
            <span
              aria-hidden
              className="size-2 rounded-full"
              style={{ background: validationColors[slice.status] }}
            />
            {slice.name} <span className="font-medium tabular-nums">{slice.value}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
