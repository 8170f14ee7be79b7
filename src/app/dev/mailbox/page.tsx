import { TRPCError } from '@trpc/server';
import { notFound, redirect } from 'next/navigation';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { serverApi } from '@/trpc/server';

export const metadata = { title: 'Development mailbox' };
export const dynamic = 'force-dynamic';

async function loadMailbox() {
  try {
    return await (await serverApi()).drafts.devMailbox();
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') redirect('/login');
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) notFound();
    throw error;
  }
}

const kindLabels: Record<string, string> = {
  reply: 'Reply',
  invitation: 'Invitation',
  password_reset: 'Password reset',
};

/** The body as text, with its links clickable (invitations and resets are only useful that way here). */
function BodyWithLinks({ body }: { body: string }) {
  const parts = body.split(/(https?:\/\/[^\s]+)/g);
  return (
    <pre className="whitespace-pre-wrap break-words font-sans text-sm">
      {parts.map((part, index) =>
        /^https?:\/\//.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one body never reorder
          <a key={index} href={part} className="text-primary underline underline-offset-2">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium' });

/** What "sending" delivered while no Resend key was configured, newest first. */
export default async function DevMailboxPage() {
  const messages = await loadMailbox();
  return (
    <main className="mx-auto w-full max-w-3xl space-y-4 p-4 md:p-6">
      <header>
        <h1 className="text-xl font-semibold tracking-tight">Development mailbox</h1>
        <p className="text-sm text-muted-foreground">
          Without <code>RESEND_API_KEY</code>, sent replies, invitations and password resets land here instead
          of a real inbox.
        </p>
      </header>
      {messages.length === 0 ? (
        <p className="rounded-xl border p-6 text-sm text-muted-foreground">
          Nothing sent yet. Approve and send a draft from the inbox; it appears here once the worker delivers
          it.
        </p>
      ) : (
        <ul className="space-y-3" aria-label="Delivered emails">
          {messages.map((message) => (
            <li key={message.id}>
              <Card className="gap-3 py-4">
                <CardHeader className="px-4">
                  <CardTitle className="flex flex-wrap items-center gap-2 text-base">
                    <Badge variant="outline">{kindLabels[message.kind] ?? message.kind}</Badge>
                    <span>{message.subject}</span>
                  </CardTitle>
                  <CardDescription>
                    From {message.fromAddress} to {message.toAddress} ·{' '}
                    <time dateTime={message.createdAt.toISOString()}>{when.format(message.createdAt)}</time>
                  </CardDescription>
                </CardHeader>
                <CardContent className="px-4">
                  <BodyWithLinks body={message.body} />
                  {message.headers['In-Reply-To'] ? (
                    <p className="mt-2 text-xs text-muted-foreground">
                      In reply to {message.headers['In-Reply-To']}
                    </p>
                  ) : null}
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
