import { auth } from '../src/server/auth';
import { db } from '../src/server/db';
import { createCaller } from '../src/server/root';
import { DEMO_PASSWORD, seed } from '../src/server/seed/seed';
import { createTRPCContext } from '../src/server/trpc';

export { db };

/** The demo data, in this test file's own database. */
export async function seedDemo(now = new Date()) {
  await seed(db, now);
}

/** Signs in through the real auth endpoints and returns the session cookie. */
export async function signInCookie(email: string, password = DEMO_PASSWORD) {
  const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
  if (!response.ok) throw new Error(`Sign-in failed for ${email}: ${response.status}`);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  return cookies.join('; ');
}

/** A tRPC caller with a real session, as the browser would have after signing in. */
export async function callerFor(email: string) {
  const cookie = await signInCookie(email);
  return createCaller(await createTRPCContext({ headers: new Headers({ cookie }) }));
}

export async function anonymousCaller() {
  return createCaller(await createTRPCContext({ headers: new Headers() }));
}
