import { RefreshCw } from 'lucide-react';

/** One line when the deal or its spaces were edited after this draft's checks ran. */
export function RecordsChangedNotice({ show }: { show: boolean }) {
  if (!show) return null;
  return (
    <p
      role="status"
      className="flex basis-full items-center gap-1.5 text-xs text-amber-700 dark:text-amber-400"
    >
      <RefreshCw className="size-3.5" aria-hidden />
      Checked against records that have changed since: edit or regenerate to check it again.
    </p>
  );
}
