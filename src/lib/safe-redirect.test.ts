import { describe, expect, it } from 'vitest';
import { DEFAULT_AFTER_SIGN_IN, safeRedirectTarget } from './safe-redirect';

const ORIGIN = 'http://localhost:3000';

describe('safeRedirectTarget', () => {
  it.each([
    // [the `next` parameter as URLSearchParams decodes it, where sign-in sends the browser]
    ['/inbox', '/inbox'],
    ['/deals/42?tab=emails#thread', '/deals/42?tab=emails#thread'],
    ['/board', '/board'],
    ['/metrics?from=2026-01-01&to=2026-01-31', '/metrics?from=2026-01-01&to=2026-01-31'],
    // The reported probes: /%5Cevil.invalid/, /%09/evil.invalid/, /%5C/evil.invalid/.
    ['/\\evil.invalid/', DEFAULT_AFTER_SIGN_IN],
    ['/\t/evil.invalid/', DEFAULT_AFTER_SIGN_IN],
    ['/\\/evil.invalid/', DEFAULT_AFTER_SIGN_IN],
    ['//evil.invalid/', DEFAULT_AFTER_SIGN_IN],
    ['/\n/evil.invalid', DEFAULT_AFTER_SIGN_IN],
    ['/\r\n/evil.invalid', DEFAULT_AFTER_SIGN_IN],
    ['/ /evil.invalid', '/%20/evil.invalid'],
    ['https://evil.invalid/', DEFAULT_AFTER_SIGN_IN],
    ['http://localhost:3000.evil.invalid/', DEFAULT_AFTER_SIGN_IN],
    ['javascript:alert(1)', DEFAULT_AFTER_SIGN_IN],
    ['evil.invalid', DEFAULT_AFTER_SIGN_IN],
    // Same origin, but a path the router would read as protocol-relative.
    ['/.//evil.invalid/', DEFAULT_AFTER_SIGN_IN],
    ['/..//evil.invalid', DEFAULT_AFTER_SIGN_IN],
    ['/inbox/../deals', '/deals'],
    ['', DEFAULT_AFTER_SIGN_IN],
    [null, DEFAULT_AFTER_SIGN_IN],
  ])('next=%j goes to %j', (next, expected) => {
    expect(safeRedirectTarget(next, ORIGIN)).toBe(expected);
  });

  it('never leaves the origin, whatever the input', () => {
    const pieces = ['/', '\\', '\t', '\n', '.', '..', '@', 'evil.invalid', ':', '%2F', '%5C', '?', '#', ' '];
    for (const a of pieces)
      for (const b of pieces)
        for (const c of pieces) {
          const target = safeRedirectTarget(`/${a}${b}${c}`, ORIGIN);
          expect(new URL(target, ORIGIN).origin).toBe(ORIGIN);
          expect(target.startsWith('//')).toBe(false);
        }
  });
});
