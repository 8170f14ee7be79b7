import type { BetterAuthPlugin } from 'better-auth';
import { createAuthMiddleware } from 'better-auth/api';
import { CLIENT_ADDRESS_HEADER } from '../lib/client-address';

/**
 * Sign-in limits sized for a brokerage behind one office address: thirty brokers arriving at 9 am
 * share an address, so the per-address ceiling is generous, and guessing one account's password
 * is held back by a strict per-account limit whichever address the guesses come from.
 */
// The counters live in each web process's memory, and `make start` runs one web process per core
// (scripts/cluster.ts sets ECHO_WEB_PROCESSES) with connections dealt round-robin: each process
// allows its share, so the site as a whole allows about the ceiling, not the ceiling per process.
const webProcesses = Math.max(1, Number(process.env.ECHO_WEB_PROCESSES) || 1);
const perProcess = (max: number) => Math.max(1, Math.ceil(max / webProcesses));
export const SIGN_IN_PER_ADDRESS = { window: 60, max: perProcess(100) };
export const SIGN_IN_PER_ACCOUNT = { window: 15 * 60, max: perProcess(10) };

/** better-auth's `rateLimit` and `advanced.ipAddress` options: keyed on the address src/proxy.ts resolved. */
export const rateLimitOptions = {
  window: 10,
  max: perProcess(100),
  customRules: {
    '/sign-in/*': SIGN_IN_PER_ADDRESS,
    '/sign-up/*': SIGN_IN_PER_ADDRESS,
  },
};
export const ipAddressOptions = { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] };

type Bucket = { count: number; windowEndsAt: number };
const MAX_TRACKED_ACCOUNTS = 100_000;

/** A fixed-window counter in memory, like better-auth's own default store (one web process). */
export function createWindowCounter(rule: { window: number; max: number }) {
  const buckets = new Map<string, Bucket>();
  return {
    /** Counts one attempt; the seconds to wait when it is over the limit, otherwise null. */
    consume(key: string, now = Date.now()): number | null {
      const bucket = buckets.get(key);
      if (!bucket || bucket.windowEndsAt <= now) {
        if (buckets.size >= MAX_TRACKED_ACCOUNTS) {
          for (const [staleKey, stale] of buckets) if (stale.windowEndsAt <= now) buckets.delete(staleKey);
          if (buckets.size >= MAX_TRACKED_ACCOUNTS) buckets.clear();
        }
        buckets.set(key, { count: 1, windowEndsAt: now + rule.window * 1000 });
        return null;
      }
      if (bucket.count >= rule.max) return Math.ceil((bucket.windowEndsAt - now) / 1000);
      bucket.count += 1;
      return null;
    },
    /** Forgets the key's attempts: a successful sign-in is not a guess. */
    forget(key: string) {
      buckets.delete(key);
    },
    reset() {
      buckets.clear();
    },
  };
}

export const signInAttemptsPerAccount = createWindowCounter(SIGN_IN_PER_ACCOUNT);

async function signInEmailOf(request: Request): Promise<string | null> {
  try {
    const body: unknown = await request.clone().json();
    if (body && typeof body === 'object' && 'email' in body && typeof body.email === 'string') {
      return body.email.trim().toLowerCase();
    }
  } catch {
    // Not JSON: better-auth answers it as bad input itself.
  }
  return null;
}

/**
 * The per-account half of the sign-in limit; runs wherever better-auth's rate limit is on. Guesses
 * count; a sign-in that succeeds (allowed only while under the limit) clears its account's count,
 * so a broker signing in on a laptop, a phone and a second browser is never locked out.
 */
export function accountSignInLimit(): BetterAuthPlugin {
  return {
    id: 'echo-account-sign-in-limit',
    hooks: {
      after: [
        {
          matcher: (context) => context.path === '/sign-in/email',
          handler: createAuthMiddleware(async (ctx) => {
            const email = (ctx.body as { email?: unknown } | undefined)?.email;
            if (ctx.context.newSession && typeof email === 'string') {
              signInAttemptsPerAccount.forget(email.trim().toLowerCase());
            }
          }),
        },
      ],
    },
    async onRequest(request, ctx) {
      if (!ctx.rateLimit.enabled || request.method !== 'POST') return;
      if (!new URL(request.url).pathname.endsWith('/sign-in/email')) return;
      const email = await signInEmailOf(request);
      if (!email) return;
      const retryAfter = signInAttemptsPerAccount.consume(email);
      if (retryAfter === null) return;
      return {
        response: Response.json(
          { message: 'Too many sign-in attempts for this account. Try again later.' },
          {
            status: 429,
            headers: { 'X-Retry-After': String(retryAfter), 'Retry-After': String(retryAfter) },
          },
        ),
      };
    },
  };
}
