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

/** An agent's "Ask a manager" on a failed draft: the note lands in the managers' Attention view. */
export function AskManagerDialog({
  open,
  onOpenChange,
  onConfirm,
  isWorking,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: (note: string) => void;
  isWorking: boolean;
}) {
  const id = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          setNote('');
          setError(null);
        }
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <form
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (!note.trim()) {
              setError('Say what the manager should look at, for example why the flagged claim is right.');
              return;
            }
            onConfirm(note.trim());
          }}
        >
          <DialogHeader>
            <DialogTitle>Ask a manager to override?</DialogTitle>
            <DialogDescription>
              The draft goes to the managers’ Attention view with your note. A manager can approve it with an
              override, or you can still fix the flagged words yourself.
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-2">
            <Label htmlFor={id}>Note for the manager</Label>
            <Textarea
              id={id}
              value={note}
              onChange={(event) => {
                setNote(event.target.value);
                setError(null);
              }}
              maxLength={1000}
              rows={3}
              placeholder="The host confirmed the $150 parking rate by phone this morning."
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              autoFocus
            />
            {error ? (
              <p id={`${id}-error`} className="text-sm text-destructive">
                {error}
              </p>
            ) : null}
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={isWorking}>
              Ask a manager
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
