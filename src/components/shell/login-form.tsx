'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { authClient } from '@/lib/auth-client';
import { safeRedirectTarget } from '@/lib/safe-redirect';

const demoLogins = ['agent@echo.test', 'manager@echo.test', 'admin@echo.test', 'agent@other.test'];

export function LoginForm({
  showDemoLogins,
  isSignupOpen = false,
}: {
  showDemoLogins: boolean;
  isSignupOpen?: boolean;
}) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function signIn(event: React.FormEvent) {
    event.preventDefault();
    setIsPending(true);
    setError(null);
    const result = await authClient.signIn.email({ email, password });
    if (result.error) {
      setError(result.error.message ?? 'Could not sign in. Check the email and password.');
      setIsPending(false);
      return;
    }
    router.replace(safeRedirectTarget(searchParams.get('next'), window.location.origin));
    router.refresh();
  }

  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle className="text-xl">Sign in to Echo</CardTitle>
        <CardDescription>Review and send AI-drafted replies to your space seekers.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={signIn} className="grid gap-4" noValidate>
          <div className="grid gap-2">
            <Label htmlFor="email">Email</Label>
            <Input
              id="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </div>
          <div className="grid gap-2">
            <div className="flex items-baseline justify-between gap-2">
              <Label htmlFor="password">Password</Label>
              <Link
                href="/forgot-password"
                className="text-xs underline underline-offset-2 hover:text-foreground"
              >
                Forgot password?
              </Link>
            </div>
            <Input
              id="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          {error ? (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          ) : null}
          <Button type="submit" disabled={isPending || !email || !password}>
            {isPending ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
        {isSignupOpen ? (
          <p className="mt-4 text-sm text-muted-foreground">
            New brokerage?{' '}
            <Link href="/signup" className="underline underline-offset-2 hover:text-foreground">
              Create an organization
            </Link>
          </p>
        ) : null}
        {showDemoLogins ? (
          <div className="mt-6 rounded-md border border-dashed p-3 text-xs text-muted-foreground">
            <p className="font-medium text-foreground">Demo logins</p>
            <p>
              Password <code>echo-demo-password</code> for{' '}
              {demoLogins.map((login, index) => (
                <span key={login}>
                  <button
                    type="button"
                    className="underline underline-offset-2 hover:text-foreground"
                    onClick={() => {
                      setEmail(login);
                      setPassword('echo-demo-password');
                    }}
                  >
                    {login}
                  </button>
                  {index < demoLogins.length - 1 ? ', ' : ''}
                </span>
              ))}
            </p>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
