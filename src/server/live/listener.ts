import pg from 'pg';
import { env } from '../env';
import { LIVE_CHANNEL, type LiveEvent, liveEventSchema } from './schemas';

export type LiveSubscriber = (event: LiveEvent | { kind: 'resync' }) => void;

const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 30_000;

/**
 * One dedicated connection per process that LISTENs on `echo_events` and fans each notification
 * out to the subscribers of its organization (the open event streams of this process). The
 * database is the bus: every app instance has its own listener and hears every commit, whoever
 * made it. The connection is opened with the first subscriber and re-opened with backoff when it
 * drops; subscribers then get `resync`, since what was notified meanwhile is gone.
 */
export class LiveListener {
  private readonly subscribers = new Map<string, Set<LiveSubscriber>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private backoffMs = MIN_BACKOFF_MS;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private isClosed = false;
  private needsResync = false;

  constructor(
    private readonly connectionString: string,
    private readonly log: Pick<Console, 'warn'> = console,
  ) {}

  /** Resolves once this process is listening, so nothing committed after it is missed. */
  async subscribe(organizationId: string, subscriber: LiveSubscriber): Promise<() => void> {
    let set = this.subscribers.get(organizationId);
    if (!set) {
      set = new Set();
      this.subscribers.set(organizationId, set);
    }
    set.add(subscriber);
    const unsubscribe = () => {
      const current = this.subscribers.get(organizationId);
      current?.delete(subscriber);
      if (current?.size === 0) this.subscribers.delete(organizationId);
    };
    try {
      await this.ensureListening();
    } catch (error) {
      // The stream stays subscribed: the reconnect loop brings it back with a `resync`.
      this.log.warn('live: LISTEN failed, retrying', error);
    }
    return unsubscribe;
  }

  get subscriberCount() {
    let count = 0;
    for (const set of this.subscribers.values()) count += set.size;
    return count;
  }

  get isListening() {
    return this.client !== null;
  }

  async close() {
    this.isClosed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.subscribers.clear();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** For tests: drop the connection as a network failure or a database restart would. */
  async simulateDisconnect() {
    const client = this.client;
    if (!client) return;
    // A terminated backend is what a restart looks like from here: the client emits 'error'/'end'.
    const killer = new pg.Client({ connectionString: this.connectionString });
    await killer.connect();
    try {
      await killer.query('select pg_terminate_backend($1)', [
        (client as unknown as { processID: number }).processID,
      ]);
    } finally {
      await killer.end();
    }
  }

  private ensureListening(): Promise<void> {
    if (this.client) return Promise.resolve();
    if (!this.connecting) {
      this.connecting = this.connect().finally(() => {
        this.connecting = null;
      });
    }
    return this.connecting;
  }

  private async connect() {
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: 'echo-live',
      keepAlive: true,
    });
    client.on('notification', (message) => this.dispatch(message.payload));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      this.needsResync = true;
      this.scheduleReconnect(this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
      throw error;
    }
    if (this.isClosed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.backoffMs = MIN_BACKOFF_MS;
    if (this.needsResync) {
      this.needsResync = false;
      this.broadcast({ kind: 'resync' });
    }
  }

  private lost(client: pg.Client, error?: Error) {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners('notification');
    void client.end().catch(() => undefined);
    if (this.isClosed) return;
    this.log.warn('live: the LISTEN connection dropped; reconnecting', error?.message ?? '');
    this.needsResync = true;
    this.scheduleReconnect(MIN_BACKOFF_MS);
  }

  private scheduleReconnect(delayMs: number) {
    if (this.isClosed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.subscriberCount === 0 || this.client) return;
      this.ensureListening().catch((error) => this.log.warn('live: reconnect failed', error?.message ?? ''));
    }, delayMs);
    this.retryTimer.unref?.();
  }

  private dispatch(payload: string | undefined) {
    if (!payload) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    const event = liveEventSchema.safeParse(parsed);
    if (!event.success) return;
    for (const subscriber of this.subscribers.get(event.data.organizationId) ?? []) subscriber(event.data);
  }

  private broadcast(event: { kind: 'resync' }) {
    for (const set of this.subscribers.values()) for (const subscriber of set) subscriber(event);
  }
}

// One per process, kept across Next.js dev reloads.
const globalForLive = globalThis as unknown as { echoLiveListener?: LiveListener };

export function liveListener(): LiveListener {
  globalForLive.echoLiveListener ??= new LiveListener(env.DATABASE_URL);
  return globalForLive.echoLiveListener;
}
