/**
 * `make inbound FROM=… SUBJECT=… BODY=… [TO=…] [DEAL=…]`: an email arrives, as if through Resend.
 * It runs the same receive service as the webhook against the configured database (the embedded
 * one unless DATABASE_URL is set): the email lands on its deal and its draft job is queued, for
 * the worker of `make dev` (or `make worker`) to draft.
 */

import { DEV_DATABASE, startEmbeddedPostgres } from '../db/embedded';

const from = process.env.FROM?.trim();
const subject = process.env.SUBJECT?.trim();
const body = process.env.BODY?.trim();
const to = process.env.TO?.trim();
const dealText = process.env.DEAL?.trim();

if (!from || !subject || !body) {
  console.error(
    "Usage: make inbound FROM='Priya Shah <priya@acme.example>' SUBJECT='Tour on Tuesday?' BODY='Budget $9,000: can we see the loft?' [TO=inbox@tandem.echo.test] [DEAL=12]\n(single quotes: inside double quotes the shell turns $9,000 into ,000)",
  );
  process.exit(2);
}
const dealId = dealText ? Number(dealText) : undefined;
if (dealId !== undefined && (!Number.isInteger(dealId) || dealId <= 0)) {
  console.error(`DEAL must be a deal id (a positive whole number), not "${dealText}"`);
  process.exit(2);
}

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(DEV_DATABASE);
const { db, pool } = await import('../src/server/db');
const { asc, eq, isNotNull } = await import('drizzle-orm');
const { organizationSettings, organizations } = await import('../db/schema');
const { findOrganizationByInboundAddress } = await import('../src/server/settings/queries');
const { assertSimulateAllowed, receiveInboundEmail } = await import('../src/server/inbound/service');
const { getBoss } = await import('../src/server/queue');

async function recipient() {
  if (to) {
    const organizationId = await findOrganizationByInboundAddress(db, to);
    if (!organizationId)
      throw new Error(`No organization receives mail at ${to} (see Settings → Inbound address)`);
    return { organizationId, address: to };
  }
  const [first] = await db
    .select({
      organizationId: organizationSettings.organizationId,
      address: organizationSettings.inboundAddress,
    })
    .from(organizationSettings)
    .innerJoin(organizations, eq(organizations.id, organizationSettings.organizationId))
    .where(isNotNull(organizationSettings.inboundAddress))
    // The first organization set up, not the last settings saved: the default stays put.
    .orderBy(asc(organizations.createdAt), asc(organizations.id))
    .limit(1);
  if (!first?.address) throw new Error('No organization has an inbound address: run `make db-fresh` first');
  return { organizationId: first.organizationId, address: first.address };
}

let exitCode = 0;
let boss: Awaited<ReturnType<typeof getBoss>> | null = null;
try {
  assertSimulateAllowed();
  boss = await getBoss();
  const { organizationId, address } = await recipient();
  const result = await receiveInboundEmail(db, {
    organizationId,
    dealId,
    message: { from, to: address, subject, text: body, receivedAt: new Date() },
  });
  if (result.status === 'duplicate') {
    console.log(`Already received: email ${result.emailId} on deal ${result.dealId}.`);
  } else {
    console.log(
      `Received at ${address}: email ${result.emailId} on ${result.isNewDeal ? 'new ' : ''}deal ${result.dealId} (matched by ${result.matchedBy}).`,
    );
    console.log(
      `Reply due by ${result.replyDeadlineAt.toLocaleString()}; the draft is queued for the worker.`,
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  await boss?.stop({ graceful: true, wait: true });
  await pool.end();
  await embedded?.stop();
}
process.exit(exitCode);
