import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce, securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('allows scripts only with the nonce, forbids framing, and evals only in development', () => {
    const production = contentSecurityPolicy({ nonce: 'abc123==', isDevelopment: false, isHttps: false });
    expect(production).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(production).toContain("frame-ancestors 'none'");
    expect(production).toContain("object-src 'none'");
    expect(production).not.toContain('unsafe-eval');
    expect(production).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(contentSecurityPolicy({ nonce: 'n', isDevelopment: true, isHttps: false })).toContain(
      "'unsafe-eval'",
    );
  });

  it('sends HSTS and upgrades requests only over https', () => {
    const http = securityHeaders({ nonce: 'n', isDevelopment: false, isHttps: false });
    const https = securityHeaders({ nonce: 'n', isDevelopment: false, isHttps: true });
    expect(http['Strict-Transport-Security']).toBeUndefined();
    expect(http['Content-Security-Policy']).not.toContain('upgrade-insecure-requests');
    expect(https['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}/);
    expect(https['Content-Security-Policy']).toContain('upgrade-insecure-requests');
    expect(https).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    });
  });

  it('makes a new nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
