import { LearnedFactsCard } from '@/components/knowledge/learned-facts-card';
import { SpacesView } from '@/components/spaces/spaces-view';
import { serverApi } from '@/trpc/server';

export const metadata = { title: 'Spaces' };

export default async function SpacesPage() {
  const viewer = await (await serverApi()).me();
  const canEdit = viewer.role === 'manager' || viewer.role === 'admin';
  return (
    <>
      <div className="mx-auto w-full max-w-7xl px-4 pt-4 md:px-6 md:pt-6">
        <LearnedFactsCard canDecide={canEdit} />
      </div>
      <SpacesView canEdit={canEdit} />
    </>
  );
}
