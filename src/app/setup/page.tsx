import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/joining/auth-card';
import { OrganizationForm } from '@/components/joining/organization-form';
import { serverApi } from '@/trpc/server';

export const metadata = { title: 'Set up Echo' };
export const dynamic = 'force-dynamic';

/** Only while the installation has no organization; afterwards accounts come from invitations. */
export default async function SetupPage() {
  const status = await (await serverApi()).joining.status();
  if (!status.needsSetup) redirect('/login');
  return (
    <AuthCard
      title="Set up Echo"
      description="Create your brokerage’s organization and its first admin account. You can invite your team next."
    >
      <OrganizationForm mode="setup" />
    </AuthCard>
  );
}
