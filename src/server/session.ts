import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { members, organizations, sessions, users } from '../../db/schema';
import { auth } from './auth';
import { db, type Executor, preparedStatement } from './db';

/**
 * Who is asking: the session named by the signed `session_token` cookie, checked against the
 * sessions table on every request (so sign-out, a password reset or a deleted session ends it at
 * once), joined to the user and their membership of the session's active organization — one
 * statement on the unique `sessions.token` index.
 *
 * better-auth's own `getSession` would trust its `session_data` cookie cache for minutes after
 * the session row is gone, and then needs a second query for the membership; this replaces both.
 */
export type SessionIdentity = {
  sessionId: string;
  userId: string;
  name: string;
  email: string;
  activeOrganizationId: string | null;
  /** The membership of the active organization; null when there is none (removed, or no org). */
  membership: { role: string; organizationName: string } | null;
};

/**
 * better-call signs a cookie as `encodeURIComponent(value + "." + base64(HMAC-SHA256(secret, value)))`
 * (node_modules/better-call/dist/crypto.mjs `signCookieValue`); this is its `getSignedCookie`.
 */
export function verifySignedCookieValue(raw: string, secret: string): string | null {
  const signatureStart = raw.lastIndexOf('.');
  if (signatureStart < 1) return null;
  const value = raw.slice(0, signatureStart);
  const signature = raw.slice(signatureStart + 1);
  if (signature.length !== 44 || !signature.endsWith('=')) return null;
  const expected = createHmac('sha256', secret).update(value).digest();
  const given = Buffer.from(signature, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return value;
}

/** The first cookie of that name in a `Cookie` header, URI-decoded as browsers send it encoded. */
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1 || part.slice(0, separator).trim() !== name) continue;
    let value = part.slice(separator + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The session, its user and the membership of its active organization, by the signed token:
 * prepared once per process (src/server/db.ts `preparedStatement`); the row is read fresh every time.
 */
const sessionByToken = preparedStatement('echo_session_by_token', (executor) =>
  executor
    .select({
      sessionId: sessions.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      activeOrganizationId: sessions.activeOrganizationId,
      expiresAt: sessions.expiresAt,
      role: members.role,
      organizationName: organizations.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(
      members,
      and(eq(members.organizationId, sessions.activeOrganizationId), eq(members.userId, sessions.userId)),
    )
    .leftJoin(organizations, eq(organizations.id, members.organizationId))
    .where(and(eq(sessions.token, sql.placeholder('token')), gt(sessions.expiresAt, sql`now()`)))
    .limit(1),
);

export async function resolveSession(
  headers: Headers,
  options: { responseHeaders?: Headers; executor?: Executor } = {},
): Promise<SessionIdentity | null> {
  const { responseHeaders, executor = db } = options;
  const context = await auth.$context;
  const raw = readCookie(headers.get('cookie'), context.authCookies.sessionToken.name);
  if (!raw) return null;
  const token = verifySignedCookieValue(raw, context.secret);
  if (!token) return null;

  const [row] = await sessionByToken(executor).execute({ token });
  if (!row) return null;

  // Once a day (better-auth's `updateAge`) the session's expiry slides forward; better-auth does
  // that write and re-sets the cookie, which reaches the browser when the caller has a response.
  const { expiresIn, updateAge } = context.sessionConfig;
  if (row.expiresAt.getTime() - expiresIn * 1000 + updateAge * 1000 <= Date.now()) {
    const refreshed = await auth.api.getSession({
      headers,
      query: { disableCookieCache: true },
      returnHeaders: true,
    });
    for (const cookie of refreshed.headers.getSetCookie()) responseHeaders?.append('set-cookie', cookie);
  }

  return {
    sessionId: row.sessionId,
    userId: row.userId,
    name: row.name,
    email: row.email,
    activeOrganizationId: row.activeOrganizationId,
    membership:
      row.role !== null && row.organizationName !== null
        ? { role: row.role, organizationName: row.organizationName }
        : null,
  };
}
