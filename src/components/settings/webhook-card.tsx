'use client';

import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Label } from '@/components/ui/label';

export function WebhookCard(props: {
  webhookUrl: string;
  isWebhookSecretConfigured: boolean;
  isResendConfigured: boolean;
}) {
  const [isCopied, setIsCopied] = useState(false);

  async function copy() {
    await navigator.clipboard.writeText(props.webhookUrl);
    setIsCopied(true);
    setTimeout(() => setIsCopied(false), 2000);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Resend</CardTitle>
        <CardDescription>
          In Resend, add a webhook with this URL for the events <code>email.received</code>,{' '}
          <code>email.sent</code>, <code>email.delivered</code>, <code>email.delivery_delayed</code>,{' '}
          <code>email.bounced</code>, <code>email.complained</code> and <code>email.failed</code>, then put
          its signing secret in <code>RESEND_WEBHOOK_SECRET</code>. See docs/resend.md.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="grid gap-2">
          <Label htmlFor="webhook-url">Webhook URL</Label>
          <div className="flex gap-2">
            <input
              id="webhook-url"
              readOnly
              value={props.webhookUrl}
              className="h-9 w-full rounded-md border bg-muted px-3 font-mono text-sm"
              onFocus={(event) => event.currentTarget.select()}
            />
            <Button type="button" variant="outline" onClick={copy} aria-label="Copy webhook URL">
              {isCopied ? <Check /> : <Copy />}
              {isCopied ? 'Copied' : 'Copy'}
            </Button>
          </div>
        </div>
        <ul className="flex flex-wrap gap-2 text-sm">
          <li>
            <Badge variant={props.isWebhookSecretConfigured ? 'secondary' : 'destructive'}>
              Webhook secret {props.isWebhookSecretConfigured ? 'configured' : 'missing'}
            </Badge>
          </li>
          <li>
            <Badge variant="secondary">
              {props.isResendConfigured
                ? 'Sending through Resend'
                : 'No RESEND_API_KEY: mail goes to the development mailbox'}
            </Badge>
          </li>
        </ul>
      </CardContent>
    </Card>
  );
}
