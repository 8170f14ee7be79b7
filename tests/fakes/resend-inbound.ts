import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GetReceivingEmailResponseSuccess } from 'resend';

export type FakeReceivedEmail = GetReceivingEmailResponseSuccess;

/**
 * Resend's receiving API (`GET /emails/receiving/:id`) as a real HTTP server on loopback: the SDK
 * is pointed at it with `RESEND_BASE_URL`. Tests put the emails it should return with `add`.
 */
export async function startFakeResendInbound() {
  const emails = new Map<string, FakeReceivedEmail>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(`${request.method} ${url.pathname}`);
    const match = /^\/emails\/receiving\/([^/]+)$/.exec(url.pathname);
    const email = match?.[1] ? emails.get(decodeURIComponent(match[1])) : undefined;
    if (request.method !== 'GET' || !match) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ statusCode: 404, name: 'not_found', message: 'Route not found' }));
      return;
    }
    if (!request.headers.authorization?.startsWith('Bearer ')) {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ statusCode: 401, name: 'missing_api_key', message: 'Missing API key' }));
      return;
    }
    if (!email) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ statusCode: 404, name: 'not_found', message: 'Email not found' }));
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(email));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Makes `GET /emails/receiving/:id` answer this email; fields not given get plausible values. */
    add(email: Partial<FakeReceivedEmail> & Pick<FakeReceivedEmail, 'id' | 'from' | 'to'>) {
      const full: FakeReceivedEmail = {
        object: 'email',
        created_at: new Date().toISOString(),
        subject: '',
        bcc: null,
        cc: null,
        reply_to: null,
        received_for: email.to,
        html: null,
        text: null,
        headers: {},
        message_id: `<${email.id}@mail.example>`,
        attachments: [],
        ...email,
      };
      emails.set(email.id, full);
      return full;
    },
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

export type FakeResendInbound = Awaited<ReturnType<typeof startFakeResendInbound>>;

/**
 * The fake receiving API with the app pointed at it (RESEND_* set), a webhook secret, and `stop`
 * to undo both. Call it from `vi.hoisted`: src/server/env.ts reads these once, before anything loads.
 */
export async function startInboundEnvironment() {
  const { randomBytes } = await import('node:crypto');
  const fake = await startFakeResendInbound();
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  process.env.RESEND_BASE_URL = fake.url;
  process.env.RESEND_API_KEY = 're_test_inbound';
  process.env.RESEND_WEBHOOK_SECRET = secret;
  async function stop() {
    await fake.close();
    delete process.env.RESEND_BASE_URL;
    delete process.env.RESEND_API_KEY;
    delete process.env.RESEND_WEBHOOK_SECRET;
  }
  return { fake, secret, stop };
}
