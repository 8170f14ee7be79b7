'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { Label } from '@/components/ui/label';
import { Skeleton } from '@/components/ui/skeleton';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { api } from '@/trpc/react';

/** Every member signs the drafts on their own deals with this; empty means the organization's. */
export function MySignatureCard() {
  const utils = api.useUtils();
  const current = api.settings.mySignature.useQuery();
  const [signature, setSignature] = useState('');
  useEffect(() => {
    if (current.data) setSignature(current.data.signature);
  }, [current.data]);
  const save = api.settings.updateMySignature.useMutation({
    onSuccess: (result) => {
      toast.success(result.isChanged ? 'Signature saved' : 'Nothing changed');
      void utils.settings.mySignature.invalidate();
    },
    onError: (error) => toast.error(error.message),
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Your signature</h2>
        </CardTitle>
        <CardDescription>
          Drafts on the deals you own end with it. Leave it empty to use the organization’s signature.
        </CardDescription>
      </CardHeader>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ signature });
        }}
        className="grid gap-6"
      >
        <CardContent className="grid gap-2">
          {current.isPending ? (
            <Skeleton className="h-24" />
          ) : current.isError ? (
            <p role="alert" className="text-sm text-destructive">
              Your signature could not be loaded: {current.error.message}
            </p>
          ) : (
            <>
              <Label htmlFor="my-signature">Your signature</Label>
              <Textarea
                id="my-signature"
                rows={4}
                maxLength={2000}
                value={signature}
                placeholder={current.data.organizationSignature || 'Best,\nYour name'}
                onChange={(event) => setSignature(event.target.value)}
              />
              {current.data.organizationSignature ? (
                <p className="text-xs text-muted-foreground">
                  Empty, drafts are signed with the organization’s: “
                  {current.data.organizationSignature.replace(/\s*\n\s*/g, ' ')}”.
                </p>
              ) : null}
            </>
          )}
        </CardContent>
        <CardFooter className="justify-end">
          <Button type="submit" disabled={save.isPending || current.isPending}>
            {save.isPending ? 'Saving…' : 'Save signature'}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
