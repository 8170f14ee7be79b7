import { Suspense } from 'react';
import { InboxView } from '@/components/inbox/inbox-view';
import { Skeleton } from '@/components/ui/skeleton';

export const metadata = { title: 'Inbox' };

function InboxFallback() {
  return (
    <div
      className="grid h-[calc(100dvh-3.5rem)] grid-cols-[minmax(320px,400px)_1fr]"
      role="status"
      aria-label="Loading the inbox"
    >
      <div className="grid content-start gap-3 border-r p-4">
        <Skeleton className="h-6 w-24" />
        <Skeleton className="h-9 w-full" />
        {Array.from({ length: 6 }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Skeleton key={index} className="h-20 w-full" />
        ))}
      </div>
      <div />
    </div>
  );
}

/** The queue with the selected draft beside it; the selection lives in the URL (`?draft=ID`). */
export default function InboxPage() {
  return (
    <Suspense fallback={<InboxFallback />}>
      <InboxView />
    </Suspense>
  );
}
