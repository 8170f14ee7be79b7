import type { Role } from './auth';

/**
 * Who is acting, as services see them. Beside auth rather than in trpc.ts, so services never
 * import the transport layer (layers point one way: router → service → db).
 */
export type Viewer = { userId: string; organizationId: string; role: Role; name: string; email: string };

const rank: Record<Role, number> = { agent: 0, manager: 1, admin: 2 };

export const hasRole = (viewer: Pick<Viewer, 'role'>, atLeast: Role) => rank[viewer.role] >= rank[atLeast];
