import { TRPCError } from '@trpc/server';

type ErrorCode =
  | 'BAD_REQUEST'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'PRECONDITION_FAILED';

/** The base of every error a service throws on purpose; its message is safe to show. */
export abstract class ServiceError extends Error {
  abstract readonly code: ErrorCode;
}

export class BadInputError extends ServiceError {
  readonly code = 'BAD_REQUEST';
}

export class ForbiddenError extends ServiceError {
  readonly code = 'FORBIDDEN';
}

/** Also what another organization's record answers: it must look exactly like a missing one. */
export class NotFoundError extends ServiceError {
  readonly code = 'NOT_FOUND';
  constructor(entity: string, id: number | string) {
    super(`${entity} ${id} was not found`);
  }
}

export class ConflictError extends ServiceError {
  readonly code = 'CONFLICT';
}

export class DraftConflictError extends ConflictError {
  constructor(readonly currentRevision?: number) {
    super('This draft was changed by someone else; reload to see the latest version.');
  }
}

/** A space or a deal saved from a stale revision: someone else saved in between. */
export class RecordConflictError extends ConflictError {
  constructor(
    entity: 'space' | 'deal',
    readonly currentRevision: number,
  ) {
    super(`This ${entity} was changed by someone else; reload to see their changes, then save yours again.`);
  }
}

export class InvalidTransitionError extends ServiceError {
  readonly code = 'PRECONDITION_FAILED';
}

export class RateLimitError extends ServiceError {
  readonly code = 'TOO_MANY_REQUESTS';
  constructor(
    message: string,
    readonly retryAt: Date,
  ) {
    super(message);
  }
}

export class RegenerationLimitError extends RateLimitError {
  constructor(retryAt: Date) {
    super(
      `No regenerations left for this draft; the next one is allowed at ${retryAt.toISOString()}.`,
      retryAt,
    );
  }
}

/** The one mapping from anything thrown to what the client sees. Unknown errors stay on the server. */
export function toTRPCError(error: unknown): TRPCError {
  const cause = error instanceof TRPCError && error.cause ? error.cause : error;
  if (cause instanceof ServiceError) {
    return new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') return error;
  console.error('Unexpected error', cause);
  return new TRPCError({
    code: 'INTERNAL_SERVER_ERROR',
    message: 'Something went wrong on our side. Try again.',
  });
}
