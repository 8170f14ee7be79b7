import { type NextRequest, NextResponse } from 'next/server';
import { CLIENT_ADDRESS_HEADER, clientAddress } from './lib/client-address';
import { createNonce, securityHeaders } from './lib/security-headers';
import { env } from './server/env';

/**
 * In front of every route: security headers on every response (a fresh CSP nonce per page), and
 * the client's real address for the rate limits, worked out once from `X-Forwarded-For` through
 * `TRUSTED_PROXY` hops. Any `x-echo-client-address` the client sent is replaced here.
 */
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const forwardedProto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  const isHttps = request.nextUrl.protocol === 'https:' || forwardedProto === 'https';
  const headers = securityHeaders({ nonce, isDevelopment: !env.isProduction, isHttps });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(CLIENT_ADDRESS_HEADER);
  const address = clientAddress(request.headers.get('x-forwarded-for'), env.TRUSTED_PROXY);
  if (address) requestHeaders.set(CLIENT_ADDRESS_HEADER, address);
  // Next.js takes the nonce for its scripts from the request's CSP header.
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy'] ?? '');
  requestHeaders.set('x-nonce', nonce);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Hashed build assets need none of it; nor does the tRPC route, which sets its own (static)
  // security headers and reads no client address (sign-in's rate limits are under /api/auth).
  matcher: ['/((?!_next/static|_next/image|api/trpc).*)'],
};
