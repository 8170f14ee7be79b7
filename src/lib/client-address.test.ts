import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it.each([
    // [X-Forwarded-For as it reaches the app, trusted proxy hops, the address rate limits key on]
    ['203.0.113.7', 0, '203.0.113.7'],
    // Direct exposure: whatever the client wrote is ignored, the socket peer (last) counts.
    ['1.2.3.4, 203.0.113.7', 0, '203.0.113.7'],
    ['spoofed, 9.9.9.9, 203.0.113.7', 0, '203.0.113.7'],
    // One proxy in front: it appended the client it saw, and we appended the proxy.
    ['198.51.100.20, 10.0.0.2', 1, '198.51.100.20'],
    ['1.1.1.1, 198.51.100.20, 10.0.0.2', 1, '198.51.100.20'],
    ['6.6.6.6, 5.5.5.5, 198.51.100.20, 10.0.0.3, 10.0.0.2', 2, '198.51.100.20'],
    // A request that bypassed the proxy has a shorter chain.
    ['203.0.113.7', 1, '203.0.113.7'],
    ['::ffff:127.0.0.1', 0, '127.0.0.1'],
    ['2001:DB8::1', 0, '2001:db8::1'],
    ['[2001:db8::1]:443', 0, '2001:db8::1'],
    ['203.0.113.7:51234', 0, '203.0.113.7'],
    ['not-an-address', 0, null],
    ['1.2.3.4, <script>', 0, null],
    ['', 0, null],
    [' , ', 0, null],
  ] as const)('%j through %d trusted hops is %j', (forwardedFor, hops, expected) => {
    expect(clientAddress(forwardedFor, hops)).toBe(expected);
  });

  it('is null without the header', () => {
    expect(clientAddress(null, 0)).toBeNull();
  });
});
