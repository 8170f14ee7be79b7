/** What a mail transport takes and what one attempt comes to: shared by every transport. */

/** One outbound email as a transport sends it. */
export type OutgoingEmail = {
  organizationId: string;
  /** The `emails` row of a reply; null for account mail (invitations, password resets). */
  emailId: number | null;
  kind?: 'reply' | 'invitation' | 'password_reset';
  from: string;
  to: string;
  subject: string;
  text: string;
  /** Where the recipient's answer goes: the organization's inbound address for a reply to a seeker. */
  replyTo?: string;
  headers: Record<string, string>;
  /** The same for every attempt at the same send, so the provider delivers it once. */
  idempotencyKey: string;
};

/** What one attempt came to; the delivery job decides what happens next. */
export type DeliveryAttempt =
  | { outcome: 'accepted'; providerMessageId: string; status: 'sent' | 'delivered' }
  | { outcome: 'retryable'; message: string; retryAfterSeconds: number | null }
  | { outcome: 'rejected'; message: string };

export interface MailTransport {
  readonly name: string;
  send(email: OutgoingEmail): Promise<DeliveryAttempt>;
}
