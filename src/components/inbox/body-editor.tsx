'use client';

import { TriangleAlert } from 'lucide-react';
import { useCallback, useEffect, useId, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';
import { api } from '@/trpc/react';
import { type HighlightableIssue, segmentBody } from './highlight';
import { reconcile } from './reconcile';

/** Long enough not to save on every keystroke, short enough that a closed tab loses little. */
const AUTOSAVE_DELAY_MS = 900;

export type EditorHandle = {
  focus: () => void;
  /**
   * Saves pending text now. `saved` says whether there was anything to save (then `revision` is
   * the new one); null when the text could not be saved (a conflict or an error).
   */
  flush: () => Promise<{ saved: boolean; revision: number } | null>;
};

type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

type Conflict = { theirs: string; revision: number };

function errorCode(error: unknown) {
  return (error as { data?: { code?: string } } | null)?.data?.code ?? null;
}

function errorMessage(error: unknown) {
  return error instanceof Error ? error.message : 'The draft could not be saved.';
}

export function BodyEditor({
  ref,
  draftId,
  body,
  revision,
  issues,
  lockedReason,
  onTextChange,
}: {
  ref?: React.Ref<EditorHandle>;
  draftId: number;
  body: string;
  revision: number;
  issues: readonly (HighlightableIssue & { expected: string })[];
  lockedReason: string | null;
  /** The text as typed, for the version diff beside the editor. */
  onTextChange?: (text: string) => void;
}) {
  const utils = api.useUtils();
  const edit = api.drafts.edit.useMutation();
  const textareaId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);

  const [text, setText] = useState(body);
  const [baseRevision, setBaseRevision] = useState(revision);
  const [state, setState] = useState<SaveState>('saved');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  /** The body as the server last had it from us (or we from it). */
  const lastSaved = useRef(body);
  const saving = useRef<Promise<number | null> | null>(null);
  const textRef = useRef(text);
  textRef.current = text;
  const baseRef = useRef(baseRevision);
  baseRef.current = baseRevision;

  // The server moved on (someone else, or our own approve/regenerate): follow it unless that would
  // throw away text the agent typed; then the agent chooses.
  useEffect(() => {
    const next = reconcile({
      serverBody: body,
      serverRevision: revision,
      baseRevision: baseRef.current,
      lastSaved: lastSaved.current,
      text: textRef.current,
    });
    if (next.kind === 'rebase') {
      lastSaved.current = body;
      setBaseRevision(next.revision);
    } else if (next.kind === 'take') {
      lastSaved.current = next.body;
      setText(next.body);
      setBaseRevision(next.revision);
      setState('saved');
    } else if (next.kind === 'conflict') {
      setConflict({ theirs: next.theirs, revision: next.revision });
      setState('conflict');
    }
  }, [body, revision]);

  const save = useCallback(
    async (content: string, onRevision: number): Promise<number | null> => {
      setState('saving');
      setFailure(null);
      try {
        const updated = await edit.mutateAsync({ id: draftId, body: content, revision: onRevision });
        lastSaved.current = content;
        setBaseRevision(updated.revision);
        baseRef.current = updated.revision;
        setConflict(null);
        setState(textRef.current === content ? 'saved' : 'dirty');
        await Promise.all([utils.drafts.get.invalidate({ id: draftId }), utils.drafts.list.invalidate()]);
        return updated.revision;
      } catch (error) {
        if (errorCode(error) === 'CONFLICT') {
          const fresh = await utils.drafts.get.fetch({ id: draftId }, { staleTime: 0 });
          setConflict({ theirs: fresh.body, revision: fresh.revision });
          setState('conflict');
        } else {
          setFailure(errorMessage(error));
          setState('error');
        }
        return null;
      }
    },
    [draftId, edit, utils],
  );

  const flush = useCallback(async () => {
    if (saving.current) await saving.current;
    if (conflict) return null;
    if (textRef.current === lastSaved.current) return { saved: false, revision: baseRef.current };
    const pending = save(textRef.current, baseRef.current);
    saving.current = pending;
    try {
      const revision = await pending;
      return revision === null ? null : { saved: true, revision };
    } finally {
      saving.current = null;
    }
  }, [conflict, save]);

  useImperativeHandle(ref, () => ({ focus: () => textarea.current?.focus(), flush }), [flush]);

  useEffect(() => {
    if (lockedReason || conflict || text === lastSaved.current || text.trim() === '') return;
    const timer = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, lockedReason, conflict, flush]);

  useEffect(() => onTextChange?.(text), [text, onTextChange]);

  const segments = useMemo(() => segmentBody(text, issues), [text, issues]);

  const status =
    lockedReason ??
    {
      saved: `Saved · revision ${baseRevision}`,
      dirty: 'Unsaved changes',
      saving: 'Saving…',
      conflict: 'Not saved: someone else changed this draft',
      error: `Not saved: ${failure ?? 'try again'}`,
    }[state];

  return (
    <div className="grid gap-3">
      {conflict ? (
        <div
          role="alert"
          className="grid gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/60"
        >
          <p className="flex items-center gap-2 font-medium text-amber-950 dark:text-amber-100">
            <TriangleAlert className="size-4" aria-hidden />
            Someone else changed this draft while you were editing.
          </p>
          <p className="text-amber-950/80 dark:text-amber-100/80">
            Your text is kept below. Choose which version to keep.
          </p>
          <div className="grid gap-1">
            <span className="text-xs font-medium tracking-wide text-amber-950/70 uppercase dark:text-amber-100/70">
              Their version
            </span>
            <pre className="max-h-48 overflow-auto rounded-md border border-amber-200 bg-background p-3 dark:border-amber-900 font-sans text-sm whitespace-pre-wrap">
              {conflict.theirs}
            </pre>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button
              size="sm"
              onClick={() => {
                const theirs = conflict;
                setConflict(null);
                void save(textRef.current, theirs.revision);
              }}
            >
              Keep mine
            </Button>
            <Button
              size="sm"
              variant="outline"
              onClick={() => {
                lastSaved.current = conflict.theirs;
                setText(conflict.theirs);
                setBaseRevision(conflict.revision);
                setConflict(null);
                setState('saved');
              }}
            >
              Use theirs
            </Button>
          </div>
        </div>
      ) : null}
      <label htmlFor={textareaId} className="sr-only">
        Reply body
      </label>
      <div className="relative rounded-lg border bg-background shadow-xs focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/30">
        {/* The highlights sit behind a transparent textarea, in the same font and wrapping. */}
        <div
          aria-hidden
          className="pointer-events-none absolute inset-0 overflow-hidden px-5 py-4 font-sans text-[15px] leading-7 break-words whitespace-pre-wrap text-transparent"
        >
          {segments.map((segment) =>
            segment.issueIndex === null ? (
              <span key={segment.start}>{segment.text}</span>
            ) : (
              <mark
                key={segment.start}
                data-issue={segment.issueIndex}
                className={cn(
                  'rounded-[3px] text-transparent',
                  issues[segment.issueIndex]?.severity === 'error'
                    ? 'bg-red-100 shadow-[inset_0_-2px_0_var(--color-red-500)] dark:bg-red-950'
                    : 'bg-amber-100 shadow-[inset_0_-2px_0_var(--color-amber-500)] dark:bg-amber-950',
                )}
              >
                {segment.text}
              </mark>
            ),
          )}
          {'\n'}
        </div>
        <textarea
          ref={textarea}
          id={textareaId}
          value={text}
          readOnly={lockedReason !== null}
          aria-describedby={`${textareaId}-status`}
          spellCheck
          onChange={(event) => {
            setText(event.target.value);
            if (!conflict) setState(event.target.value === lastSaved.current ? 'saved' : 'dirty');
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') event.currentTarget.blur();
            if ((event.metaKey || event.ctrlKey) && event.key === 's') {
              event.preventDefault();
              void flush();
            }
          }}
          className="relative block field-sizing-content min-h-56 w-full resize-none bg-transparent px-5 py-4 font-sans text-[15px] leading-7 break-words whitespace-pre-wrap outline-none read-only:cursor-default"
        />
      </div>
      <div className="flex items-center gap-3 text-xs text-muted-foreground">
        <span
          id={`${textareaId}-status`}
          role="status"
          className={cn(state === 'error' && 'text-destructive')}
        >
          {status}
        </span>
        {lockedReason ? null : (
          <Button
            size="sm"
            variant="outline"
            className="ml-auto h-7"
            disabled={text.trim() === ''}
            onClick={() => void flush()}
          >
            Save
          </Button>
        )}
      </div>
    </div>
  );
}
