'use client';

import { Check, X } from 'lucide-react';
import { formatMoney } from '@/components/board/format';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { api } from '@/trpc/react';

/** The ranked shortlist from the inventory: each space with its reasons; Keep puts it on the deal. */
export function Shortlist({ dealId }: { dealId: number }) {
  const utils = api.useUtils();
  const suggestions = api.deals.suggestions.useQuery({ id: dealId });
  const refresh = () =>
    Promise.all([
      utils.deals.suggestions.invalidate({ id: dealId }),
      utils.deals.get.invalidate({ id: dealId }),
    ]);
  const keep = api.deals.keepSuggestion.useMutation({
    onSuccess: async () => {
      toast.success('Kept: the space is on the deal as shown');
      await refresh();
    },
    onError: (error) => toast.error('Could not keep the space', { description: error.message }),
  });
  const dismiss = api.deals.dismissSuggestion.useMutation({
    onSuccess: refresh,
    onError: (error) => toast.error('Could not dismiss the space', { description: error.message }),
  });

  return (
    <Card className="gap-3">
      <CardHeader>
        <CardTitle>Suggested spaces</CardTitle>
      </CardHeader>
      <CardContent>
        {suggestions.isPending ? (
          <div className="grid gap-2">
            <Skeleton className="h-16" />
            <Skeleton className="h-16" />
          </div>
        ) : suggestions.isError ? (
          <p className="text-sm text-destructive">Could not load suggestions: {suggestions.error.message}</p>
        ) : suggestions.data.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            Nothing in the inventory left to suggest: every live space is on the deal or dismissed.
          </p>
        ) : (
          <ol className="grid gap-3" aria-label="Suggested spaces">
            {suggestions.data.items.map(({ space, fits, reasons }) => (
              <li key={space.id} className="grid gap-2 rounded-lg border p-3">
                <div className="flex items-start gap-2">
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-medium">{space.name}</p>
                    <p className="truncate text-xs text-muted-foreground">
                      {space.neighborhood ?? space.address} · {formatMoney(space.monthlyRate)}/mo
                    </p>
                  </div>
                  <Badge variant={fits ? 'secondary' : 'outline'}>{fits ? 'Fits' : 'Near miss'}</Badge>
                </div>
                <ul className="grid gap-1 text-xs" aria-label={`Why ${space.name}`}>
                  {reasons.map((reason) => (
                    <li key={reason.criterion} className="flex items-start gap-1.5">
                      {reason.ok ? (
                        <Check
                          className="mt-0.5 size-3.5 shrink-0 text-emerald-600 dark:text-emerald-400"
                          aria-label="meets"
                        />
                      ) : (
                        <X
                          className="mt-0.5 size-3.5 shrink-0 text-orange-700 dark:text-orange-400"
                          aria-label="misses"
                        />
                      )}
                      <span>{reason.text}</span>
                    </li>
                  ))}
                </ul>
                <div className="flex gap-2">
                  <Button
                    size="sm"
                    onClick={() => keep.mutate({ dealId, spaceId: space.id })}
                    disabled={keep.isPending || dismiss.isPending}
                    aria-label={`Keep ${space.name}`}
                  >
                    Keep
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => dismiss.mutate({ dealId, spaceId: space.id })}
                    disabled={keep.isPending || dismiss.isPending}
                    aria-label={`Dismiss ${space.name}`}
                  >
                    Dismiss
                  </Button>
                </div>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
