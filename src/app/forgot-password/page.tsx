import { AuthCard } from '@/components/joining/auth-card';
import { ForgotPasswordForm } from '@/components/joining/password-forms';

export const metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?" description="We’ll email you a link to choose a new one.">
      <ForgotPasswordForm />
    </AuthCard>
  );
}
