import { handleResendWebhook } from '@/server/inbound/webhook';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Every Resend event; src/server/inbound/webhook.ts says what each status code means. */
export async function POST(request: Request) {
  const outcome = await handleResendWebhook({ rawBody: await request.text(), headers: request.headers });
  return Response.json(outcome.body, { status: outcome.status });
}
