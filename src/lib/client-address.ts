/**
 * The address a request really came from. `X-Forwarded-For` is a chain each hop appends to
 * ("client, proxy1, proxy2"), and its left part is whatever the client chose to send; only the
 * entries our own proxies appended can be believed. src/instrumentation.ts appends the socket's
 * peer address, so the last entry is always the connection we accepted, and with `trustedHops`
 * proxies in front of us the client is the entry that many places further left.
 */

/** Set by src/proxy.ts on every request (any value the client sent is replaced); read by better-auth. */
export const CLIENT_ADDRESS_HEADER = 'x-echo-client-address';

const ADDRESS = /^[0-9A-Fa-f:.]{2,45}$/;

function normalize(entry: string): string | null {
  let address = entry.trim();
  // "[2001:db8::1]:443" and "203.0.113.7:51234" as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(address))
    address = address.slice(0, address.lastIndexOf(':'));
  if (address.toLowerCase().startsWith('::ffff:') && address.includes('.')) address = address.slice(7);
  return ADDRESS.test(address) ? address.toLowerCase() : null;
}

export function clientAddress(forwardedFor: string | null, trustedHops: number): string | null {
  if (!forwardedFor) return null;
  const chain = forwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return null;
  // Fewer entries than trusted hops: the request skipped a proxy; the leftmost is all there is.
  const index = Math.max(0, chain.length - 1 - trustedHops);
  return normalize(chain[index] ?? '');
}
