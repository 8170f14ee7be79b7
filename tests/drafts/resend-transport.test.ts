import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRetryAfter, resendTransport } from '../../src/server/mail/resend';
import type { OutgoingEmail } from '../../src/server/mail/transport';
import { type FakeResend, startFakeResend } from '../fakes/resend';

let fake: FakeResend;

beforeAll(async () => {
  fake = await startFakeResend();
});

afterAll(async () => {
  await fake.close();
});

const email: OutgoingEmail = {
  organizationId: 'org',
  emailId: 1,
  from: 'Tandem <deals@tandem.echo.test>',
  to: 'priya@acmeanalytics.example',
  subject: 'Re: Parking',
  text: 'Parking is $275/month.',
  headers: { 'In-Reply-To': '<a@b>' },
  idempotencyKey: 'send/1',
};

describe('the Resend transport (real SDK against the fake)', () => {
  it('sends with the API key and the idempotency key, and returns the provider id', async () => {
    const transport = resendTransport({ apiKey: 're_test_key', baseUrl: fake.url });
    const result = await transport.send(email);
    expect(result).toMatchObject({
      outcome: 'accepted',
      status: 'sent',
      providerMessageId: fake.deliveries[0]?.id,
    });
    const [request] = fake.emailRequests();
    expect(request?.headers.authorization).toBe('Bearer re_test_key');
    expect(request?.idempotencyKey).toBe('send/1');
    expect(request?.body).toMatchObject({ to: email.to, subject: email.subject, text: email.text });
    const again = await transport.send(email);
    expect(again).toEqual(result);
    expect(fake.deliveries).toHaveLength(1);
  });

  it('treats 429 as retryable and reads Retry-After', async () => {
    fake.script({ kind: 'error', status: 429, retryAfter: 7 });
    const result = await resendTransport({ apiKey: 'k', baseUrl: fake.url }).send(email);
    expect(result).toMatchObject({ outcome: 'retryable', retryAfterSeconds: 7 });
  });

  it('treats 5xx as retryable and 4xx as a refusal', async () => {
    fake.script(
      { kind: 'error', status: 503 },
      { kind: 'error', status: 403, message: 'Domain not verified' },
    );
    const transport = resendTransport({ apiKey: 'k', baseUrl: fake.url });
    expect(await transport.send(email)).toMatchObject({ outcome: 'retryable', retryAfterSeconds: null });
    expect(await transport.send(email)).toMatchObject({
      outcome: 'rejected',
      message: 'Resend 403: Domain not verified',
    });
  });

  it('treats no answer (a hung request, a closed port) as retryable', async () => {
    fake.script({ kind: 'hang', deliver: false });
    const hung = await resendTransport({ apiKey: 'k', baseUrl: fake.url, timeoutMs: 200 }).send(email);
    expect(hung).toMatchObject({ outcome: 'retryable' });
    const closed = await startFakeResend();
    const url = closed.url;
    await closed.close();
    expect(await resendTransport({ apiKey: 'k', baseUrl: url }).send(email)).toMatchObject({
      outcome: 'retryable',
    });
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  it.each([
    ['3', 3],
    ['0', 0],
    ['Sun, 29 Nov 2026 12:00:30 GMT', 30],
    ['Sun, 29 Nov 2026 11:00:00 GMT', 0],
    ['soon', null],
    [null, null],
  ])('%j → %j seconds', (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });
});
