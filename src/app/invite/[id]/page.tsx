import { TRPCError } from '@trpc/server';
import Link from 'next/link';
import { AcceptInvitationForm } from '@/components/joining/accept-invitation-form';
import { AuthCard } from '@/components/joining/auth-card';
import { serverApi } from '@/trpc/server';

export const metadata = { title: 'Invitation' };
export const dynamic = 'force-dynamic';

const roleNames: Record<string, string> = { agent: 'an agent', manager: 'a manager', admin: 'an admin' };

async function loadInvitation(id: string) {
  try {
    return await (await serverApi()).joining.invitation({ id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      return null;
    throw error;
  }
}

export default async function InvitationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const invitation = await loadInvitation(id);
  if (!invitation) {
    return (
      <AuthCard title="Invitation not found">
        <p className="text-sm" role="alert">
          This invitation link is not valid. Check that you opened the whole link from the email, or ask an
          admin to invite you again.
        </p>
      </AuthCard>
    );
  }
  if (invitation.message) {
    const titles = {
      expired: 'This invitation has expired',
      cancelled: 'This invitation was cancelled',
      accepted: 'This invitation was already used',
    } as const;
    return (
      <AuthCard title={invitation.state === 'pending' ? 'Invitation' : titles[invitation.state]}>
        <div className="grid gap-4 text-sm">
          <p role="alert">{invitation.message}</p>
          <Link href="/login" className="underline underline-offset-2">
            Go to sign in
          </Link>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={`Join ${invitation.organizationName}`}
      description={`${invitation.inviterName} invited ${invitation.email} to join as ${roleNames[invitation.role] ?? invitation.role}. ${
        invitation.hasAccount
          ? 'You already have an Echo account: enter its password to join.'
          : 'Choose your name and a password to join.'
      }`}
    >
      <AcceptInvitationForm
        invitationId={invitation.id}
        email={invitation.email}
        hasAccount={invitation.hasAccount}
      />
    </AuthCard>
  );
}
