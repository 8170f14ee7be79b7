'use client';

import { Sparkles } from 'lucide-react';
import { useId, useImperativeHandle, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { formatDuration } from './evidence';

export const quickInstructions = ['Shorter', 'More formal', 'Propose other times'] as const;

const timeFormat = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', weekday: 'short' });

export type RegenerateHandle = { focus: () => void };

export function RegenerateForm({
  ref,
  regenerationsLeft,
  nextRegenerationAt,
  lockedReason,
  isWorking,
  onRegenerate,
  now,
}: {
  ref?: React.Ref<RegenerateHandle>;
  regenerationsLeft: number;
  nextRegenerationAt: Date | null;
  lockedReason: string | null;
  isWorking: boolean;
  onRegenerate: (instruction: string) => Promise<boolean>;
  now: Date;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [instruction, setInstruction] = useState('');
  useImperativeHandle(ref, () => ({ focus: () => input.current?.focus() }), []);

  const isOut = regenerationsLeft <= 0;
  const blocked = lockedReason ?? (isOut ? 'No regenerations left for now.' : null);
  const allowance = isOut
    ? nextRegenerationAt
      ? `No regenerations left. The next is allowed ${timeFormat.format(nextRegenerationAt)} (in ${formatDuration(nextRegenerationAt.getTime() - now.getTime())}).`
      : 'No regenerations left for this draft.'
    : `${regenerationsLeft} regeneration${regenerationsLeft === 1 ? '' : 's'} left`;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (blocked || isWorking) return;
    if (await onRegenerate(instruction.trim())) setInstruction('');
  }

  return (
    <form onSubmit={submit} className="grid gap-3" aria-label="Regenerate the draft">
      <div className="flex items-baseline justify-between gap-3">
        <Label htmlFor={id} className="text-sm font-semibold">
          Instruction
        </Label>
        <span id={`${id}-allowance`} className="text-xs text-muted-foreground">
          {allowance}
        </span>
      </div>
      <div className="flex gap-2">
        <Input
          ref={input}
          id={id}
          value={instruction}
          onChange={(event) => setInstruction(event.target.value)}
          onKeyDown={(event) => event.key === 'Escape' && event.currentTarget.blur()}
          placeholder="e.g. offer Tuesday 2pm instead"
          maxLength={1000}
          disabled={blocked !== null || isWorking}
          aria-describedby={`${id}-allowance`}
        />
        <Button
          type="submit"
          variant="secondary"
          disabled={blocked !== null || isWorking}
          title={blocked ?? undefined}
        >
          <Sparkles />
          Regenerate
        </Button>
      </div>
      <fieldset className="flex flex-wrap gap-1.5">
        <legend className="sr-only">Quick instructions</legend>
        {quickInstructions.map((chip) => (
          <button
            key={chip}
            type="button"
            disabled={blocked !== null || isWorking}
            aria-pressed={instruction === chip}
            onClick={() => {
              setInstruction(chip);
              input.current?.focus();
            }}
            className="rounded-full border px-3 py-1 text-xs text-muted-foreground transition-colors outline-none hover:bg-muted hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:opacity-50 aria-pressed:border-foreground/30 aria-pressed:bg-muted aria-pressed:text-foreground"
          >
            {chip}
          </button>
        ))}
      </fieldset>
      {isWorking ? (
        <div role="status" className="grid gap-2 text-sm text-muted-foreground">
          <span>Writing a new version and checking it against the records…</span>
          <span className="relative block h-1 overflow-hidden rounded-full bg-muted">
            <span className="absolute inset-0 animate-pulse rounded-full bg-brand/70" />
          </span>
        </div>
      ) : null}
    </form>
  );
}
