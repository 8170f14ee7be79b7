'use client';

import { GitCompareArrows, History, X } from 'lucide-react';
import { useMemo } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';
import type { RouterOutputs } from '@/trpc/react';
import { diffStats, diffWords } from './diff';
import { ValidationBadge } from './status-badges';

type Version = RouterOutputs['drafts']['get']['versions'][number];

const timeFormat = new Intl.DateTimeFormat('en-US', {
  hour: 'numeric',
  minute: '2-digit',
  month: 'short',
  day: 'numeric',
});

function whoAsked(version: Version, viewerId: string) {
  if (version.kind === 'edit')
    return `Edited by ${version.createdBy === viewerId ? 'you' : (version.authorName ?? 'a teammate')}`;
  if (version.version === 0 || !version.createdBy) return 'First draft, written when the email arrived';
  if (version.createdBy === viewerId) return 'You asked';
  return version.authorName ? `${version.authorName} asked` : 'A teammate asked';
}

export function VersionsPanel({
  versions,
  currentVersion,
  viewerId,
  comparing,
  onCompare,
  onSwitch,
  switchingTo,
  lockedReason,
}: {
  versions: Version[];
  currentVersion: number;
  viewerId: string;
  comparing: number | null;
  onCompare: (version: number | null) => void;
  onSwitch: (version: number) => void;
  switchingTo: number | null;
  lockedReason: string | null;
}) {
  return (
    <section aria-labelledby="versions-title" className="grid gap-3">
      <h3 id="versions-title" className="flex items-center gap-2 text-sm font-semibold">
        <History className="size-4 text-muted-foreground" aria-hidden />
        Versions
        <span className="font-normal text-muted-foreground tabular-nums">{versions.length}</span>
      </h3>
      <ol className="grid gap-2">
        {[...versions].reverse().map((version) => {
          const isCurrent = version.version === currentVersion;
          return (
            <li
              key={version.version}
              className={cn(
                'flex flex-wrap items-center gap-x-3 gap-y-1.5 rounded-lg border px-3 py-2.5 text-sm',
                isCurrent && 'border-brand/40 bg-brand/[0.04]',
              )}
            >
              <span className="font-mono text-xs font-semibold">v{version.version}</span>
              <span className="min-w-0 flex-1">
                <span className="block truncate">
                  {version.instruction ? (
                    <>
                      {whoAsked(version, viewerId)}: <q className="font-medium">{version.instruction}</q>
                    </>
                  ) : version.version === 0 || version.kind === 'edit' ? (
                    whoAsked(version, viewerId)
                  ) : (
                    `${whoAsked(version, viewerId)} for a fresh version`
                  )}
                </span>
                <span className="block text-xs text-muted-foreground">
                  {timeFormat.format(version.createdAt)} · {version.confidence}% confident
                  {version.isOffline ? ' · offline drafter' : ''}
                </span>
              </span>
              <ValidationBadge status={version.validation.status} />
              {isCurrent ? <Badge variant="outline">Current</Badge> : null}
              <span className="flex gap-1.5">
                <Button
                  size="sm"
                  variant={comparing === version.version ? 'secondary' : 'ghost'}
                  className="h-7"
                  aria-pressed={comparing === version.version}
                  aria-label={`Compare v${version.version} with the working body`}
                  onClick={() => onCompare(comparing === version.version ? null : version.version)}
                >
                  <GitCompareArrows />
                  Compare
                </Button>
                {isCurrent ? null : (
                  <Button
                    size="sm"
                    variant="outline"
                    className="h-7"
                    disabled={lockedReason !== null || switchingTo !== null}
                    title={lockedReason ?? undefined}
                    aria-label={`Use v${version.version}`}
                    onClick={() => onSwitch(version.version)}
                  >
                    {switchingTo === version.version ? 'Switching…' : 'Use this'}
                  </Button>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

const insertedClass =
  'rounded-[3px] bg-emerald-100 text-emerald-950 no-underline dark:bg-emerald-950 dark:text-emerald-100';
const removedClass =
  'rounded-[3px] bg-red-100 text-red-900 decoration-red-400 dark:bg-red-950 dark:text-red-200';

export function VersionDiff({
  version,
  workingBody,
  onClose,
}: {
  version: Version;
  workingBody: string;
  onClose: () => void;
}) {
  const parts = useMemo(() => diffWords(version.body, workingBody), [version.body, workingBody]);
  const stats = diffStats(parts);
  const unchanged = parts.every((part) => part.kind === 'equal');
  return (
    <section
      aria-label={`Changes from v${version.version} to the working body`}
      className="grid gap-3 rounded-lg border bg-background p-4 shadow-xs"
    >
      <div className="flex items-center gap-3">
        <h3 className="text-sm font-semibold">v{version.version} → working body</h3>
        <span className="text-xs text-muted-foreground tabular-nums">
          {unchanged ? (
            'No differences'
          ) : (
            <>
              <span className="text-emerald-700 dark:text-emerald-400">+{stats.added}</span> /{' '}
              <span className="text-red-700 dark:text-red-400">−{stats.removed}</span> words
            </>
          )}
        </span>
        <Button
          size="icon"
          variant="ghost"
          className="ml-auto size-7"
          aria-label="Close the comparison"
          onClick={onClose}
        >
          <X />
        </Button>
      </div>
      <div
        className="rounded-md bg-muted/40 px-4 py-3 font-sans text-[15px] leading-7 break-words whitespace-pre-wrap"
        data-testid="version-diff"
      >
        {parts.map((part, index) =>
          part.kind === 'equal' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
            <span key={index}>{part.text}</span>
          ) : part.kind === 'insert' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
            <ins key={index} className={insertedClass}>
              <span className="sr-only">[added: </span>
              {part.text}
              <span className="sr-only">]</span>
            </ins>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
            <del key={index} className={removedClass}>
              <span className="sr-only">[removed: </span>
              {part.text}
              <span className="sr-only">]</span>
            </del>
          ),
        )}
      </div>
    </section>
  );
}
