'use client';

import { MessageCircleQuestion, ShieldCheck } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { dateFormat } from './draft-header';
import type { Draft } from './draft-rules';

/** After a manager's override: who approved the failed draft, when and why, instead of "must override". */
export function OverrideSummary({ override }: { override: NonNullable<Draft['override']> }) {
  return (
    <div
      className="flex items-start gap-2 rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950 dark:border-sky-900 dark:bg-sky-950/60 dark:text-sky-100"
      data-testid="override-summary"
    >
      <ShieldCheck className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="grid gap-1">
        <p>
          <span className="font-medium">Approved with an override</span> by {override.byName ?? 'a manager'}
          {override.at ? (
            <>
              , <time dateTime={override.at.toISOString()}>{dateFormat.format(override.at)}</time>
            </>
          ) : null}
          .
        </p>
        <p>
          <span className="font-medium">Reason: </span>“{override.reason}”
        </p>
        <p className="text-xs text-sky-900/80 dark:text-sky-100/80">
          The records still disagree with the claims below.
        </p>
      </div>
    </div>
  );
}

/** The agent's open "Ask a manager" ("Alex asked: …"), or the button to ask, on a failed draft. */
export function AttentionRequest({ draft, onAskManager }: { draft: Draft; onAskManager?: () => void }) {
  const request = draft.attentionRequest;
  if (request) {
    return (
      <div
        className="flex items-start gap-2 rounded-lg border bg-background p-3 text-sm shadow-xs"
        data-testid="attention-request"
      >
        <MessageCircleQuestion className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
        <p>
          <span className="font-medium">{request.byName ?? 'An agent'} asked</span>{' '}
          <span className="text-xs text-muted-foreground">
            (<time dateTime={request.at.toISOString()}>{dateFormat.format(request.at)}</time>)
          </span>
          : “{request.note}”
        </p>
      </div>
    );
  }
  if (!draft.can.requestOverride.allowed || !onAskManager) return null;
  return (
    <Button variant="outline" size="sm" className="w-fit" onClick={onAskManager}>
      <MessageCircleQuestion />
      Ask a manager
    </Button>
  );
}
