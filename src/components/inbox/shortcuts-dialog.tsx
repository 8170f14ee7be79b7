'use client';

import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Kbd } from '@/components/ui/kbd';
import { shortcuts } from './keyboard';

export function ShortcutsDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>Single keys work anywhere in the inbox except while you type.</DialogDescription>
        </DialogHeader>
        <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2.5 text-sm">
          {shortcuts.map((shortcut) => (
            <div key={shortcut.command} className="contents">
              <dt>
                <Kbd>{shortcut.keys}</Kbd>
              </dt>
              <dd>{shortcut.label}</dd>
            </div>
          ))}
          <div className="contents">
            <dt>
              <Kbd>Esc</Kbd>
            </dt>
            <dd>Leave the editor or the instruction field</dd>
          </div>
        </dl>
      </DialogContent>
    </Dialog>
  );
}
