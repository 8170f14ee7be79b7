import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { AuthCard } from '@/components/joining/auth-card';
import { OrganizationForm } from '@/components/joining/organization-form';
import { serverApi } from '@/trpc/server';

export const metadata = { title: 'Sign up' };
export const dynamic = 'force-dynamic';

/** Only with ECHO_OPEN_SIGNUP=1: a new organization with its admin. */
export default async function SignupPage() {
  const status = await (await serverApi()).joining.status();
  if (status.needsSetup) redirect('/setup');
  if (!status.isSignupOpen) notFound();
  return (
    <AuthCard
      title="Create your organization"
      description={
        <>
          A new brokerage on Echo, with you as its admin. Already have an account?{' '}
          <Link href="/login" className="underline underline-offset-2">
            Sign in
          </Link>
        </>
      }
    >
      <OrganizationForm mode="signup" />
    </AuthCard>
  );
}
