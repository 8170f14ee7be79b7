'use client';

import { Plus, Search, X } from 'lucide-react';
import { useDeferredValue, useState } from 'react';
import { formatMoney } from '@/components/board/format';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { toast } from '@/components/ui/toast';
import { api } from '@/trpc/react';

const statuses = ['shown', 'interested', 'touring', 'rejected', 'selected'] as const;
type Status = (typeof statuses)[number];

/** Search the inventory and put a space on the deal with a status. */
export function SpacePicker({ dealId }: { dealId: number }) {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<Status>('shown');
  const deferred = useDeferredValue(query.trim());
  const utils = api.useUtils();
  const results = api.spaces.list.useQuery({ dealId, query: deferred || undefined, limit: 8 });
  const attach = api.deals.attachSpace.useMutation({
    onSuccess: async (_data, input) => {
      const name = results.data?.items.find((s) => s.id === input.spaceId)?.name ?? 'Space';
      toast.success(`${name} added as ${input.status ?? 'shown'}`);
      await Promise.all([utils.deals.get.invalidate({ id: dealId }), utils.spaces.list.invalidate()]);
    },
    onError: (e) => toast.error('Could not add the space', { description: e.message }),
  });
  return (
    <div className="grid gap-2 border-t pt-3">
      <div className="grid grid-cols-[1fr_auto] items-end gap-2">
        <div className="grid gap-1">
          <Label htmlFor={`space-picker-${dealId}`}>Add a space</Label>
          <div className="relative">
            <Search
              className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground"
              aria-hidden
            />
            <Input
              id={`space-picker-${dealId}`}
              type="search"
              placeholder="Search the inventory"
              className="pl-8"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
        </div>
        <div className="grid gap-1">
          <Label htmlFor={`space-picker-status-${dealId}`}>As</Label>
          <NativeSelect
            id={`space-picker-status-${dealId}`}
            value={status}
            onChange={(e) => setStatus(e.target.value as Status)}
          >
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s.charAt(0).toUpperCase() + s.slice(1)}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      {results.isError ? <p className="text-xs text-destructive">{results.error.message}</p> : null}
      <ul className="grid gap-1" aria-label="Spaces to add">
        {(results.data?.items ?? []).map((space) => (
          <li
            key={space.id}
            className="flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-muted/50"
          >
            <span className="min-w-0 flex-1 truncate">
              {space.name}
              <span className="ml-1 text-xs text-muted-foreground">
                {formatMoney(space.monthlyRate)}/mo{space.desks ? ` · ${space.desks} desks` : ''}
              </span>
            </span>
            {space.dealStatus ? (
              <span className="text-xs text-muted-foreground">on the deal</span>
            ) : (
              <Button
                type="button"
                size="sm"
                variant="ghost"
                aria-label={`Add ${space.name}`}
                disabled={attach.isPending}
                onClick={() => attach.mutate({ dealId, spaceId: space.id, status })}
              >
                <Plus aria-hidden />
                Add
              </Button>
            )}
          </li>
        ))}
        {results.data && results.data.items.length === 0 ? (
          <li className="px-2 text-xs text-muted-foreground">No spaces match.</li>
        ) : null}
      </ul>
    </div>
  );
}

/** Takes a space off the deal. */
export function DetachSpaceButton({
  dealId,
  spaceId,
  name,
}: {
  dealId: number;
  spaceId: number;
  name: string;
}) {
  const utils = api.useUtils();
  const detach = api.deals.detachSpace.useMutation({
    onSuccess: async () => {
      toast.success(`${name} removed from the deal`);
      await Promise.all([utils.deals.get.invalidate({ id: dealId }), utils.spaces.list.invalidate()]);
    },
    onError: (e) => toast.error('Could not remove the space', { description: e.message }),
  });
  return (
    <Button
      type="button"
      variant="ghost"
      size="icon"
      className="size-7"
      aria-label={`Remove ${name}`}
      disabled={detach.isPending}
      onClick={() => detach.mutate({ dealId, spaceId })}
    >
      <X aria-hidden />
    </Button>
  );
}
