'use client';

import { formatMoney } from '@/components/board/format';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { api } from '@/trpc/react';
import type { RequirementField, RequirementSources, RequirementValue } from '../../../db/schema';

const describe: Record<RequirementField, (value: RequirementValue) => string> = {
  teamSize: (v) => `${v} people`,
  monthlyBudget: (v) => `${typeof v === 'number' ? formatMoney(v) : v}/mo`,
  neighborhoods: (v) => (Array.isArray(v) ? v.join(' or ') : String(v)),
  moveInDate: (v) => `a move-in from ${v}`,
  leaseMonths: (v) => `a ${v}-month lease`,
  parking: (v) => (v ? 'parking is needed' : 'no parking needed'),
  parkingSpots: (v) => `${v} parking spots`,
  dogFriendly: (v) => (v ? 'dogs are coming' : 'no dogs'),
  afterHours: (v) => (v ? 'after-hours access is needed' : 'no after-hours access needed'),
  meetingRooms: (v) => (v ? 'meeting rooms are needed' : 'no meeting rooms needed'),
};

/**
 * What a later email says about a requirement the broker typed in: shown, never applied silently
 * ("The email says 12 people — update?").
 */
export function PendingRequirements({ dealId, pending }: { dealId: number; pending: RequirementSources }) {
  const utils = api.useUtils();
  const accept = api.deals.acceptRequirement.useMutation({
    onSuccess: () => utils.deals.get.invalidate({ id: dealId }),
    onError: (error) => toast.error('Could not update the requirement', { description: error.message }),
  });
  const entries = (
    Object.entries(pending) as Array<[RequirementField, RequirementSources[RequirementField]]>
  ).filter(([field, source]) => source && field in describe);
  if (entries.length === 0) return null;
  return (
    <ul className="grid gap-2" aria-label="What the emails say">
      {entries.map(([field, source]) =>
        source ? (
          <li key={field} className="flex flex-wrap items-center gap-2 rounded-md border border-dashed p-2">
            <span className="min-w-0 flex-1">
              The email says {describe[field](source.value)} — update?
              <span className="block truncate text-xs text-muted-foreground">“{source.words}”</span>
            </span>
            <Button
              size="sm"
              variant="outline"
              disabled={accept.isPending}
              onClick={() => accept.mutate({ id: dealId, field })}
            >
              Update
            </Button>
          </li>
        ) : null,
      )}
    </ul>
  );
}
