/**
 * The headers every response carries (set in src/proxy.ts). Scripts run only with this request's
 * nonce, which Next.js reads back from the request's CSP header and puts on its own inline and
 * bundle scripts; 'strict-dynamic' lets those load the chunks they need. Styles may be inline:
 * React `style` attributes and the toaster's injected sheet need it, and a style cannot run code.
 */
export function contentSecurityPolicy(options: { nonce: string; isDevelopment: boolean; isHttps: boolean }) {
  const directives = [
    "default-src 'self'",
    // React's development build reconstructs server stacks with eval; production never evals.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.isDevelopment ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.isHttps ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

export function securityHeaders(options: { nonce: string; isDevelopment: boolean; isHttps: boolean }) {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    ...(options.isHttps ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  } as Record<string, string>;
}

/** A fresh, unguessable nonce per response. */
export function createNonce() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The headers of a JSON API response (the tRPC route, which src/proxy.ts does not run for): the
 * same as a page's but with a CSP that allows nothing, as JSON loads nothing. Static, so built once.
 */
export function apiSecurityHeaders(options: { isHttps: boolean }) {
  const { 'Content-Security-Policy': _pageCsp, ...rest } = securityHeaders({
    nonce: 'none',
    isDevelopment: false,
    isHttps: options.isHttps,
  });
  return { ...rest, 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'" };
}
