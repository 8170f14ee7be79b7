import { notFound } from 'next/navigation';
import { SpaceEditor } from '@/components/spaces/space-form';
import { serverApi } from '@/trpc/server';

export const metadata = { title: 'Space' };

export default async function SpacePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const spaceId = Number(id);
  if (!Number.isSafeInteger(spaceId) || spaceId <= 0) notFound();
  const viewer = await (await serverApi()).me();
  return <SpaceEditor id={spaceId} canEdit={viewer.role === 'manager' || viewer.role === 'admin'} />;
}
