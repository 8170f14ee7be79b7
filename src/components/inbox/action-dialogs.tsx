'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';

export function ArchiveDialog({
  open,
  onOpenChange,
  subject,
  onConfirm,
  isWorking,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** "this draft" or "3 drafts". */
  subject: string;
  onConfirm: (reason: string) => void;
  isWorking: boolean;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setReason('');
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <form
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            onConfirm(reason.trim());
            setReason('');
          }}
        >
          <DialogHeader>
            <DialogTitle>Archive {subject}?</DialogTitle>
            <DialogDescription>
              Nothing is deleted: archived drafts keep their history and can be restored from the Archived
              tab.
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-2">
            <Label htmlFor={id}>Reason (optional)</Label>
            <Textarea
              id={id}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              placeholder="e.g. Seeker found another space"
              maxLength={1000}
              autoFocus
            />
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={isWorking}>
              Archive
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function OverrideDialog({
  open,
  onOpenChange,
  issueCount,
  onConfirm,
  isWorking,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  issueCount: number;
  onConfirm: (reason: string) => void;
  isWorking: boolean;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim()) onConfirm(reason.trim());
          }}
        >
          <DialogHeader>
            <DialogTitle>Approve despite failed validation?</DialogTitle>
            <DialogDescription>
              The records contradict {issueCount === 1 ? 'one claim' : `${issueCount} claims`} in this reply.
              Your reason is recorded with the approval.
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-2">
            <Label htmlFor={id}>Override reason</Label>
            <Textarea
              id={id}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              placeholder="e.g. Host confirmed the new parking price by phone today"
              maxLength={1000}
              required
              autoFocus
            />
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={!reason.trim() || isWorking}>
              Approve with override
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function SendConfirmDialog({
  open,
  onOpenChange,
  recipient,
  onConfirm,
  isWorking,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  recipient: string;
  onConfirm: () => void;
  isWorking: boolean;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Send with validation warnings?</DialogTitle>
          <DialogDescription>
            Some statements in this reply are not confirmed by the records. It goes to {recipient}.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="button" onClick={onConfirm} disabled={isWorking} autoFocus>
            Send
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
