import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/shell/login-form';
import { env } from '@/server/env';
import { resolveSession } from '@/server/session';
import { serverApi } from '@/trpc/server';

export const metadata = { title: 'Sign in' };

export default async function LoginPage() {
  const session = await resolveSession(await headers());
  // Only a session that can use the app goes on: one without a membership would bounce back here.
  if (session?.membership) redirect('/inbox');
  const api = await serverApi();
  const status = await api.joining.status();
  // A fresh installation has nobody to sign in yet.
  if (status.needsSetup) redirect('/setup');
  return (
    <main className="flex min-h-dvh items-center justify-center bg-muted/40 p-6">
      <LoginForm showDemoLogins={!env.isProduction} isSignupOpen={status.isSignupOpen} />
    </main>
  );
}
