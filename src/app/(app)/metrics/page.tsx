import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { MetricsView } from '@/components/metrics/metrics-view';
import { serverApi } from '@/trpc/server';

export const metadata = { title: 'Metrics' };

export default async function MetricsPage() {
  const viewer = await (await serverApi()).me();
  // The figures are for managers; an agent is sent to their own work.
  if (viewer.role === 'agent') redirect('/inbox');
  return (
    <Suspense>
      <MetricsView />
    </Suspense>
  );
}
