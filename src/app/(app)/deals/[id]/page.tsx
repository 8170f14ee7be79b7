import { notFound } from 'next/navigation';
import { DealView } from '@/components/deals/deal-view';
import { serverApi } from '@/trpc/server';

export const metadata = { title: 'Deal' };

export default async function DealPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const dealId = Number(id);
  if (!Number.isSafeInteger(dealId) || dealId <= 0) notFound();
  const viewer = await (await serverApi()).me();
  return <DealView id={dealId} canMove={viewer.role === 'manager' || viewer.role === 'admin'} />;
}
