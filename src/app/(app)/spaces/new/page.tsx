import { redirect } from 'next/navigation';
import { SpaceForm } from '@/components/spaces/space-form';
import { serverApi } from '@/trpc/server';

export const metadata = { title: 'New space' };

export default async function NewSpacePage() {
  const viewer = await (await serverApi()).me();
  if (viewer.role === 'agent') redirect('/spaces');
  return <SpaceForm space={null} canEdit />;
}
