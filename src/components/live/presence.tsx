'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { cn } from '@/lib/utils';
import { api, type RouterOutputs } from '@/trpc/react';

type Other = RouterOutputs['live']['presence']['others'][number];

/** Under the server's 30 s TTL, with room for one lost beat. */
const HEARTBEAT_MS = 10_000;

/**
 * This tab's presence on a draft: a heartbeat every 10 s and at once when viewing turns into
 * editing (or back), gone when the pane closes or the tab goes away. Returns who else is there.
 */
export function useDraftPresence(draftId: number) {
  const [isEditing, setEditing] = useState(false);
  const heartbeat = api.live.heartbeat.useMutation();
  const leave = api.live.leave.useMutation();
  const others = api.live.presence.useQuery(
    { id: draftId },
    // Also how a TTL expiry (no event: nobody wrote) reaches the screen.
    { refetchInterval: HEARTBEAT_MS },
  );
  const mutations = useRef({ beat: heartbeat.mutate, leave: leave.mutate });
  mutations.current = { beat: heartbeat.mutate, leave: leave.mutate };

  useEffect(() => {
    const beat = () => mutations.current.beat({ id: draftId, state: isEditing ? 'editing' : 'viewing' });
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [draftId, isEditing]);

  useEffect(() => {
    // A closing tab runs no React cleanup; a keepalive request outlives the page.
    const onPageHide = () =>
      void fetch('/api/trpc/live.leave', {
        method: 'POST',
        keepalive: true,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: { id: draftId } }),
      }).catch(() => undefined);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      mutations.current.leave({ id: draftId });
    };
  }, [draftId]);

  /** Spread on the element around the editor: focus inside it is "editing". */
  const editorProps = {
    onFocus: useCallback(() => setEditing(true), []),
    onBlur: useCallback((event: React.FocusEvent) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setEditing(false);
    }, []),
  };

  return { others: others.data?.others ?? [], editorProps };
}

function firstName(name: string) {
  return name.trim().split(/\s+/)[0] || name;
}

export function describePresence(other: Pick<Other, 'name' | 'state'>) {
  return `${firstName(other.name)} is ${other.state === 'editing' ? 'editing' : 'viewing'}`;
}

/** "Morgan is editing": who else has this draft open, editors first; nothing when nobody does. */
export function PresenceList({ others }: { others: Other[] }) {
  const sorted = [...others].sort((a, b) => (a.state === b.state ? 0 : a.state === 'editing' ? -1 : 1));
  // The live region stays mounted, so an arrival is announced, not just drawn.
  return (
    <div aria-live="polite" className="contents">
      {sorted.length > 0 ? (
        <ul
          aria-label="Also on this draft"
          className="flex flex-wrap items-center gap-1.5"
          data-testid="presence"
        >
          {sorted.map((other) => (
            <li
              key={other.userId}
              title={`${other.name} has this draft open${other.state === 'editing' ? ' and is editing the reply' : ''}`}
              className={cn(
                'inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs',
                other.state === 'editing'
                  ? 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100'
                  : 'text-muted-foreground',
              )}
            >
              <span
                aria-hidden
                className="grid size-4 place-items-center rounded-full bg-muted text-[10px] font-semibold text-foreground uppercase"
              >
                {firstName(other.name).slice(0, 1)}
              </span>
              {describePresence(other)}
              {other.state === 'editing' ? (
                <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-amber-500" />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
