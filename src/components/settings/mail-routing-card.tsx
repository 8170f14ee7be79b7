'use client';

import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { api } from '@/trpc/react';

const reasonLabels = {
  no_organization: 'No organization receives at this address',
  unreadable_sender: 'The sender is not an email address',
} as const;

/** Where seekers' answers go (the Reply-To of every sent email) and received mail that was held. */
export function MailRoutingCard() {
  const overview = api.inbound.overview.useQuery();

  return (
    <Card>
      <CardHeader>
        <CardTitle>Replies and held mail</CardTitle>
        <CardDescription>
          Every email Echo sends carries a Reply-To header, so seekers&apos; answers come back to this
          organization. Mail that no organization could take is held here, never discarded.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 text-sm">
        {overview.isPending ? (
          <div role="status" aria-busy="true">
            <span className="sr-only">Loading mail routing</span>
            <Skeleton className="h-16" />
          </div>
        ) : overview.isError ? (
          <p role="alert" className="text-destructive">
            Mail routing could not be loaded: {overview.error.message}
          </p>
        ) : (
          <>
            <p>
              <span className="text-muted-foreground">Reply-To: </span>
              {overview.data.replyTo ? (
                <code className="break-all">{overview.data.replyTo}</code>
              ) : (
                <Badge variant="destructive">
                  No inbound address: set one above, or replies go to the sender address
                </Badge>
              )}
            </p>
            <div className="grid gap-2">
              <h3 className="font-medium">Held emails</h3>
              {overview.data.held.length === 0 ? (
                <p className="text-muted-foreground">
                  No held emails. Mail to an address on your domain that matches no organization would appear
                  here.
                </p>
              ) : (
                <ul className="grid gap-2" aria-label="Held emails">
                  {overview.data.held.map((email) => (
                    <li key={email.id} className="rounded-md border p-3">
                      <p className="font-medium break-words">{email.subject}</p>
                      <p className="text-muted-foreground break-all">
                        From {email.fromRaw || '(empty)'} to {email.toAddresses.join(', ') || '(no address)'}
                      </p>
                      <p className="text-muted-foreground">
                        {new Date(email.receivedAt).toLocaleString()} · {reasonLabels[email.reason]}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}
