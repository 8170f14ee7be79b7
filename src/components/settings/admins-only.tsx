import { ShieldAlert } from 'lucide-react';

export function AdminsOnly() {
  return (
    <div role="status" className="flex items-start gap-3 rounded-lg border p-6">
      <ShieldAlert aria-hidden className="mt-0.5 size-5 text-muted-foreground" />
      <div className="grid gap-1">
        <p className="font-medium">Only admins can change settings</p>
        <p className="text-sm text-muted-foreground">
          Reply-time targets, regeneration limits, the sender address and members are managed by your
          organization's admins. Ask one of them if something here needs to change.
        </p>
      </div>
    </div>
  );
}
