import { ComingSoon } from '@/components/shell/coming-soon';

export const metadata = { title: 'Board' };

export default function BoardPage() {
  return <ComingSoon title="Board" description="Deals by stage, with what needs attention on each card." />;
}
