import { BarChart3 } from 'lucide-react';
import Link from 'next/link';
import { Suspense } from 'react';
import { MetricsView } from '@/components/metrics/metrics-view';
import { Button } from '@/components/ui/button';
import { serverApi } from '@/trpc/server';

export const metadata = { title: 'Metrics' };

function ForManagers() {
  return (
    <div className="mx-auto grid w-full max-w-xl gap-4 p-6 md:p-10">
      <div role="status" className="flex items-start gap-3 rounded-lg border p-6">
        <BarChart3 aria-hidden className="mt-0.5 size-5 shrink-0 text-muted-foreground" />
        <div className="grid gap-2">
          <h1 className="font-medium">Metrics are for managers and admins</h1>
          <p className="text-sm text-muted-foreground">
            They compare the team&apos;s reply times, drafts sent unedited and reply-time misses by agent, so
            they are shown to the people who run the team. Ask a manager if you would like to see your own
            figures.
          </p>
          <Button asChild variant="outline" size="sm" className="w-fit">
            <Link href="/inbox">Back to the inbox</Link>
          </Button>
        </div>
      </div>
    </div>
  );
}

export default async function MetricsPage() {
  const viewer = await (await serverApi()).me();
  // The figures are for managers; an agent is told why instead of meeting an error.
  if (viewer.role === 'agent') return <ForManagers />;
  return (
    <Suspense>
      <MetricsView />
    </Suspense>
  );
}
