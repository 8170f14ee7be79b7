import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emails } from '../../db/schema';
import { db, seedDemo } from '../helpers';

beforeAll(async () => {
  await seedDemo();
});

describe('make inbound', () => {
  it('keeps $ amounts and other $ text exactly as given (make does not expand them)', async () => {
    const body = 'We are 8 people, budget $9,000 a month ($$ and $(HOME) stay too).';
    const { stdout } = await promisify(execFile)(
      'make',
      [
        '--no-print-directory',
        // node_modules is in place: never let the test run `npm ci`.
        '-o',
        'node_modules/.package-lock.json',
        'inbound',
        'FROM=Dollar Seeker <dollar@seeker.example>',
        'SUBJECT=Office for $9k',
        `BODY=${body}`,
      ],
      { env: { ...process.env, AUTH_SECRET: 'make-inbound-test-secret-0123456789abcdef' } },
    );
    expect(stdout).toContain('Received at');
    const [stored] = await db.select().from(emails).where(eq(emails.fromAddress, 'dollar@seeker.example'));
    expect(stored?.body).toBe(body);
    expect(stored?.subject).toBe('Office for $9k');
  });
});
