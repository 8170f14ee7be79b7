import { SpacesView } from '@/components/spaces/spaces-view';
import { serverApi } from '@/trpc/server';

export const metadata = { title: 'Spaces' };

export default async function SpacesPage() {
  const viewer = await (await serverApi()).me();
  return <SpacesView canEdit={viewer.role === 'manager' || viewer.role === 'admin'} />;
}
