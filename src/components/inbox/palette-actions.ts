import type { PaletteAction } from '@/components/palette/actions';
import { type InboxView, inboxViews } from './draft-queue';
import type { PaneCommands } from './review-pane';

/**
 * What the inbox offers in the command palette: the open draft's actions (the same commands as
 * its shortcuts, so the same checks and toasts), moving between drafts, and the queue's tabs.
 */
export function inboxPaletteActions({
  view,
  hasDraft,
  pane,
  showView,
  move,
  undo,
  help,
}: {
  view: InboxView;
  hasDraft: boolean;
  pane: PaneCommands | null;
  showView: (view: InboxView) => void;
  move: (direction: 'next' | 'previous') => void;
  undo: () => void;
  help: () => void;
}): PaletteAction[] {
  const draft: PaletteAction[] = pane
    ? [
        { id: 'approve', group: 'Draft', label: 'Approve', shortcut: 'a', run: pane.approve },
        {
          id: 'send',
          group: 'Draft',
          label: 'Send',
          keywords: 'reply deliver',
          shortcut: 's',
          run: pane.send,
        },
        {
          id: 'archive',
          group: 'Draft',
          label: 'Archive',
          keywords: 'dismiss',
          shortcut: '#',
          run: pane.archive,
        },
        {
          id: 'edit',
          group: 'Draft',
          label: 'Edit the body',
          keywords: 'write change',
          shortcut: 'e',
          run: pane.edit,
        },
        {
          id: 'regenerate',
          group: 'Draft',
          label: 'Regenerate…',
          keywords: 'instruction redo rewrite',
          shortcut: 'r',
          run: pane.regenerate,
        },
        {
          id: 'regenerate-with',
          group: 'Draft',
          label: 'Regenerate with an instruction',
          withText: (text) => `Regenerate with “${text}”`,
          run: (text) => pane.regenerateWith(text),
        },
      ]
    : [];
  const moving: PaletteAction[] = hasDraft
    ? [
        { id: 'next', group: 'Inbox', label: 'Next draft', shortcut: 'j', run: () => move('next') },
        {
          id: 'previous',
          group: 'Inbox',
          label: 'Previous draft',
          shortcut: 'k',
          run: () => move('previous'),
        },
      ]
    : [];
  const tabs: PaletteAction[] = inboxViews
    .filter((tab) => tab.value !== view)
    .map((tab) => ({
      id: `view-${tab.value}`,
      group: 'Inbox',
      label: `Show ${tab.label}`,
      keywords: `tab switch ${tab.listName}`,
      run: () => showView(tab.value),
    }));
  return [
    ...draft,
    ...moving,
    ...tabs,
    { id: 'undo', group: 'Inbox', label: 'Undo the last send', shortcut: 'z', run: undo },
    {
      id: 'help',
      group: 'Inbox',
      label: 'Keyboard shortcuts',
      keywords: 'help keys',
      shortcut: '?',
      run: help,
    },
  ];
}
