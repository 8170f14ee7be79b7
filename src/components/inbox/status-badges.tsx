import { CircleAlert, CircleCheck, TriangleAlert } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import type { DraftStatus, ValidationStatus } from './draft-rules';

const validationText: Record<ValidationStatus, string> = {
  passed: 'Checks passed',
  warnings: 'Warnings',
  failed: 'Failed checks',
};

export function ValidationBadge({ status }: { status: ValidationStatus }) {
  const Icon = status === 'passed' ? CircleCheck : status === 'warnings' ? TriangleAlert : CircleAlert;
  return (
    <Badge
      variant={status === 'passed' ? 'green' : status === 'warnings' ? 'yellow' : 'red'}
      title={`Validation: ${status}`}
    >
      <Icon aria-hidden />
      {validationText[status]}
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
