import { AdminsOnly } from '@/components/settings/admins-only';
import { ChangePasswordCard } from '@/components/settings/change-password-card';
import { MySignatureCard } from '@/components/settings/my-signature-card';
import { SettingsPanel } from '@/components/settings/settings-panel';
import { serverApi } from '@/trpc/server';

export const metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const viewer = await (await serverApi()).me();
  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6 p-4 md:p-6">
      <h1 className="text-xl font-semibold tracking-tight">Settings</h1>
      <MySignatureCard />
      <ChangePasswordCard />
      {viewer.role === 'admin' ? <SettingsPanel viewerUserId={viewer.userId} /> : <AdminsOnly />}
    </div>
  );
}
