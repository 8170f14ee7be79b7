'use client';

import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { api, type RouterOutputs } from '@/trpc/react';

type Proposal = RouterOutputs['knowledge']['proposals']['items'][number];

const shortDate = (value: Date | string) =>
  new Date(value).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "from Alex's reply to Acme, Dec 1" */
export function sourceLine(proposal: Pick<Proposal, 'source'>) {
  const sender = proposal.source.sentBy?.name.split(' ')[0] ?? 'an agent';
  return `from ${sender}'s reply to ${proposal.source.companyName}, ${shortDate(proposal.source.sentAt)}`;
}

/**
 * Facts agents stated in sent replies that the records did not hold, waiting for a manager:
 * Accept writes the fact into the space, Dismiss remembers not to propose it again.
 */
export function LearnedFactsCard({ canDecide }: { canDecide: boolean }) {
  const utils = api.useUtils();
  const input = { status: 'pending' as const };
  const proposals = api.knowledge.proposals.useQuery(input);

  const decided = (verb: string) => ({
    onMutate: async ({ id }: { id: number }) => {
      await utils.knowledge.proposals.cancel(input);
      const previous = utils.knowledge.proposals.getData(input);
      utils.knowledge.proposals.setData(input, (data) =>
        data ? { items: data.items.filter((item) => item.id !== id) } : data,
      );
      return { previous };
    },
    onError: (
      error: { message: string },
      _: { id: number },
      context?: { previous?: { items: Proposal[] } },
    ) => {
      if (context?.previous) utils.knowledge.proposals.setData(input, context.previous);
      toast.error(`The proposal could not be ${verb}: ${error.message}`);
    },
    onSettled: () => {
      void utils.knowledge.proposals.invalidate();
      void utils.spaces.invalidate();
    },
  });
  const accept = api.knowledge.accept.useMutation({
    ...decided('accepted'),
    onSuccess: (result) => toast.success(`Written into ${result.space.name}`),
  });
  const dismiss = api.knowledge.dismiss.useMutation({
    ...decided('dismissed'),
    onSuccess: () => toast.success('Dismissed: it will not be proposed again'),
  });

  return (
    <Card aria-labelledby="learned-facts-title" className="gap-4">
      <CardHeader>
        <CardTitle id="learned-facts-title" className="flex items-center gap-2">
          Learned from replies
          {proposals.data && proposals.data.items.length > 0 ? (
            <Badge variant="secondary" aria-label={`${proposals.data.items.length} waiting`}>
              {proposals.data.items.length}
            </Badge>
          ) : null}
        </CardTitle>
        <CardDescription>
          Facts agents wrote in sent replies that the space records did not hold.
          {canDecide ? ' Accept one to write it into the space, so later drafts are grounded in it.' : ''}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {proposals.isPending ? (
          <div role="status" aria-busy="true" className="grid gap-2">
            <span className="sr-only">Loading learned facts</span>
            <Skeleton className="h-14" />
            <Skeleton className="h-14" />
          </div>
        ) : proposals.isError ? (
          <p role="alert" className="text-sm text-destructive">
            The learned facts could not be loaded: {proposals.error.message}
          </p>
        ) : proposals.data.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            Nothing to review. When an agent's sent reply states a fact about a space that its records lack (a
            parking cost, a deposit, a count), it appears here.
          </p>
        ) : (
          <ul className="grid gap-3">
            {proposals.data.items.map((proposal) => (
              <li
                key={proposal.id}
                className="flex flex-col gap-3 rounded-lg border p-3 sm:flex-row sm:items-start sm:justify-between"
              >
                <div className="grid min-w-0 gap-1">
                  <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                    <span>
                      <Link
                        href={`/spaces/${proposal.spaceId}`}
                        className="underline-offset-4 hover:underline"
                      >
                        {proposal.spaceName}
                      </Link>
                      : {proposal.fact}
                    </span>
                    {proposal.kind === 'correction' ? (
                      <Badge variant="yellow">Correction · record says {proposal.currentFact}</Badge>
                    ) : (
                      <Badge variant="outline">New fact</Badge>
                    )}
                  </p>
                  <p className="text-xs text-muted-foreground">— {sourceLine(proposal)}</p>
                  <blockquote className="border-l-2 pl-2 text-xs break-words text-muted-foreground italic">
                    {proposal.source.text}
                  </blockquote>
                </div>
                {canDecide ? (
                  <div className="flex shrink-0 gap-2">
                    <Button
                      size="sm"
                      onClick={() => accept.mutate({ id: proposal.id })}
                      aria-label={`Accept ${proposal.spaceName}: ${proposal.fact}`}
                    >
                      Accept
                    </Button>
                    <Button
                      size="sm"
                      variant="outline"
                      onClick={() => dismiss.mutate({ id: proposal.id })}
                      aria-label={`Dismiss ${proposal.spaceName}: ${proposal.fact}`}
                    >
                      Dismiss
                    </Button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
