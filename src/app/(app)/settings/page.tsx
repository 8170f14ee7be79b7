import { ComingSoon } from '@/components/shell/coming-soon';

export const metadata = { title: 'Settings' };

export default function SettingsPage() {
  return (
    <ComingSoon
      title="Settings"
      description="Reply-time targets, regeneration limits, sender and signature, members."
    />
  );
}
