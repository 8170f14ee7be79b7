import { initTRPC, TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { db } from '../../db/client';
import { members, organizations } from '../../db/schema';
import { auth, type Role, roles } from './auth';
import { RateLimitError, toTRPCError } from './errors';
import { ownOrganizationId, recoverActiveOrganization } from './joining/queries';

export async function createTRPCContext(opts: { headers: Headers }) {
  const session = await auth.api.getSession({ headers: opts.headers });
  return { db, headers: opts.headers, session };
}

export type Context = Awaited<ReturnType<typeof createTRPCContext>>;

function describeZodError(error: ZodError) {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      message: zodError ? `Invalid input — ${describeZodError(zodError)}` : shape.message,
      data: {
        ...shape.data,
        // Stacks stay on the server.
        stack: undefined,
        zodError: zodError ? zodError.flatten() : null,
        retryAt: error.cause instanceof RateLimitError ? error.cause.retryAt.toISOString() : null,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/** Every error leaves through one mapping: domain errors get their code, unknown ones a generic message. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error);
  return result;
});

/** Mutations only from our own pages: a cross-site form or fetch is refused before it runs. */
const refuseCrossSiteMutations = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation') {
    const fetchSite = ctx.headers.get('sec-fetch-site');
    if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Cross-site requests are not allowed' });
    }
    const origin = ctx.headers.get('origin');
    const host = ctx.headers.get('x-forwarded-host') ?? ctx.headers.get('host');
    if (origin && host && new URL(origin).host !== host) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Cross-site requests are not allowed' });
    }
  }
  return next();
});

export const publicProcedure = t.procedure.use(mapErrors).use(refuseCrossSiteMutations);

function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** A signed-in user acting in their active organization; every query is scoped by `viewer.organizationId`. */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const session = ctx.session;
  if (!session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue' });
  const membershipIn = async (organizationId: string) => {
    const [row] = await ctx.db
      .select({ role: members.role, organizationName: organizations.name })
      .from(members)
      .innerJoin(organizations, eq(organizations.id, members.organizationId))
      .where(and(eq(members.organizationId, organizationId), eq(members.userId, session.user.id)))
      .limit(1);
    return row;
  };
  let organizationId = session.session.activeOrganizationId;
  let membership = organizationId ? await membershipIn(organizationId) : undefined;
  if (!membership) {
    // A session with no (or a lost) active organization recovers to the user's own, never loops to /login.
    organizationId = await ownOrganizationId(ctx.db, session.user.id);
    membership = organizationId ? await membershipIn(organizationId) : undefined;
    if (organizationId && membership)
      await recoverActiveOrganization(ctx.db, session.session.id, organizationId);
  }
  if (!organizationId)
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You are not a member of any organization' });
  if (!membership || !isRole(membership.role)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You are not a member of this organization' });
  }

  return next({
    ctx: {
      viewer: {
        userId: session.user.id,
        name: session.user.name,
        email: session.user.email,
        organizationId,
        organizationName: membership.organizationName,
        role: membership.role,
      },
    },
  });
});

export type Viewer = { userId: string; organizationId: string; role: Role; name: string; email: string };

const rank: Record<Role, number> = { agent: 0, manager: 1, admin: 2 };

export const hasRole = (viewer: Pick<Viewer, 'role'>, atLeast: Role) => rank[viewer.role] >= rank[atLeast];

function requireRole(atLeast: Role) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!hasRole(ctx.viewer, atLeast)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `Only a ${atLeast} or above can do this` });
    }
    return next();
  });
}

export const managerProcedure = requireRole('manager');
export const adminProcedure = requireRole('admin');
