import { and, desc, eq } from 'drizzle-orm';
import { devMailbox } from '../../db/schema';
import { GET, POST } from '../../src/app/api/auth/[...all]/route';
import { env } from '../../src/server/env';
import { createCaller } from '../../src/server/root';
import { createTRPCContext } from '../../src/server/trpc';
import { db } from '../helpers';

/** A request to the auth route handler exactly as the browser sends it (same origin, JSON). */
export async function authRequest(
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; cookie?: string } = {},
) {
  const headers = new Headers({ origin: env.APP_URL });
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  if (options.cookie) headers.set('cookie', options.cookie);
  const request = new Request(`${env.APP_URL}/api/auth${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return method === 'GET' ? GET(request) : POST(request);
}

/** The cookies a response sets, as a Cookie header. */
export const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');

/** Only the session token: the server must look the session up instead of trusting the signed cache. */
export const tokenOnly = (cookie: string) =>
  cookie
    .split('; ')
    .filter((part) => part.startsWith('better-auth.session_token='))
    .join('; ');

export async function signInOverHttp(email: string, password: string) {
  const response = await authRequest('POST', '/sign-in/email', { body: { email, password } });
  return { response, cookie: cookiesOf(response) };
}

export async function callerWithCookie(cookie: string) {
  return createCaller(await createTRPCContext({ headers: new Headers({ cookie }) }));
}

/** The newest development-mailbox message to an address, of a kind. */
export async function lastMailTo(to: string, kind: 'invitation' | 'password_reset') {
  const [message] = await db
    .select()
    .from(devMailbox)
    .where(and(eq(devMailbox.toAddress, to), eq(devMailbox.kind, kind)))
    .orderBy(desc(devMailbox.id))
    .limit(1);
  return message ?? null;
}

export const linkIn = (body: string, path: string) => {
  const match = new RegExp(`https?://\\S+${path.replace(/[/?]/g, '\\$&')}\\S*`).exec(body);
  return match ? new URL(match[0]) : null;
};
