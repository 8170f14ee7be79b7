'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { api } from '@/trpc/react';
import { RoleSelect } from './role-select';

const roles = ['agent', 'manager', 'admin'] as const;
type Role = (typeof roles)[number];
type InvitationDelivery = { isSent: true } | { isSent: false; error: string };
const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

const roleLabels: Record<Role, string> = { agent: 'Agent', manager: 'Manager', admin: 'Admin' };

export function MembersCard({ viewerUserId }: { viewerUserId: string }) {
  const utils = api.useUtils();
  const overview = api.settings.members.useQuery();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [removing, setRemoving] = useState<{ memberId: string; name: string } | null>(null);

  const refresh = () => utils.settings.members.invalidate();
  const changeRole = api.settings.changeRole.useMutation({
    onSuccess: (result) => {
      toast.success(`Role changed to ${roleLabels[result.role]}`);
      void refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  const announceDelivery = (verb: string, result: { email: string; delivery: InvitationDelivery }) => {
    if (result.delivery.isSent) toast.success(`Invitation ${verb} to ${result.email}`);
    else
      toast.warning(
        `The invitation for ${result.email} is saved, but its email could not be sent (${result.delivery.error}). Try Resend.`,
      );
  };
  const invite = api.settings.invite.useMutation({
    onSuccess: (result) => {
      announceDelivery('sent', result);
      setEmail('');
      void refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  const resend = api.settings.resendInvitation.useMutation({
    onSuccess: (result) => {
      announceDelivery('sent again', result);
      void refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  const remove = api.settings.removeMember.useMutation({
    onSuccess: () => {
      toast.success(`${removing?.name ?? 'The member'} was removed`);
      setRemoving(null);
      void refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  const cancel = api.settings.cancelInvitation.useMutation({
    onSuccess: () => {
      toast.success('Invitation cancelled');
      void refresh();
    },
    onError: (error) => toast.error(error.message),
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>Members</CardTitle>
        <CardDescription>
          Agents work the inbox; managers also run the board and see the figures; admins also change settings
          and members.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        {overview.isPending ? (
          <div className="grid gap-2" role="status" aria-busy="true">
            <span className="sr-only">Loading members</span>
            <Skeleton className="h-10" />
            <Skeleton className="h-10" />
            <Skeleton className="h-10" />
          </div>
        ) : overview.isError ? (
          <p role="alert" className="text-sm text-destructive">
            The members could not be loaded: {overview.error.message}
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Members and their roles</caption>
              <thead>
                <tr className="border-b text-left text-muted-foreground">
                  <th scope="col" className="py-2 font-medium">
                    Name
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Email
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    Role
                  </th>
                  <th scope="col" className="py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.data.members.map((member) => (
                  <tr key={member.memberId} className="border-b last:border-0">
                    <td className="py-2">
                      {member.name}
                      {member.userId === viewerUserId ? (
                        <span className="text-muted-foreground"> (you)</span>
                      ) : null}
                    </td>
                    <td className="py-2 text-muted-foreground">{member.email}</td>
                    <td className="py-2">
                      <RoleSelect
                        className="ml-auto"
                        aria-label={`Role of ${member.name}`}
                        value={member.role}
                        disabled={changeRole.isPending}
                        onChange={(event) => {
                          const next = event.target.value;
                          if (isRole(next)) changeRole.mutate({ memberId: member.memberId, role: next });
                        }}
                      >
                        {roles.map((option) => (
                          <option key={option} value={option}>
                            {roleLabels[option]}
                          </option>
                        ))}
                      </RoleSelect>
                    </td>
                    <td className="py-2 pl-2 text-right">
                      {member.userId === viewerUserId ? null : (
                        <Button
                          type="button"
                          variant="ghost"
                          size="sm"
                          aria-label={`Remove ${member.name}`}
                          onClick={() => setRemoving({ memberId: member.memberId, name: member.name })}
                        >
                          Remove
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        <form
          className="grid gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            invite.mutate({ email, role });
          }}
        >
          <Label htmlFor="invite-email">Invite by email</Label>
          <div className="flex flex-wrap gap-2">
            <Input
              id="invite-email"
              type="email"
              required
              placeholder="name@company.com"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              className="min-w-56 flex-1"
            />
            <RoleSelect
              aria-label="Role of the invited member"
              value={role}
              onChange={(event) => {
                if (isRole(event.target.value)) setRole(event.target.value);
              }}
            >
              {roles.map((option) => (
                <option key={option} value={option}>
                  {roleLabels[option]}
                </option>
              ))}
            </RoleSelect>
            <Button type="submit" disabled={invite.isPending || !email.trim()}>
              {invite.isPending ? 'Inviting…' : 'Invite'}
            </Button>
          </div>
        </form>

        {overview.data && overview.data.invitations.length > 0 ? (
          <div className="grid gap-2">
            <h3 className="text-sm font-medium">Pending invitations</h3>
            <ul className="grid gap-1 text-sm">
              {overview.data.invitations.map((invitation) => (
                <li
                  key={invitation.id}
                  className="flex items-center justify-between gap-2 rounded-md border px-3 py-2"
                >
                  <span>
                    {invitation.email}{' '}
                    <span className="text-muted-foreground">
                      as{' '}
                      {invitation.role && isRole(invitation.role)
                        ? roleLabels[invitation.role]
                        : invitation.role}
                      ,{' '}
                      {invitation.expiresAt.getTime() < Date.now()
                        ? 'expired: resend to renew it'
                        : `expires ${invitation.expiresAt.toLocaleDateString()}`}
                    </span>
                  </span>
                  <span className="flex shrink-0 gap-1">
                    <Button
                      type="button"
                      variant="ghost"
                      size="sm"
                      disabled={resend.isPending}
                      onClick={() => resend.mutate({ invitationId: invitation.id })}
                      aria-label={`Resend the invitation of ${invitation.email}`}
                    >
                      Resend
                    </Button>
                    <Button
                      type="button"
                      variant="ghost"
                      size="sm"
                      disabled={cancel.isPending}
                      onClick={() => cancel.mutate({ invitationId: invitation.id })}
                      aria-label={`Cancel the invitation of ${invitation.email}`}
                    >
                      Cancel
                    </Button>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </CardContent>
      <Dialog open={removing !== null} onOpenChange={(open) => (open ? null : setRemoving(null))}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Remove {removing?.name}?</DialogTitle>
            <DialogDescription>
              They lose access to this organization at once and are signed out here. Their deals keep their
              history; reassign them on the board.
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setRemoving(null)}>
              Keep
            </Button>
            <Button
              type="button"
              variant="destructive"
              disabled={remove.isPending}
              onClick={() => removing && remove.mutate({ memberId: removing.memberId })}
            >
              {remove.isPending ? 'Removing…' : 'Remove member'}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </Card>
  );
}
