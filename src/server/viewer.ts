import type { Role } from './auth';

/**
 * Who is acting, as services see them. Beside auth rather than in trpc.ts, so services never
 * import the transport layer (layers point one way: router → service → db).
 */
export type Viewer = { userId: string; organizationId: string; role: Role; name: string; email: string };

/** The member a service acts for: who, in which organization, with which role (the audit's actor is `audit.Actor`). */
export type Member = Pick<Viewer, 'userId' | 'organizationId' | 'role'>;

const rank: Record<Role, number> = { agent: 0, manager: 1, admin: 2 };

export const hasRole = (viewer: Pick<Viewer, 'role'>, atLeast: Role) => rank[viewer.role] >= rank[atLeast];
