import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/shell/login-form';
import { auth } from '@/server/auth';
import { env } from '@/server/env';

export const metadata = { title: 'Sign in' };

export default async function LoginPage() {
  const session = await auth.api.getSession({ headers: await headers() });
  if (session) redirect('/inbox');
  return (
    <main className="flex min-h-dvh items-center justify-center bg-muted/40 p-6">
      <LoginForm showDemoLogins={!env.isProduction} />
    </main>
  );
}
