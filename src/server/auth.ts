import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import { createAccessControl } from 'better-auth/plugins/access';
import { organization } from 'better-auth/plugins/organization';
import { adminAc, defaultStatements, memberAc } from 'better-auth/plugins/organization/access';
import { asc, eq } from 'drizzle-orm';
import { db } from '../../db/client';
import * as schema from '../../db/schema';
import { env } from './env';
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
  emailAndPassword: { enabled: true, minPasswordLength: 8, revokeSessionsOnPasswordReset: true },
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
        // A user lands in their (first) organization on sign-in: every query needs an active one.
        before: async (session) => {
          const [membership] = await db
            .select({ organizationId: schema.members.organizationId })
            .from(schema.members)
            .where(eq(schema.members.userId, session.userId))
            .orderBy(asc(schema.members.createdAt))
            .limit(1);
          return { data: { ...session, activeOrganizationId: membership?.organizationId ?? null } };
        },
      },
    },
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
