import { toNextJsHandler } from 'better-auth/next-js';
import { auth } from '@/server/auth';

const handler = toNextJsHandler(auth);

/**
 * The auth endpoints Echo's pages call, and nothing else: sign-up, the organization plugin's
 * member/invitation endpoints and the rest answer 404 here, so accounts, roles and memberships
 * change only through the app's own audited services (src/server/joining, src/server/settings).
 */
const exposed = {
  GET: new Set(['/get-session', '/ok', '/error']),
  POST: new Set([
    '/sign-in/email',
    '/sign-out',
    '/request-password-reset',
    '/reset-password',
    '/change-password',
  ]),
} as const;

const basePath = '/api/auth';

function only(method: keyof typeof exposed) {
  return (request: Request) => {
    const { pathname } = new URL(request.url);
    const path = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname;
    if (!exposed[method].has(path)) return new Response('Not Found', { status: 404 });
    return handler[method](request);
  };
}

export const GET = only('GET');
export const POST = only('POST');
