import { AdminsOnly } from '@/components/settings/admins-only';
import { SettingsPanel } from '@/components/settings/settings-panel';
import { serverApi } from '@/trpc/server';

export const metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const viewer = await (await serverApi()).me();
  return (
    <div className="mx-auto w-full max-w-3xl p-4 md:p-6">
      <h1 className="mb-4 text-xl font-semibold tracking-tight">Settings</h1>
      {viewer.role === 'admin' ? <SettingsPanel viewerUserId={viewer.userId} /> : <AdminsOnly />}
    </div>
  );
}
