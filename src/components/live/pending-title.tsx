'use client';

import { useEffect } from 'react';
import { api } from '@/trpc/react';
import { pollingInterval, titleWithCount } from './live-events';
import { useLive } from './live-provider';

/**
 * Puts the organization's pending count in front of the tab's title, "(3) Inbox · Echo", on
 * every signed-in page. Next.js rewrites the title on navigation, so it is re-applied whenever
 * the <title> changes.
 */
export function PendingTitle() {
  const { isLive } = useLive();
  const count = api.live.pendingCount.useQuery(undefined, {
    refetchInterval: pollingInterval(isLive, 30_000),
  });
  const pending = count.data?.pending ?? null;
  useEffect(() => {
    const apply = () => {
      const next = titleWithCount(document.title, pending);
      if (document.title !== next) document.title = next;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = titleWithCount(document.title, null);
    };
  }, [pending]);
  return null;
}
