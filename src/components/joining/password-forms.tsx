'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { authClient } from '@/lib/auth-client';
import { FormError, TextField } from './auth-card';

export function ForgotPasswordForm() {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const [isSent, setIsSent] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    setIsPending(true);
    const result = await authClient.requestPasswordReset({ email, redirectTo: '/reset-password' });
    setIsPending(false);
    if (result.error) {
      setError(result.error.message ?? 'The reset link could not be sent. Try again.');
      return;
    }
    setIsSent(true);
  }

  if (isSent) {
    return (
      <div className="grid gap-4 text-sm" role="status">
        <p>
          If <strong>{email}</strong> has an Echo account, a link to choose a new password is on its way. It
          works for an hour.
        </p>
        <Link href="/login" className="underline underline-offset-2">
          Back to sign in
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="grid gap-4" noValidate>
      <TextField
        id="email"
        label="Email"
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <FormError message={error} />
      <Button type="submit" disabled={isPending || !email}>
        {isPending ? 'Sending…' : 'Email me a reset link'}
      </Button>
      <Link href="/login" className="text-sm underline underline-offset-2">
        Back to sign in
      </Link>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string | null }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const [isDone, setIsDone] = useState(false);

  if (!token) {
    return (
      <div className="grid gap-4 text-sm" role="alert">
        <p>This reset link is not valid or has expired. Ask for a new one.</p>
        <Link href="/forgot-password" className="underline underline-offset-2">
          Reset my password
        </Link>
      </div>
    );
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!token) return;
    setError(null);
    setIsPending(true);
    const result = await authClient.resetPassword({ newPassword: password, token });
    setIsPending(false);
    if (result.error) {
      setError(
        result.error.code === 'INVALID_TOKEN'
          ? 'This reset link is not valid any more (it expires after an hour and works once). Ask for a new one.'
          : (result.error.message ?? 'The password could not be changed.'),
      );
      return;
    }
    setIsDone(true);
  }

  if (isDone) {
    return (
      <div className="grid gap-4 text-sm" role="status">
        <p>Your password was changed, and every session signed in with the old one has ended.</p>
        <Link href="/login" className="underline underline-offset-2">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="grid gap-4" noValidate>
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters."
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <FormError message={error} />
      <Button type="submit" disabled={isPending || password.length === 0}>
        {isPending ? 'Saving…' : 'Set new password'}
      </Button>
    </form>
  );
}
