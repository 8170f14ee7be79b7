import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/shell/login-form';
import { auth } from '@/server/auth';
import { env } from '@/server/env';
import { serverApi } from '@/trpc/server';

export const metadata = { title: 'Sign in' };

export default async function LoginPage() {
  const session = await auth.api.getSession({ headers: await headers() });
  const api = await serverApi();
  // Only a session that can use the app goes on to /inbox: one whose membership was removed stays
  // here instead of bouncing between /inbox and /login.
  if (session && (await api.me().catch(() => null))) redirect('/inbox');
  const status = await api.joining.status();
  // A fresh installation has nobody to sign in yet.
  if (status.needsSetup) redirect('/setup');
  return (
    <main className="flex min-h-dvh items-center justify-center bg-muted/40 p-6">
      <LoginForm showDemoLogins={!env.isProduction} isSignupOpen={status.isSignupOpen} />
    </main>
  );
}
