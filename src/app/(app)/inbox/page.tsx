import { DraftQueue } from '@/components/inbox/draft-queue';

export const metadata = { title: 'Inbox' };

export default function InboxPage() {
  return (
    <div className="mx-auto w-full max-w-3xl p-4 md:p-6">
      <h1 className="mb-4 text-xl font-semibold tracking-tight">Inbox</h1>
      <div className="overflow-hidden rounded-lg border">
        <DraftQueue />
      </div>
    </div>
  );
}
