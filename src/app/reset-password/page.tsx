import { AuthCard } from '@/components/joining/auth-card';
import { ResetPasswordForm } from '@/components/joining/password-forms';

export const metadata = { title: 'Choose a new password' };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[]; error?: string }>;
}) {
  const { token, error } = await searchParams;
  const value = typeof token === 'string' && !error ? token : null;
  return (
    <AuthCard title="Choose a new password" description="Resetting signs you out on every device.">
      <ResetPasswordForm token={value} />
    </AuthCard>
  );
}
