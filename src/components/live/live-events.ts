import type { StreamEvent } from '@/server/live/schemas';

/** What a batch of events makes stale, as data (the provider turns it into invalidations). */
export type Stale = {
  /** drafts.list, the pending count and deals.board. */
  lists: boolean;
  drafts: Set<number>;
  deals: Set<number>;
  presence: Set<number>;
  /** Everything: the stream was down or the server's listener reconnected. */
  all: boolean;
};

export const nothingStale = (): Stale => ({
  lists: false,
  drafts: new Set(),
  deals: new Set(),
  presence: new Set(),
  all: false,
});

export function markStale(stale: Stale, event: StreamEvent): Stale {
  switch (event.kind) {
    case 'draft.created':
    case 'draft.updated':
      stale.lists = true;
      stale.drafts.add(event.draftId);
      stale.deals.add(event.dealId);
      break;
    case 'email.created':
      stale.lists = true;
      break;
    case 'presence':
      stale.presence.add(event.draftId);
      break;
    case 'resync':
      stale.all = true;
      break;
  }
  return stale;
}

const kinds = new Set(['draft.created', 'draft.updated', 'email.created', 'presence', 'resync']);

/** A message from /api/events, or null for anything this client does not know (a newer server). */
export function parseStreamEvent(data: string): StreamEvent | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const kind = (value as { kind?: unknown }).kind;
    return typeof kind === 'string' && kinds.has(kind) ? (value as StreamEvent) : null;
  } catch {
    return null;
  }
}

/** The polling interval for a query: its own while the stream is down, a slow safety net while it is up. */
export function pollingInterval(isLive: boolean, fallbackMs: number, liveMs = 60_000) {
  return isLive ? Math.max(liveMs, fallbackMs) : fallbackMs;
}

/** "(3) Inbox · Echo": the pending count in front of whatever title the page has. */
export function titleWithCount(title: string, pending: number | null) {
  const base = title.replace(/^\(\d+\)\s/, '');
  return pending ? `(${pending}) ${base}` : base;
}

/** Reconnection delays after the stream failed outright (401, server down): 1 s, 2 s, … 30 s. */
export function reconnectDelay(attempt: number) {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt));
}
