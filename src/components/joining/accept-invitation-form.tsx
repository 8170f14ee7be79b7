'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { authClient } from '@/lib/auth-client';
import { formErrorText } from '@/lib/form-errors';
import { api } from '@/trpc/react';
import { FormError, TextField } from './auth-card';

/** A new invitee sets a name and password; someone with an account proves its password. Then signs in. */
export function AcceptInvitationForm({
  invitationId,
  email,
  hasAccount,
}: {
  invitationId: string;
  email: string;
  hasAccount: boolean;
}) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSigningIn, setIsSigningIn] = useState(false);
  const accept = api.joining.acceptInvitation.useMutation();
  const isPending = accept.isPending || isSigningIn;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await accept.mutateAsync({ id: invitationId, password, name: hasAccount ? undefined : name });
    } catch (caught) {
      setError(caught instanceof Error ? formErrorText(caught) : 'Could not accept the invitation.');
      return;
    }
    setIsSigningIn(true);
    const result = await authClient.signIn.email({ email, password });
    if (result.error) {
      setIsSigningIn(false);
      setError(`You joined, but signing in failed: ${result.error.message}. Sign in at /login.`);
      return;
    }
    router.replace('/inbox');
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="grid gap-4" noValidate>
      {hasAccount ? null : (
        <TextField
          id="name"
          label="Name"
          autoComplete="name"
          required
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      )}
      <TextField id="email" label="Email" type="email" autoComplete="username" value={email} readOnly />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete={hasAccount ? 'current-password' : 'new-password'}
        required
        hint={hasAccount ? 'The password of your existing Echo account.' : 'At least 8 characters.'}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <FormError message={error} />
      <Button type="submit" disabled={isPending || !password || (!hasAccount && !name.trim())}>
        {isPending ? 'Joining…' : hasAccount ? 'Sign in and join' : 'Join'}
      </Button>
    </form>
  );
}
