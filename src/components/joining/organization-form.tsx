'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { authClient } from '@/lib/auth-client';
import { formErrorText } from '@/lib/form-errors';
import { api } from '@/trpc/react';
import { FormError, TextField } from './auth-card';

/** `/setup` (the installation's first organization) and `/signup` (another one): the same four fields. */
export function OrganizationForm({ mode }: { mode: 'setup' | 'signup' }) {
  const router = useRouter();
  const [form, setForm] = useState({ organizationName: '', name: '', email: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [isSigningIn, setIsSigningIn] = useState(false);
  const setup = api.joining.setup.useMutation();
  const signup = api.joining.signup.useMutation();
  const mutation = mode === 'setup' ? setup : signup;
  const isPending = mutation.isPending || isSigningIn;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await mutation.mutateAsync(form);
    } catch (caught) {
      setError(caught instanceof Error ? formErrorText(caught) : 'Could not create the organization.');
      return;
    }
    setIsSigningIn(true);
    const result = await authClient.signIn.email({ email: form.email, password: form.password });
    if (result.error) {
      setIsSigningIn(false);
      setError(
        `The organization was created, but signing in failed: ${result.error.message}. Sign in at /login.`,
      );
      return;
    }
    router.replace('/settings');
    router.refresh();
  }

  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: event.target.value }),
  });

  return (
    <form onSubmit={submit} className="grid gap-4" noValidate>
      <TextField
        id="organization"
        label="Organization"
        autoComplete="organization"
        required
        {...field('organizationName')}
      />
      <TextField id="name" label="Name" autoComplete="name" required {...field('name')} />
      <TextField id="email" label="Email" type="email" autoComplete="email" required {...field('email')} />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters."
        {...field('password')}
      />
      <FormError message={error} />
      <Button
        type="submit"
        disabled={
          isPending || !form.organizationName.trim() || !form.name.trim() || !form.email || !form.password
        }
      >
        {isPending ? 'Creating…' : mode === 'setup' ? 'Create organization' : 'Sign up'}
      </Button>
    </form>
  );
}
