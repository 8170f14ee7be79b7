type HistoryEvent = {
  action: string;
  actorType: string;
  actorName: string | null;
  details: Record<string, unknown>;
};

const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';
const capitalize = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

/** One line for an audit event on the deal page, in the domain's words. */
export function describeEvent(event: HistoryEvent): string {
  const d = event.details;
  switch (event.action) {
    case 'deal.stage_moved':
      return `Moved from ${capitalize(text(d.from))} to ${capitalize(text(d.to))}`;
    case 'deal.reordered':
      return `Reordered in ${capitalize(text(d.to))}`;
    case 'deal.space_status_changed':
      return `${text(d.spaceName) || 'A space'}: ${text(d.from)} → ${text(d.to)}`;
    case 'deal.created':
      return 'Deal created';
    case 'deal.updated':
      return `Deal edited: ${Object.keys((d.changes as Record<string, unknown>) ?? {}).join(', ') || 'no changes'}`;
    case 'deal.owner_changed':
      return 'Owner reassigned';
    case 'deal.space_attached':
      return `${text(d.spaceName) || 'A space'} added as ${text(d.status)}`;
    case 'deal.space_detached':
      return `${text(d.spaceName) || 'A space'} removed`;
    case 'email.received':
      return d.subject ? `Email received: “${text(d.subject)}”` : 'Email received';
    case 'draft.generated':
      return 'AI draft generated';
    case 'draft.updated_for_new_email':
      return 'Draft brought up to date for a new email';
    case 'draft.regenerated':
      return d.instruction ? `Draft regenerated: “${text(d.instruction)}”` : 'Draft regenerated';
    case 'draft.edited':
      return 'Draft edited';
    case 'draft.version_switched':
      return `Switched to version ${text(d.version)}`;
    case 'draft.approved':
      return 'Draft approved';
    case 'draft.overridden':
      return d.reason ? `Validation overridden: “${text(d.reason)}”` : 'Validation overridden';
    case 'draft.sent':
      return 'Reply sent';
    case 'draft.send_undone':
      return 'Send undone';
    case 'draft.archived':
      return d.reason ? `Draft archived: “${text(d.reason)}”` : 'Draft archived';
    case 'draft.restored':
      return 'Draft restored';
    case 'email.delivery_updated':
      return d.status ? `Delivery ${text(d.status)}` : 'Delivery updated';
    case 'email.delivery_retried':
      return 'Delivery retried';
    default:
      return event.action.replace(/[._]/g, ' ');
  }
}

export function describeActor(event: HistoryEvent) {
  if (event.actorName) return event.actorName;
  if (event.actorType === 'ai') return 'Echo AI';
  return 'System';
}
