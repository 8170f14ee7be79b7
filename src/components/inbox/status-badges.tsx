import { CircleAlert, CircleCheck, TriangleAlert } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip';
import { cn } from '@/lib/utils';
import type { DraftStatus, ValidationStatus } from './draft-rules';

const validationText: Record<ValidationStatus, string> = {
  passed: 'Checks passed',
  warnings: 'Warnings',
  failed: 'Failed checks',
};

export type QuestionsSummary = { asked: number; answered: number; deferred: number; unanswered?: string[] };

/** "3 of 4 questions answered · 1 deferred"; null when the email asked nothing or is from before the check. */
export function questionsText(questions: QuestionsSummary | null | undefined): string | null {
  if (!questions || questions.asked === 0) return null;
  const noun = questions.asked === 1 ? 'question' : 'questions';
  const deferred = questions.deferred > 0 ? ` · ${questions.deferred} deferred` : '';
  return `${questions.answered} of ${questions.asked} ${noun} answered${deferred}`;
}

/** Never green for an incomplete reply, even on a validation stored before completeness existed. */
export function effectiveValidationStatus(
  status: ValidationStatus,
  questions: QuestionsSummary | null | undefined,
): ValidationStatus {
  if (status === 'passed' && questions && questions.answered + questions.deferred < questions.asked)
    return 'warnings';
  return status;
}

export function ValidationBadge({
  status: stored,
  questions,
}: {
  status: ValidationStatus;
  questions?: QuestionsSummary | null;
}) {
  const status = effectiveValidationStatus(stored, questions);
  const Icon = status === 'passed' ? CircleCheck : status === 'warnings' ? TriangleAlert : CircleAlert;
  return (
    <Badge
      variant={status === 'passed' ? 'green' : status === 'warnings' ? 'yellow' : 'red'}
      title={`Validation: ${status}`}
    >
      <Icon aria-hidden />
      {validationText[status]}
      {questionsText(questions) ? <span className="font-normal">· {questionsText(questions)}</span> : null}
    </Badge>
  );
}

const statusText: Record<DraftStatus, string> = {
  pending: 'Pending review',
  approved: 'Approved',
  sent: 'Sent',
  archived: 'Archived',
};

export function StatusBadge({ status }: { status: DraftStatus }) {
  return (
    <Badge variant={status === 'approved' ? 'default' : status === 'sent' ? 'secondary' : 'outline'}>
      {statusText[status]}
    </Badge>
  );
}

const deliveryText: Record<string, string> = {
  queued: 'Queued',
  sent: 'Sent to provider',
  delayed: 'Delayed',
  delivered: 'Delivered',
  bounced: 'Bounced',
  complained: 'Marked as spam',
  failed: 'Delivery failed',
  cancelled: 'Cancelled',
};

export function DeliveryBadge({ status }: { status: string | null }) {
  if (!status) return null;
  const bad = status === 'bounced' || status === 'failed' || status === 'complained';
  return (
    <Badge
      variant={bad ? 'red' : status === 'delivered' ? 'green' : 'secondary'}
      data-delivery-status={status}
    >
      {deliveryText[status] ?? status}
    </Badge>
  );
}

export function ConfidenceBadge({ confidence }: { confidence: number }) {
  return (
    <Badge variant="outline" className="tabular-nums" title="How sure the drafter is of this reply">
      {confidence}% confident
    </Badge>
  );
}

export const offlineExplanation =
  'Drafted by the offline drafter, from the records alone: no AI provider is configured, or it failed. Check the wording before sending.';

/** The "Offline" chip, with what it means on hover and on keyboard focus. */
export function OfflineBadge({ label = 'Offline', className }: { label?: string; className?: string }) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Badge
          variant="secondary"
          tabIndex={0}
          className={cn(
            'cursor-help outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50',
            className,
          )}
        >
          {label}
          <span className="sr-only">: {offlineExplanation}</span>
        </Badge>
      </TooltipTrigger>
      <TooltipContent>{offlineExplanation}</TooltipContent>
    </Tooltip>
  );
}
