'use client';

import { keepPreviousData } from '@tanstack/react-query';
import {
  ArrowRight,
  Briefcase,
  Building2,
  CornerDownLeft,
  FileText,
  LoaderCircle,
  Mail,
  Search,
  Sparkles,
} from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '@/components/ui/dialog';
import { Kbd } from '@/components/ui/kbd';
import { cn } from '@/lib/utils';
import { api, type RouterOutputs } from '@/trpc/react';
import { highlightParts, matchActions, type PaletteAction, type PaletteMode } from './actions';

type SearchItem = RouterOutputs['search']['query']['items'][number];

const kindLabel: Record<SearchItem['kind'], string> = {
  draft: 'Draft',
  email: 'Email',
  deal: 'Deal',
  space: 'Space',
};
const kindIcon = { draft: FileText, email: Mail, deal: Briefcase, space: Building2 } as const;

/** Below this many characters nothing is searched: one letter matches half the inbox. */
const MIN_SEARCH_LENGTH = 2;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

type Option =
  | { type: 'action'; key: string; group: string; action: PaletteAction & { shownLabel: string } }
  | { type: 'result'; key: string; group: string; item: SearchItem };

function Highlighted({ text, highlights }: Pick<SearchItem, 'highlights'> & { text: string }) {
  return (
    <>
      {highlightParts(text, highlights).map((part, index) =>
        part.isMatch ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, in order
          <mark key={index} className="rounded-[2px] bg-brand/20 px-0.5 text-foreground">
            {part.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, in order
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

/**
 * ⌘K: every action of the page (the open draft, the inbox, where to go) and full-text search over
 * the organization's drafts, emails, deals and spaces, in one list. An ARIA combobox: the field
 * keeps the focus, arrows move the active option, Enter runs it, Esc closes.
 */
export function CommandPalette({
  open,
  mode,
  onOpenChange,
  actions,
}: {
  open: boolean;
  mode: PaletteMode;
  onOpenChange: (open: boolean) => void;
  actions: () => PaletteAction[];
}) {
  const router = useRouter();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);

  // Each opening starts afresh, with the actions of the page as it is now.
  const [available, setAvailable] = useState<PaletteAction[]>([]);
  useEffect(() => {
    if (!open) return;
    setQuery('');
    setActive(0);
    setAvailable(actions());
  }, [open, actions]);

  const text = query.trim();
  const debounced = useDebounced(text, 120);
  const canSearch = debounced.length >= MIN_SEARCH_LENGTH;
  const search = api.search.query.useQuery(
    { q: debounced, limit: 8 },
    { enabled: open && canSearch, placeholderData: keepPreviousData, staleTime: 30_000 },
  );
  const results = canSearch && text.length >= MIN_SEARCH_LENGTH ? (search.data?.items ?? []) : [];

  const options = useMemo<Option[]>(() => {
    const fromActions: Option[] =
      mode === 'search'
        ? []
        : matchActions(available, text).map((action) => ({
            type: 'action',
            key: `action-${action.id}`,
            group: action.group,
            action,
          }));
    const fromSearch: Option[] = results.map((item) => ({
      type: 'result',
      key: `result-${item.kind}-${item.id}`,
      group: 'Search results',
      item,
    }));
    // With text typed, what was found comes first in search mode, after the matching actions otherwise.
    return [...fromActions, ...fromSearch];
  }, [available, text, results, mode]);

  const groups = useMemo(() => {
    const byGroup = new Map<string, Array<{ option: Option; index: number }>>();
    options.forEach((option, index) => {
      const list = byGroup.get(option.group) ?? [];
      list.push({ option, index });
      byGroup.set(option.group, list);
    });
    return [...byGroup.entries()];
  }, [options]);

  // A new list starts at its first option.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the list changes, not on every move
  useEffect(() => setActive(0), [options.length, text]);
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));
  const optionId = (index: number) => `${listId}-option-${index}`;

  useEffect(() => {
    document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  });

  function choose(option: Option | undefined) {
    if (!option) return;
    onOpenChange(false);
    if (option.type === 'action') option.action.run(text);
    else router.push(option.item.href);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    const count = options.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (count) setActive((activeIndex + 1) % count);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count) setActive((activeIndex - 1 + count) % count);
        break;
      case 'Home':
        if (event.ctrlKey || event.metaKey) {
          event.preventDefault();
          setActive(0);
        }
        break;
      case 'End':
        if (event.ctrlKey || event.metaKey) {
          event.preventDefault();
          setActive(Math.max(count - 1, 0));
        }
        break;
      case 'Enter':
        event.preventDefault();
        choose(options[activeIndex]);
        break;
    }
  }

  const isSearching =
    canSearch && (search.isFetching || debounced !== text) && text.length >= MIN_SEARCH_LENGTH;
  const status =
    text.length >= MIN_SEARCH_LENGTH && search.isError
      ? `Search failed: ${search.error.message}`
      : options.length === 0
        ? text.length === 0
          ? 'Type to search drafts, emails, deals and spaces.'
          : text.length < MIN_SEARCH_LENGTH
            ? 'Keep typing to search.'
            : isSearching
              ? 'Searching…'
              : `Nothing matches “${text}”.`
        : null;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        data-testid="command-palette"
        className="top-[12vh] translate-y-0 gap-0 overflow-hidden p-0 sm:max-w-xl [&>button:last-child]:hidden"
        onOpenAutoFocus={(event) => {
          event.preventDefault();
          document.getElementById(`${listId}-input`)?.focus();
        }}
      >
        <DialogTitle className="sr-only">{mode === 'search' ? 'Search' : 'Command palette'}</DialogTitle>
        <DialogDescription className="sr-only">
          Search the organization&apos;s drafts, emails, deals and spaces, or run an action. Arrow keys move,
          Enter opens, Escape closes.
        </DialogDescription>
        <div className="flex items-center gap-2 border-b px-3">
          {isSearching ? (
            <LoaderCircle className="size-4 shrink-0 animate-spin text-muted-foreground" aria-hidden />
          ) : (
            <Search className="size-4 shrink-0 text-muted-foreground" aria-hidden />
          )}
          <input
            id={`${listId}-input`}
            role="combobox"
            aria-label="Search"
            aria-expanded={options.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={options.length > 0 ? optionId(activeIndex) : undefined}
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onKeyDown}
            placeholder={
              mode === 'search' ? 'Search drafts, emails, deals, spaces…' : 'Type a command or search…'
            }
            className="h-12 w-full min-w-0 bg-transparent text-sm outline-none placeholder:text-muted-foreground"
          />
          <Kbd className="hidden sm:inline-flex">Esc</Kbd>
        </div>
        <div
          ref={listRef}
          id={listId}
          role="listbox"
          aria-label={mode === 'search' ? 'Search results' : 'Actions and search results'}
          className="max-h-[min(60vh,26rem)] overflow-y-auto overscroll-contain p-1.5"
        >
          {groups.map(([group, entries], groupIndex) => (
            // biome-ignore lint/a11y/useSemanticElements: options of a listbox are grouped by role=group (a fieldset groups form controls)
            <div key={group} role="group" aria-labelledby={`${listId}-group-${groupIndex}`} className="pb-1">
              <div
                id={`${listId}-group-${groupIndex}`}
                className="px-2 pt-2 pb-1 text-xs font-medium text-muted-foreground"
              >
                {group}
              </div>
              {entries.map(({ option, index }) => (
                <div
                  key={option.key}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === activeIndex}
                  tabIndex={-1}
                  onMouseMove={() => index !== activeIndex && setActive(index)}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(option)}
                  onKeyDown={() => {}}
                  className={cn(
                    'flex cursor-pointer items-start gap-3 rounded-md px-2 py-2 text-sm outline-none select-none',
                    index === activeIndex && 'bg-accent text-accent-foreground',
                  )}
                >
                  {option.type === 'action' ? (
                    <ActionRow action={option.action} />
                  ) : (
                    <ResultRow item={option.item} />
                  )}
                </div>
              ))}
            </div>
          ))}
          {status ? (
            <p role="status" className="px-3 py-8 text-center text-sm text-muted-foreground">
              {status}
            </p>
          ) : null}
        </div>
        <div className="hidden items-center gap-4 border-t bg-muted/40 px-3 py-2 text-xs text-muted-foreground sm:flex">
          <span className="flex items-center gap-1.5">
            <Kbd>↑</Kbd>
            <Kbd>↓</Kbd> to move
          </span>
          <span className="flex items-center gap-1.5">
            <Kbd>
              <CornerDownLeft className="size-3" aria-hidden />
            </Kbd>{' '}
            to open
          </span>
          <span className="ml-auto">Search: words, &quot;a phrase&quot;, -not</span>
        </div>
      </DialogContent>
    </Dialog>
  );
}

function ActionRow({ action }: { action: PaletteAction & { shownLabel: string } }) {
  const Icon = action.withText ? Sparkles : ArrowRight;
  return (
    <>
      <Icon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
      <span className="min-w-0 flex-1 truncate">{action.shownLabel}</span>
      {action.shortcut ? <Kbd aria-label={`shortcut ${action.shortcut}`}>{action.shortcut}</Kbd> : null}
    </>
  );
}

function ResultRow({ item }: { item: SearchItem }) {
  const Icon = kindIcon[item.kind];
  return (
    <>
      <Icon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
      <span className="grid min-w-0 flex-1 grid-cols-1 gap-0.5">
        <span className="flex items-baseline gap-2">
          <span className="min-w-0 flex-1 truncate font-medium">{item.title}</span>
          <span className="shrink-0 text-xs text-muted-foreground">{kindLabel[item.kind]}</span>
        </span>
        {item.snippet ? (
          <span className="line-clamp-2 text-xs leading-relaxed break-words text-muted-foreground">
            <Highlighted text={item.snippet} highlights={item.highlights} />
          </span>
        ) : null}
      </span>
    </>
  );
}
