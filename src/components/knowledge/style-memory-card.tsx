'use client';

import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { api, type RouterOutputs } from '@/trpc/react';

type StyleItem = RouterOutputs['knowledge']['style']['items'][number];

const KIND_LABELS: Record<StyleItem['kind'], string> = {
  greeting: 'Greeting',
  signOff: 'Closing line',
  length: 'Typical length',
  deleted: 'Agents keep deleting',
  added: 'Agents keep adding',
};

/** Matches MIN_STYLE_COUNT on the server: an item is used once agents did it twice. */
const IN_USE_AT = 2;

/** Admins see what Echo learned from sent edits and remove what it should not use. */
export function StyleMemoryCard() {
  const utils = api.useUtils();
  const style = api.knowledge.style.useQuery();
  const remove = api.knowledge.removeStyle.useMutation({
    onSuccess: (item) => toast.success(`Echo will no longer use “${item.phrase}”`),
    onError: (error) => toast.error(`The item could not be removed: ${error.message}`),
    onSettled: () => void utils.knowledge.style.invalidate(),
  });
  const items = (style.data?.items ?? []).filter((item) => !item.isRemoved && item.count >= IN_USE_AT);

  return (
    <Card aria-labelledby="style-memory-title">
      <CardHeader>
        <CardTitle id="style-memory-title">Echo has learned…</CardTitle>
        <CardDescription>
          How your agents write, counted from the edits they make before sending. Both drafters use these
          items; remove any Echo should not.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {style.isPending ? (
          <div role="status" aria-busy="true" className="grid gap-2">
            <span className="sr-only">Loading style memory</span>
            <Skeleton className="h-10" />
            <Skeleton className="h-10" />
          </div>
        ) : style.isError ? (
          <p role="alert" className="text-sm text-destructive">
            Style memory could not be loaded: {style.error.message}
          </p>
        ) : items.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            Nothing yet. Once agents change a greeting, a closing line or a phrase the same way twice, it
            shows here.
          </p>
        ) : (
          <ul className="grid gap-2">
            {items.map((item) => (
              <li
                key={item.id}
                className="flex items-center justify-between gap-3 rounded-md border p-2 text-sm"
              >
                <div className="min-w-0">
                  <span className="text-muted-foreground">{KIND_LABELS[item.kind]}: </span>
                  <span className="break-words">
                    “{item.phrase.replace('{name}', '[first name]').replaceAll('spaceplaceholder', '[space]')}
                    ”
                  </span>
                  <span className="text-xs text-muted-foreground"> · seen {item.count} times</span>
                </div>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ id: item.id })}
                  aria-label={`Remove ${KIND_LABELS[item.kind]}: ${item.phrase}`}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
