'use client';

import { Inbox } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { api } from '@/trpc/react';
import { SlaBadge } from './sla-badge';

const validationVariant = { passed: 'green', warnings: 'yellow', failed: 'red' } as const;

export function DraftQueue() {
  const drafts = api.drafts.list.useQuery({ status: 'pending', limit: 50 }, { refetchInterval: 15_000 });
  const now = new Date();

  if (drafts.isPending) {
    return (
      <div className="grid gap-2 p-4" role="status" aria-busy="true" aria-label="Loading drafts">
        {Array.from({ length: 6 }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Skeleton key={index} className="h-16 w-full" />
        ))}
      </div>
    );
  }
  if (drafts.isError) {
    return (
      <div role="alert" className="grid gap-3 p-6 text-sm">
        <p>Could not load the inbox: {drafts.error.message}</p>
        <Button variant="outline" size="sm" className="w-fit" onClick={() => drafts.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  if (drafts.data.items.length === 0) {
    return (
      <div className="flex flex-col items-center gap-2 p-10 text-center text-sm text-muted-foreground">
        <Inbox className="size-8" aria-hidden />
        <p className="font-medium text-foreground">No drafts waiting</p>
        <p>When a space seeker writes in, an AI draft of the reply appears here for review.</p>
      </div>
    );
  }

  return (
    <ul aria-label="Drafts waiting for review" className="divide-y">
      {drafts.data.items.map((draft) => (
        <li key={draft.id}>
          <button
            type="button"
            aria-label={draft.company}
            className="grid w-full gap-1 px-4 py-3 text-left hover:bg-accent/60 focus-visible:bg-accent focus-visible:outline-none"
          >
            <div className="flex items-center gap-2">
              <span className="truncate font-medium">{draft.company}</span>
              <span className="truncate text-xs text-muted-foreground">{draft.seekerName}</span>
              <span className="ml-auto">
                <SlaBadge level={draft.slaLevel} deadline={draft.replyDeadlineAt} now={now} />
              </span>
            </div>
            <div className="truncate text-sm">{draft.subject}</div>
            <div className="truncate text-xs text-muted-foreground">{draft.preview}</div>
            <div className="flex items-center gap-2 pt-1">
              <Badge variant={validationVariant[draft.validation]}>Validation {draft.validation}</Badge>
              <Badge variant="outline">{draft.confidence}% confident</Badge>
              {draft.isOffline ? <Badge variant="secondary">Offline draft</Badge> : null}
            </div>
          </button>
        </li>
      ))}
    </ul>
  );
}
