import { CircleAlert, CircleCheck, ExternalLink, MessageSquareQuote, TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { useMemo } from 'react';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/lib/utils';
import type { RouterOutputs } from '@/trpc/react';
import { AttentionRequest, OverrideSummary } from './attention-panel';
import { describeDataPoint, humanizeField, parseSource, sourceHref } from './evidence';
import { locateIssues } from './highlight';
import { effectiveValidationStatus, questionsText } from './status-badges';

type Draft = RouterOutputs['drafts']['get'];
type Version = Draft['versions'][number];

function Section({ title, children, count }: { title: string; children: React.ReactNode; count?: number }) {
  return (
    <section aria-label={title} className="grid grid-cols-1 gap-3">
      <h3 className="flex items-center gap-2 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
        {title}
        {count !== undefined ? <span className="font-normal tabular-nums">{count}</span> : null}
      </h3>
      {children}
    </section>
  );
}

function sourceName(draft: Draft, source: { kind: string; id: string | number | null }) {
  if (source.kind === 'space') {
    const space = draft.spaces.find((candidate) => String(candidate.id) === String(source.id));
    return space?.name ?? `Space ${source.id}`;
  }
  if (source.kind === 'deal') return draft.deal.companyName;
  if (source.kind === 'email') return 'The email thread';
  if (source.kind === 'organization') return 'Organization settings';
  return 'Records';
}

function SourceLink({
  draft,
  kind,
  id,
  field,
}: {
  draft: Draft;
  kind: ReturnType<typeof parseSource>['kind'];
  id: string | number | null;
  field: string | null;
}) {
  const name = sourceName(draft, { kind, id });
  const fieldName = humanizeField(field);
  return (
    <Link
      href={sourceHref(draft.dealId, { kind, id, field })}
      className="inline-flex items-center gap-1 text-xs text-muted-foreground underline-offset-2 hover:text-foreground hover:underline"
    >
      <span>
        {name}
        {fieldName ? ` › ${fieldName}` : ''}
      </span>
      <ExternalLink className="size-3" aria-hidden />
    </Link>
  );
}

export function EvidencePanel({
  draft,
  workingBody,
  onAskManager,
}: {
  draft: Draft;
  workingBody: string;
  /** Opens "Ask a manager"; shown when the server's `can.requestOverride` allows it. */
  onAskManager?: () => void;
}) {
  const version: Version | undefined =
    draft.versions.find((candidate) => candidate.version === draft.currentVersion) ?? draft.versions.at(-1);
  const validation = draft.validation;
  const status = effectiveValidationStatus(validation.status, validation.questions);
  const answeredText = questionsText(validation.questions);
  const located = useMemo(
    () => new Set(locateIssues(workingBody, validation.issues).map((issue) => issue.index)),
    [workingBody, validation.issues],
  );
  const reasoning = version?.reasoning;

  return (
    <div className="grid min-w-0 grid-cols-1 gap-8">
      <Section title="Validation" count={validation.issues.length}>
        {draft.override ? (
          <OverrideSummary override={draft.override} />
        ) : (
          <div
            className={cn(
              'flex items-start gap-2 rounded-lg border p-3 text-sm',
              status === 'passed' &&
                'border-emerald-200 bg-emerald-50 text-emerald-950 dark:border-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-100',
              status === 'warnings' &&
                'border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-100',
              status === 'failed' &&
                'border-red-200 bg-red-50 text-red-950 dark:border-red-900 dark:bg-red-950/60 dark:text-red-100',
            )}
          >
            {status === 'passed' ? (
              <CircleCheck className="mt-0.5 size-4 shrink-0" aria-hidden />
            ) : status === 'warnings' ? (
              <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
            ) : (
              <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
            )}
            <p>
              {status === 'passed'
                ? 'Every price, count, time and amenity in the reply matches the records.'
                : status === 'warnings'
                  ? 'Some statements are not confirmed by the records. Check the highlighted words.'
                  : 'The reply states something the records contradict. The highlighted words must change, or a manager must override.'}
            </p>
          </div>
        )}
        {!draft.override && (status === 'failed' || draft.attentionRequest) ? (
          <AttentionRequest draft={draft} onAskManager={onAskManager} />
        ) : null}
        {answeredText ? (
          <p className="text-sm" data-testid="questions-answered">
            <span className="font-medium tabular-nums">{answeredText}</span>
            {validation.questions?.unanswered?.length ? (
              <span className="text-muted-foreground">
                {' '}
                · not answered: {validation.questions.unanswered.map((q) => `“${q}”`).join(', ')}
              </span>
            ) : null}
          </p>
        ) : null}
        {validation.issues.length > 0 ? (
          <ul className="grid grid-cols-1 gap-2.5">
            {validation.issues.map((issue, index) => {
              const source = parseSource(issue.source);
              return (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id; the list is rebuilt whole
                  key={index}
                  className="grid gap-1.5 rounded-lg border bg-background p-3 text-sm shadow-xs"
                  data-issue-card={index}
                >
                  <div className="flex items-center gap-2">
                    <Badge variant={issue.severity === 'error' ? 'red' : 'yellow'}>
                      {issue.severity === 'error' ? 'Contradicted' : 'Unconfirmed'}
                    </Badge>
                    {issue.layer ? (
                      <span className="text-xs text-muted-foreground">
                        {issue.layer === 'grounding' ? 'Records check' : 'AI review'}
                      </span>
                    ) : null}
                  </div>
                  <p>
                    The reply says{' '}
                    <mark
                      className={cn(
                        'rounded-[3px] px-0.5 font-medium text-foreground',
                        issue.severity === 'error'
                          ? 'bg-red-100 dark:bg-red-950'
                          : 'bg-amber-100 dark:bg-amber-950',
                      )}
                    >
                      {issue.claim}
                    </mark>
                    {located.has(index) ? null : (
                      <span className="text-xs text-muted-foreground"> (no longer in the working body)</span>
                    )}
                  </p>
                  <p className="text-muted-foreground">
                    <span className="font-medium text-foreground">Records say: </span>
                    {issue.expected}
                  </p>
                  <SourceLink draft={draft} {...source} />
                </li>
              );
            })}
          </ul>
        ) : null}
      </Section>

      <Section title="Questions answered" count={reasoning?.questionsAddressed.length ?? 0}>
        {reasoning && reasoning.questionsAddressed.length > 0 ? (
          <ol className="grid gap-3">
            {reasoning.questionsAddressed.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: questions are positional
              <li key={index} className="grid gap-1 text-sm">
                <p className="flex gap-2 font-medium">
                  <MessageSquareQuote className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
                  {item.question}
                </p>
                <p className="pl-6 text-muted-foreground">{item.answer}</p>
                {item.sourceText ? (
                  <blockquote className="ml-6 border-l-2 pl-2 text-xs text-muted-foreground italic">
                    “{item.sourceText}”
                  </blockquote>
                ) : item.sourceEmailId ? (
                  <p className="pl-6 text-xs text-muted-foreground">
                    Asked in{' '}
                    {item.sourceEmailId === draft.inboundEmailId
                      ? 'the email being answered'
                      : 'an earlier email'}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-muted-foreground">The drafter listed no questions for this email.</p>
        )}
      </Section>

      <Section title="Data used" count={reasoning?.dataUsed.length ?? 0}>
        {reasoning && reasoning.dataUsed.length > 0 ? (
          <ul className="grid grid-cols-1 gap-2">
            {reasoning.dataUsed.map((item, index) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: data points are positional
                key={index}
                className="grid gap-0.5 rounded-md bg-background px-3 py-2 text-sm ring-1 ring-border"
              >
                <span className="break-words">
                  {describeDataPoint(
                    item,
                    item.sourceType === 'space'
                      ? sourceName(draft, { kind: 'space', id: item.sourceId ?? null })
                      : null,
                  )}
                </span>
                <SourceLink
                  draft={draft}
                  kind={item.sourceType ?? 'other'}
                  id={item.sourceId ?? null}
                  field={item.fieldPath ?? null}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">No records were cited.</p>
        )}
      </Section>

      {reasoning?.schedulingLogic && reasoning.schedulingLogic.length > 0 ? (
        <Section title="Scheduling">
          <ul className="grid gap-1 text-sm text-muted-foreground">
            {reasoning.schedulingLogic.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Section>
      ) : null}

      {reasoning?.needsHumanReview && reasoning.needsHumanReview.length > 0 ? (
        <Section title="Check yourself">
          <ul className="grid gap-1.5 text-sm">
            {reasoning.needsHumanReview.map((line) => (
              <li key={line} className="flex gap-2">
                <TriangleAlert
                  className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400"
                  aria-hidden
                />
                {line}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {version ? (
        <p className="text-xs text-muted-foreground">
          v{version.version} by {version.isOffline ? 'the offline drafter' : version.model} ·{' '}
          {(version.promptTokens + version.completionTokens).toLocaleString('en-US')} tokens
        </p>
      ) : null}
    </div>
  );
}
