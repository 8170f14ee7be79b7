import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { createAccessControl } from 'better-auth/plugins/access';
import { organization } from 'better-auth/plugins/organization';
import { adminAc, defaultStatements, memberAc } from 'better-auth/plugins/organization/access';
import * as schema from '../../db/schema';
import { db } from './db';
import { env } from './env';
import { auditPasswordChange, RESET_TOKEN_MINUTES, sendPasswordResetEmail } from './joining/passwords';
import { ownOrganizationId } from './joining/queries';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './joining/schemas';
import { accountSignInLimit, ipAddressOptions, rateLimitOptions } from './rate-limit';

export const roles = ['agent', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

const accessControl = createAccessControl(defaultStatements);

export const auth = betterAuth({
  appName: 'Echo',
  baseURL: env.APP_URL,
  secret: env.AUTH_SECRET,
  trustedOrigins: [env.APP_URL, `http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`],
  telemetry: { enabled: false },
  database: drizzleAdapter(db, { provider: 'pg', schema, usePlural: true }),
  emailAndPassword: {
    enabled: true,
    minPasswordLength: MIN_PASSWORD_LENGTH,
    maxPasswordLength: MAX_PASSWORD_LENGTH,
    // Accounts come only from /setup, /signup and invitations (src/server/joining), each with its
    // organization and membership in one transaction; better-auth's own sign-up would make an
    // account that belongs nowhere.
    disableSignUp: true,
    resetPasswordTokenExpiresIn: RESET_TOKEN_MINUTES * 60,
    revokeSessionsOnPasswordReset: true,
    sendResetPassword: ({ user, token }) =>
      sendPasswordResetEmail(db, { userId: user.id, name: user.name, email: user.email, token }),
    onPasswordReset: ({ user }) =>
      auditPasswordChange(db, { userId: user.id, action: 'user.password_reset' }),
  },
  session: {
    // No session data in a cookie: a cached copy outlives sign-out. src/server/session.ts checks
    // the sessions table on every request instead, in the one statement that also reads the role.
    cookieCache: { enabled: false },
  },
  rateLimit: rateLimitOptions,
  advanced: { ipAddress: ipAddressOptions },
  databaseHooks: {
    session: {
      create: {
        // A user lands in their own organization on sign-in: every query needs an active one.
        before: async (session) => ({
          data: { ...session, activeOrganizationId: await ownOrganizationId(db, session.userId) },
        }),
      },
    },
    account: {
      update: {
        // Only `/change-password` updates one credential row; a reset is audited by onPasswordReset.
        after: async (account, context) => {
          if (context?.path === '/change-password' && account?.userId) {
            await auditPasswordChange(db, { userId: account.userId, action: 'user.password_changed' });
          }
        },
      },
    },
  },
  hooks: {
    // Members and invitations change only through Echo's own audited services (src/server/settings,
    // src/server/joining); the organization plugin's endpoints would change roles unaudited and
    // unvalidated, and a refused one clears the session's active organization. The HTTP route
    // exposes none of them either (src/app/api/auth/[...all]/route.ts); this covers server calls.
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.path.startsWith('/organization/') || ctx.path.startsWith('/sign-up/')) {
        throw new APIError('NOT_FOUND', { message: 'Not found' });
      }
    }),
  },
  plugins: [
    organization({
      ac: accessControl,
      roles: {
        agent: accessControl.newRole(memberAc.statements),
        manager: accessControl.newRole(memberAc.statements),
        admin: accessControl.newRole(adminAc.statements),
      },
      creatorRole: 'admin',
      allowUserToCreateOrganization: false,
    }),
    accountSignInLimit(),
    nextCookies(),
  ],
});

export type AuthSession = NonNullable<Awaited<ReturnType<typeof auth.api.getSession>>>;
