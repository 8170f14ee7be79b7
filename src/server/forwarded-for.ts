import http from 'node:http';
import type { Socket } from 'node:net';

const PATCHED = Symbol.for('echo.forwardedForPatched');

/**
 * Next.js copies the socket's address into `X-Forwarded-For` only when the request has none
 * (`??=` in next/dist/server/base-server.js), so a client that sends its own header hides the
 * connection it came on, and nothing downstream (src/proxy.ts, better-auth) can see the socket.
 * Appending the peer to every request, as a proxy hop does, keeps the chain honest: its last entry
 * is always the connection we accepted (src/lib/client-address.ts reads it that way).
 */
export function appendPeerToForwardedFor() {
  const prototype = http.Server.prototype as http.Server & { [PATCHED]?: boolean };
  if (prototype[PATCHED]) return;
  prototype[PATCHED] = true;
  const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage & { socket: Socket | null };
      const peer = request.socket?.remoteAddress;
      if (peer) {
        const forwarded = request.headers['x-forwarded-for'];
        const chain = Array.isArray(forwarded) ? forwarded.join(', ') : forwarded;
        request.headers['x-forwarded-for'] = chain ? `${chain}, ${peer}` : peer;
      }
    }
    return emit.call(this, event, ...args);
  } as typeof prototype.emit;
}
