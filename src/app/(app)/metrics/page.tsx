import { ComingSoon } from '@/components/shell/coming-soon';

export const metadata = { title: 'Metrics' };

export default function MetricsPage() {
  return <ComingSoon title="Metrics" description="How the team and the AI drafts are doing." />;
}
