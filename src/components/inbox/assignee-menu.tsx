'use client';

import { Check, ChevronDown, UserRound, UserRoundX } from 'lucide-react';
import { useId } from 'react';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { api } from '@/trpc/react';
import type { DraftCan } from './draft-rules';

export type Assignee = { id: string; name: string | null } | null;

/**
 * The member picker behind "Assign to…": every member for a manager, only "Me" for an agent
 * (`onlySelf`, from the server's `can.assign`). A draft's assignee is its deal's owner.
 */
export function AssigneeMenu({
  mode,
  assignee,
  permission,
  viewerId,
  onAssign,
  isWorking = false,
}: {
  /** `pane`: shows who owns the open draft; `bulk`: the bulk bar's "Assign to…". */
  mode: 'pane' | 'bulk';
  assignee?: Assignee;
  permission: DraftCan['assign'];
  viewerId: string;
  onAssign: (userId: string | null, name: string) => void;
  isWorking?: boolean;
}) {
  const reasonId = useId();
  const members = api.deals.owners.useQuery(undefined, { staleTime: 5 * 60_000 });
  const currentName = assignee ? (assignee.name ?? 'A former member') : null;

  if (!permission.allowed) {
    return (
      <span className="inline-flex items-center gap-1.5 text-sm text-muted-foreground">
        <UserRound className="size-3.5" aria-hidden />
        <span aria-describedby={reasonId}>{currentName ? `Assigned to ${currentName}` : 'Unassigned'}</span>
        <span id={reasonId} className="sr-only">
          {permission.reason}
        </span>
      </span>
    );
  }

  const choices = (members.data ?? []).filter((member) => !permission.onlySelf || member.id === viewerId);
  const canUnassign = assignee !== null && (!permission.onlySelf || assignee?.id === viewerId);

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        {mode === 'bulk' ? (
          <Button size="sm" variant="outline" disabled={isWorking}>
            <UserRound />
            Assign to…
          </Button>
        ) : (
          <Button
            size="sm"
            variant="ghost"
            className="-ml-2 h-7 px-2 text-muted-foreground"
            disabled={isWorking}
            aria-label={`Assignee: ${currentName ?? 'unassigned'}. Change the assignee`}
          >
            <UserRound />
            <span className={currentName ? 'text-foreground' : undefined}>{currentName ?? 'Unassigned'}</span>
            <ChevronDown className="size-3.5" aria-hidden />
          </Button>
        )}
      </DropdownMenuTrigger>
      <DropdownMenuContent align={mode === 'bulk' ? 'end' : 'start'} className="w-72">
        <DropdownMenuLabel className="grid gap-0.5">
          <span>Assign to</span>
          <span className="text-xs font-normal text-muted-foreground">
            Drafts follow their deal’s owner: every draft on the deal moves too.
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {members.isPending ? (
          <DropdownMenuItem disabled>Loading members…</DropdownMenuItem>
        ) : members.isError ? (
          <DropdownMenuItem disabled>Members could not be loaded</DropdownMenuItem>
        ) : (
          choices.map((member) => (
            <DropdownMenuItem key={member.id} onSelect={() => onAssign(member.id, member.name)}>
              {member.id === assignee?.id ? <Check aria-hidden /> : <span className="size-4" aria-hidden />}
              <span className="truncate">{member.id === viewerId ? `Me (${member.name})` : member.name}</span>
              <span className="ml-auto text-xs text-muted-foreground capitalize">{member.role}</span>
            </DropdownMenuItem>
          ))
        )}
        {mode === 'bulk' || canUnassign ? (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem
              onSelect={() => onAssign(null, 'nobody')}
              disabled={mode === 'bulk' && permission.onlySelf}
            >
              <UserRoundX aria-hidden />
              Unassign
            </DropdownMenuItem>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
