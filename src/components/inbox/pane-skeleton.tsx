import { Skeleton } from '@/components/ui/skeleton';

/** The review pane while its draft (or, right after the first paint, its code) loads. */
export function PaneSkeleton() {
  return (
    <div className="grid gap-6 p-8" role="status" aria-busy="true" aria-label="Loading the draft">
      <Skeleton className="h-6 w-64" />
      <Skeleton className="h-4 w-96" />
      <Skeleton className="h-40 w-full max-w-3xl" />
      <Skeleton className="h-64 w-full max-w-3xl" />
    </div>
  );
}
