import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/shell/login-form';
import { env } from '@/server/env';
import { resolveSession } from '@/server/session';

export const metadata = { title: 'Sign in' };

export default async function LoginPage() {
  const session = await resolveSession(await headers());
  // Only a session that can use the app goes on: one without a membership would bounce back here.
  if (session?.membership) redirect('/inbox');
  return (
    <main className="flex min-h-dvh items-center justify-center bg-muted/40 p-6">
      <LoginForm showDemoLogins={!env.isProduction} />
    </main>
  );
}
