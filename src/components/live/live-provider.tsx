'use client';

import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { api } from '@/trpc/react';
import { markStale, nothingStale, parseStreamEvent, reconnectDelay, type Stale } from './live-events';

const LiveContext = createContext<{ isLive: boolean }>({ isLive: false });

/** Whether the event stream is up: queries poll slowly while it is, at their own pace when not. */
export function useLive() {
  return useContext(LiveContext);
}

/** Events arriving within this window are applied together (a bulk archive is one refetch). */
const BATCH_MS = 150;

/**
 * One EventSource per tab on /api/events (Server-Sent Events fed by PostgreSQL LISTEN/NOTIFY):
 * each event invalidates the queries it makes stale. A stream that falls silent for two
 * heartbeats, fails or is ended by the server is reopened with backoff; whatever happened while
 * it was down is refetched when it is back.
 */
export function LiveProvider({ children }: { children: React.ReactNode }) {
  const utils = api.useUtils();
  const [isLive, setLive] = useState(false);
  const latestUtils = useRef(utils);
  latestUtils.current = utils;

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let attempt = 0;
    let wasDown = false;
    let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    let batchTimer: ReturnType<typeof setTimeout> | undefined;
    let stale: Stale = nothingStale();
    let isStopped = false;

    const flush = () => {
      batchTimer = undefined;
      const current = stale;
      stale = nothingStale();
      const u = latestUtils.current;
      if (current.all) {
        void u.drafts.invalidate();
        void u.deals.invalidate();
        void u.live.invalidate();
        return;
      }
      if (current.lists) {
        void u.drafts.list.invalidate();
        void u.deals.board.invalidate();
        void u.live.pendingCount.invalidate();
      }
      for (const id of current.drafts) void u.drafts.get.invalidate({ id });
      for (const id of current.deals) void u.deals.get.invalidate({ id });
      for (const id of current.presence) void u.live.presence.invalidate({ id });
    };
    const schedule = (mark: (stale: Stale) => void) => {
      mark(stale);
      batchTimer ??= setTimeout(flush, BATCH_MS);
    };

    const goDown = () => {
      setLive(false);
      wasDown = true;
    };
    const reopen = () => {
      source?.close();
      source = null;
      clearTimeout(watchdog);
      goDown();
      if (isStopped) return;
      clearTimeout(reconnectTimer);
      reconnectTimer = setTimeout(connect, reconnectDelay(attempt));
      attempt += 1;
    };
    const expectPingWithin = (ms: number) => {
      clearTimeout(watchdog);
      watchdog = setTimeout(reopen, ms);
    };

    function connect() {
      if (isStopped) return;
      let heartbeatMs = 25_000;
      const current = new EventSource('/api/events');
      source = current;
      current.addEventListener('ready', (event) => {
        const ready = parseReady((event as MessageEvent<string>).data);
        if (ready) heartbeatMs = ready.heartbeatMs;
        attempt = 0;
        setLive(true);
        expectPingWithin(heartbeatMs * 2 + 5_000);
        if (wasDown) {
          wasDown = false;
          schedule((s) => markStale(s, { kind: 'resync' }));
        }
      });
      current.addEventListener('ping', () => expectPingWithin(heartbeatMs * 2 + 5_000));
      current.onmessage = (message: MessageEvent<string>) => {
        expectPingWithin(heartbeatMs * 2 + 5_000);
        const event = parseStreamEvent(message.data);
        if (event) schedule((s) => markStale(s, event));
      };
      // The server ended it (the session is gone): polling takes over and finds out why.
      current.addEventListener('end', reopen);
      current.onerror = () => {
        // CONNECTING: the browser retries by itself; CLOSED (a 401, a 5xx): we retry, with backoff.
        if (current.readyState === EventSource.CLOSED) reopen();
        else goDown();
      };
    }

    connect();
    return () => {
      isStopped = true;
      source?.close();
      clearTimeout(reconnectTimer);
      clearTimeout(watchdog);
      clearTimeout(batchTimer);
    };
  }, []);

  // Says on the page whether updates arrive by the stream (browser tests and support read it).
  useEffect(() => {
    document.documentElement.dataset.live = isLive ? 'on' : 'off';
  }, [isLive]);

  return <LiveContext.Provider value={{ isLive }}>{children}</LiveContext.Provider>;
}

function parseReady(data: string): { heartbeatMs: number } | null {
  try {
    const value = JSON.parse(data) as { heartbeatMs?: unknown };
    return typeof value.heartbeatMs === 'number' && value.heartbeatMs > 0
      ? { heartbeatMs: value.heartbeatMs }
      : null;
  } catch {
    return null;
  }
}
