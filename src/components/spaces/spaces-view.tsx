'use client';

import { Building2, Download, Plus, Search } from 'lucide-react';
import Link from 'next/link';
import { useDeferredValue, useMemo, useState } from 'react';
import { formatMoney } from '@/components/board/format';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { Skeleton } from '@/components/ui/skeleton';
import { api } from '@/trpc/react';
import { ImportDialog } from './import-dialog';
import { type AmenityKey, amenityKeys, amenityLabels, type SpaceSort, sortLabels } from './labels';

const PAGE_SIZE = 50;

const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);

export function SpacesView({ canEdit }: { canEdit: boolean }) {
  const [query, setQuery] = useState('');
  const [neighborhood, setNeighborhood] = useState('');
  const [minDesks, setMinDesks] = useState('');
  const [maxRate, setMaxRate] = useState('');
  const [amenities, setAmenities] = useState<AmenityKey[]>([]);
  const [sort, setSort] = useState<`${SpaceSort}:${'asc' | 'desc'}`>('name:asc');
  const [includeArchived, setIncludeArchived] = useState(false);
  const deferredQuery = useDeferredValue(query);
  const [sortKey, direction] = sort.split(':') as [SpaceSort, 'asc' | 'desc'];

  const input = {
    query: deferredQuery.trim() || undefined,
    neighborhood: neighborhood || undefined,
    minDesks: wholeNumber(minDesks),
    maxRate: wholeNumber(maxRate),
    amenities: amenities.length ? amenities : undefined,
    includeArchived: includeArchived || undefined,
    sort: sortKey,
    order: direction,
    limit: PAGE_SIZE,
  };
  const list = api.spaces.list.useInfiniteQuery(input, {
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const neighborhoods = api.spaces.neighborhoods.useQuery();
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const isFiltered = Boolean(
    input.query || input.neighborhood || input.minDesks || input.maxRate || input.amenities,
  );

  return (
    <div className="mx-auto grid w-full max-w-7xl gap-4 p-4 md:p-6">
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1 basis-full sm:basis-auto">
          <h1 className="text-2xl font-semibold tracking-tight">Spaces</h1>
          <p className="text-sm text-muted-foreground">The inventory every draft is grounded in.</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" size="sm" asChild>
            <a href="/api/export/spaces" download>
              <Download aria-hidden />
              Export
            </a>
          </Button>
          {canEdit ? (
            <>
              <ImportDialog />
              <Button size="sm" asChild>
                <Link href="/spaces/new">
                  <Plus aria-hidden />
                  New space
                </Link>
              </Button>
            </>
          ) : null}
        </div>
      </div>

      <search className="grid gap-3 rounded-lg border bg-card p-3 md:grid-cols-[minmax(0,2fr)_repeat(4,minmax(0,1fr))]">
        <div className="grid gap-1">
          <Label htmlFor="spaces-search">Search</Label>
          <div className="relative">
            <Search
              className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground"
              aria-hidden
            />
            <Input
              id="spaces-search"
              type="search"
              placeholder="Name or address"
              className="pl-8"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          </div>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="spaces-neighborhood">Neighbourhood</Label>
          <NativeSelect
            id="spaces-neighborhood"
            value={neighborhood}
            onChange={(event) => setNeighborhood(event.target.value)}
          >
            <option value="">All</option>
            {(neighborhoods.data ?? []).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="spaces-min-desks">Desks at least</Label>
          <Input
            id="spaces-min-desks"
            inputMode="numeric"
            value={minDesks}
            onChange={(event) => setMinDesks(event.target.value)}
          />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="spaces-max-rate">Rate up to ($/mo)</Label>
          <Input
            id="spaces-max-rate"
            inputMode="numeric"
            value={maxRate}
            onChange={(event) => setMaxRate(event.target.value)}
          />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="spaces-sort">Sort</Label>
          <NativeSelect
            id="spaces-sort"
            value={sort}
            onChange={(event) => setSort(event.target.value as typeof sort)}
          >
            {(Object.keys(sortLabels) as SpaceSort[]).flatMap((key) => [
              <option key={`${key}:asc`} value={`${key}:asc`}>
                {sortLabels[key]} ↑
              </option>,
              <option key={`${key}:desc`} value={`${key}:desc`}>
                {sortLabels[key]} ↓
              </option>,
            ])}
          </NativeSelect>
        </div>
        <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2 md:col-span-5">
          <legend className="sr-only">Amenities</legend>
          {amenityKeys.map((key) => (
            <div key={key} className="flex items-center gap-2">
              <Checkbox
                id={`spaces-amenity-${key}`}
                checked={amenities.includes(key)}
                onCheckedChange={(checked) =>
                  setAmenities((current) =>
                    checked === true ? [...current, key] : current.filter((item) => item !== key),
                  )
                }
              />
              <Label htmlFor={`spaces-amenity-${key}`} className="font-normal">
                {amenityLabels[key]}
              </Label>
            </div>
          ))}
          <div className="flex items-center gap-2 md:ml-auto">
            <Checkbox
              id="spaces-archived"
              checked={includeArchived}
              onCheckedChange={(checked) => setIncludeArchived(checked === true)}
            />
            <Label htmlFor="spaces-archived" className="font-normal">
              Show archived
            </Label>
          </div>
        </fieldset>
      </search>

      {list.isPending ? (
        <div className="grid gap-2" role="status" aria-busy="true" aria-label="Loading spaces">
          {Array.from({ length: 6 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <Skeleton key={i} className="h-12" />
          ))}
        </div>
      ) : list.isError ? (
        <div role="alert" className="grid justify-items-start gap-2 rounded-lg border p-4 text-sm">
          <p className="font-medium">Could not load the spaces</p>
          <p className="text-muted-foreground">{list.error.message}</p>
          <Button variant="outline" size="sm" onClick={() => list.refetch()}>
            Try again
          </Button>
        </div>
      ) : items.length === 0 ? (
        <div className="grid justify-items-center gap-2 rounded-lg border border-dashed p-10 text-center text-sm">
          <Building2 className="size-6 text-muted-foreground" aria-hidden />
          <p className="font-medium">{isFiltered ? 'No spaces match these filters' : 'No spaces yet'}</p>
          <p className="text-muted-foreground">
            {isFiltered
              ? 'Loosen a filter or clear the search.'
              : canEdit
                ? 'Create one with “New space”, or import a CSV.'
                : 'A manager adds them.'}
          </p>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border">
          <table className="w-full text-sm">
            <caption className="sr-only">Spaces</caption>
            <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
              <tr>
                <th className="px-3 py-2 font-medium">Name</th>
                <th className="hidden px-3 py-2 font-medium sm:table-cell">Neighbourhood</th>
                <th className="px-3 py-2 text-right font-medium">Rate</th>
                <th className="hidden px-3 py-2 text-right font-medium md:table-cell">Desks</th>
                <th className="hidden px-3 py-2 text-right font-medium md:table-cell">Sq ft</th>
                <th className="hidden px-3 py-2 font-medium md:table-cell">Available</th>
                <th className="hidden px-3 py-2 font-medium lg:table-cell">Amenities</th>
              </tr>
            </thead>
            <tbody>
              {items.map((space) => (
                <tr key={space.id} className="border-t hover:bg-muted/30">
                  <td className="max-w-72 px-3 py-2">
                    <Link href={`/spaces/${space.id}`} className="font-medium hover:underline">
                      {space.name}
                    </Link>
                    {space.archivedAt ? (
                      <Badge variant="outline" className="ml-2">
                        Archived
                      </Badge>
                    ) : null}
                    <p className="truncate text-xs text-muted-foreground">{space.address}</p>
                    <p className="text-xs text-muted-foreground md:hidden">
                      {[space.neighborhood, space.desks === null ? null : `${space.desks} desks`]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                  </td>
                  <td className="hidden px-3 py-2 sm:table-cell">{space.neighborhood ?? '—'}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatMoney(space.monthlyRate)}</td>
                  <td className="hidden px-3 py-2 text-right tabular-nums md:table-cell">
                    {space.desks ?? '—'}
                  </td>
                  <td className="hidden px-3 py-2 text-right tabular-nums md:table-cell">
                    {space.squareFeet?.toLocaleString('en-US') ?? '—'}
                  </td>
                  <td className="hidden px-3 py-2 whitespace-nowrap md:table-cell">
                    {space.availableFrom ?? '—'}
                  </td>
                  <td className="hidden px-3 py-2 lg:table-cell">
                    <div className="flex flex-wrap gap-1">
                      {amenityKeys
                        .filter((key) => space.amenities[key])
                        .map((key) => (
                          <Badge key={key} variant="secondary">
                            {amenityLabels[key]}
                          </Badge>
                        ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="outline" disabled={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
