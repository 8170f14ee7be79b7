import { formErrorText } from '@/lib/form-errors';

/** What to tell the agent when a mutation is refused; the server's messages are written for people. */
export function describeError(error: unknown): string {
  const data = (error as { data?: { code?: string; retryAt?: string | null } } | null)?.data;
  if (data?.code === 'TOO_MANY_REQUESTS' && data.retryAt) {
    const at = new Date(data.retryAt);
    return `No regenerations left. The next is allowed ${at.toLocaleString('en-US', { weekday: 'short', hour: 'numeric', minute: '2-digit' })}.`;
  }
  if (data?.code === 'CONFLICT')
    return 'Someone else changed this draft. The latest version is loaded; check it and try again.';
  if (data && 'zodError' in data && data.zodError) return formErrorText(error);
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}

export function errorCodeOf(error: unknown): string | null {
  return (error as { data?: { code?: string } } | null)?.data?.code ?? null;
}
