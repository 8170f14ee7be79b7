import { initTRPC, TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { members, organizations } from '../../db/schema';
import { findInputProblem } from '../lib/input-policy';
import { type Role, roles } from './auth';
import { db } from './db';
import { RateLimitError, toTRPCError } from './errors';
import { ownOrganizationId, recoverActiveOrganization } from './joining/queries';
import { resolveSession } from './session';
import { hasRole } from './viewer';

/**
 * `responseHeaders`, when the caller has a response (the tRPC route), receives the refreshed
 * session cookie on the one request a day that slides the session's expiry. `withSession: false`
 * (the route, when every call of the request is a public procedure that reads no session, such as
 * `health`) skips the lookup: the context has no session, so an authed procedure would refuse.
 */
export async function createTRPCContext(opts: {
  headers: Headers;
  responseHeaders?: Headers;
  withSession?: boolean;
}) {
  const session =
    opts.withSession === false
      ? null
      : await resolveSession(opts.headers, { responseHeaders: opts.responseHeaders });
  return { db, headers: opts.headers, session };
}

export type Context = Awaited<ReturnType<typeof createTRPCContext>>;

function describeZodError(error: ZodError) {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}

/**
 * zod's issues by field, each field named by its whole path ("availability.thursday", where
 * `flatten()` would say only "availability"), so a form can say which nested field is wrong.
 */
function fieldErrorsOf(error: ZodError) {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    if (issue.path.length === 0) {
      formErrors.push(issue.message);
      continue;
    }
    const field = issue.path.join('.');
    fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
  }
  return { fieldErrors, formErrors };
}

/** Per-procedure knobs read by the middlewares below. */
export type ProcedureMeta = { maxStringLength?: number };

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
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
          zodError: zodError ? fieldErrorsOf(zodError) : null,
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
    // `Origin: null` (a sandboxed frame, a file) or one that is not a URL is not our page either.
    if (origin && host && originHost(origin) !== host) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Cross-site requests are not allowed' });
    }
  }
  return next();
});

function originHost(origin: string): string | null {
  if (!URL.canParse(origin)) return null;
  return new URL(origin).host;
}

/**
 * Every input passes one policy before the procedure's own schema (src/lib/input-policy.ts): it
 * sits in `publicProcedure`, so a procedure added tomorrow cannot forget it.
 */
const enforceInputPolicy = t.middleware(async ({ getRawInput, meta, next }) => {
  let input: unknown;
  try {
    input = await getRawInput();
  } catch {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid input — input: not readable' });
  }
  const problem = findInputProblem(input, { maxStringLength: meta?.maxStringLength });
  if (problem) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Invalid input — ${problem.path}: ${problem.problem}`,
    });
  }
  return next();
});

export const publicProcedure = t.procedure
  .use(mapErrors)
  .use(refuseCrossSiteMutations)
  .use(enforceInputPolicy);

function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** A signed-in user acting in their active organization; every query is scoped by `viewer.organizationId`. */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const session = ctx.session;
  if (!session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue' });
  let organizationId = session.activeOrganizationId;
  // Resolved with the session itself, in the same statement (src/server/session.ts).
  let membership = session.membership;
  if (!membership) {
    // A session with no (or a lost) active organization recovers to the user's own, never loops to /login.
    organizationId = await ownOrganizationId(ctx.db, session.userId);
    const [row] = organizationId
      ? await ctx.db
          .select({ role: members.role, organizationName: organizations.name })
          .from(members)
          .innerJoin(organizations, eq(organizations.id, members.organizationId))
          .where(and(eq(members.organizationId, organizationId), eq(members.userId, session.userId)))
          .limit(1)
      : [];
    membership = row ?? null;
    if (organizationId && membership)
      await recoverActiveOrganization(ctx.db, session.sessionId, organizationId);
  }
  if (!organizationId)
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You are not a member of any organization' });
  if (!membership || !isRole(membership.role)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You are not a member of this organization' });
  }
  const role = membership.role;

  return next({
    ctx: {
      viewer: {
        userId: session.userId,
        name: session.name,
        email: session.email,
        organizationId,
        organizationName: membership.organizationName,
        role,
      },
    },
  });
});

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
