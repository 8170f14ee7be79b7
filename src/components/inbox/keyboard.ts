/** The inbox's single-key shortcuts, Superhuman style, and when to leave keys alone. */

export type InboxCommand =
  | 'next'
  | 'previous'
  | 'open'
  | 'edit'
  | 'regenerate'
  | 'approve'
  | 'send'
  | 'archive'
  | 'undo'
  | 'select'
  | 'search'
  | 'help';

export const shortcuts: ReadonlyArray<{ keys: string; command: InboxCommand; label: string }> = [
  { keys: 'j', command: 'next', label: 'Next draft' },
  { keys: 'k', command: 'previous', label: 'Previous draft' },
  { keys: 'Enter', command: 'open', label: 'Open the draft' },
  { keys: 'e', command: 'edit', label: 'Edit the body' },
  { keys: 'r', command: 'regenerate', label: 'Regenerate (type an instruction)' },
  { keys: 'a', command: 'approve', label: 'Approve' },
  { keys: 's', command: 'send', label: 'Send (asks first when validation warned)' },
  { keys: '#', command: 'archive', label: 'Archive' },
  { keys: 'z', command: 'undo', label: 'Undo the last send' },
  { keys: 'x', command: 'select', label: 'Select the draft (for Assign to… and Archive)' },
  { keys: '/', command: 'search', label: 'Search drafts, emails, deals and spaces' },
  { keys: '⌘K', command: 'search', label: 'Command palette: every action, and search' },
  { keys: '?', command: 'help', label: 'Show these shortcuts' },
];

const byKey: Record<string, InboxCommand> = {
  j: 'next',
  k: 'previous',
  Enter: 'open',
  e: 'edit',
  r: 'regenerate',
  a: 'approve',
  s: 'send',
  '#': 'archive',
  z: 'undo',
  x: 'select',
  '/': 'search',
  '?': 'help',
};

export type KeyTarget = {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
  role?: string | null;
} | null;

const typingInputTypes = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'time',
  'month',
  'week',
]);

/** True when a key press belongs to what the user is typing into. */
export function isTypingTarget(target: KeyTarget): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return typingInputTypes.has((target.type ?? 'text').toLowerCase());
  return target.role === 'textbox' || target.role === 'combobox';
}

/**
 * What counts as "a dialog has focus" for the page's shortcuts: the element with the focus is inside
 * one of these, or one of them is open at all (its keys win even when the focus fell to the body).
 * A menu and a listbox count too: their own letters jump between items.
 */
export const OVERLAY_AROUND_FOCUS = '[role=dialog],[role=alertdialog],[role=menu],[role=listbox]';
export const OPEN_OVERLAY =
  '[role=dialog][data-state=open],[role=alertdialog][data-state=open],[role=menu][data-state=open],[aria-modal=true]';

export type KeyPress = {
  key: string;
  metaKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  /** Whether a dialog is open: its own keys win. */
  inDialog?: boolean;
  target: KeyTarget;
};

/**
 * The command for a key press, or null when the key is not a shortcut or must be left alone:
 * while typing, with a modifier held (browser and OS shortcuts), or inside a dialog. Enter only
 * counts on a queue row; elsewhere it keeps its own meaning (pressing a button).
 */
export function commandFor(press: KeyPress, options: { onQueueRow?: boolean } = {}): InboxCommand | null {
  if (press.metaKey || press.ctrlKey || press.altKey || press.inDialog) return null;
  if (isTypingTarget(press.target)) return null;
  const command = byKey[press.key] ?? null;
  if (command === 'open' && !options.onQueueRow) return null;
  return command;
}

/**
 * The draft `j` / `k` opens from the open one: the next or previous in the queue, staying put at
 * either end; the first (or last) when the open draft is not in the queue (archived, another view).
 */
export function neighbourId(
  ids: readonly number[],
  currentId: number | null,
  direction: 'next' | 'previous',
): number | null {
  if (ids.length === 0) return null;
  const index = currentId === null ? -1 : ids.indexOf(currentId);
  if (index < 0) return direction === 'next' ? (ids[0] ?? null) : (ids.at(-1) ?? null);
  const target = direction === 'next' ? Math.min(index + 1, ids.length - 1) : Math.max(index - 1, 0);
  const id = ids[target] ?? null;
  return id === currentId ? null : id;
}

/** The drafts worth loading before they are asked for: the open one's neighbours. */
export function neighboursToPrefetch(ids: readonly number[], currentId: number | null): number[] {
  if (currentId === null) return ids.slice(0, 1);
  return [neighbourId(ids, currentId, 'next'), neighbourId(ids, currentId, 'previous')].filter(
    (id): id is number => id !== null && id !== currentId,
  );
}

/**
 * The draft to open once `doneId` is sent or archived (it leaves the queue): the next one, else
 * the previous one, else none. Not in the queue (opened from search, another tab): the first.
 */
export function nextAfterDone(ids: readonly number[], doneId: number): number | null {
  const index = ids.indexOf(doneId);
  if (index < 0) return ids.find((id) => id !== doneId) ?? null;
  return ids[index + 1] ?? ids[index - 1] ?? null;
}
