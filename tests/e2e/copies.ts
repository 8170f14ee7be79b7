import type pg from 'pg';

/**
 * A copy of a company's first seeded draft (its inbound email and versions too), made the most
 * urgent in the queue: journeys that change drafts work on copies, so the seed stays as other
 * browser tests expect it.
 */
export async function copySeededDraft(
  db: pg.Client,
  company: string,
  moreUrgentByMinutes: number,
): Promise<number> {
  const columns = async (table: string) =>
    (
      await db.query<{ column_name: string }>(
        `select column_name from information_schema.columns
         where table_schema = 'public' and table_name = $1 and is_identity = 'NO' and is_generated = 'NEVER'`,
        [table],
      )
    ).rows
      .map((row) => row.column_name)
      .filter((column) => column !== 'id');
  const quoted = (name: string) => `"${name}"`;
  const { rows } = await db.query<{ id: string; inbound_email_id: string }>(
    `select d.id, d.inbound_email_id from email_drafts d join deals on deals.id = d.deal_id
     where deals.company_name = $1 order by d.id limit 1`,
    [company],
  );
  const source = rows[0];
  if (!source) throw new Error(`No seeded draft for ${company}`);
  await db.query('begin');
  const emailColumns = await columns('emails');
  const email = await db.query<{ id: string }>(
    `insert into emails (${emailColumns.map(quoted).join(', ')})
     select ${emailColumns
       .map((column) =>
         column === 'message_id'
           ? `'<copy-' || gen_random_uuid() || '@e2e.test>'`
           : column === 'provider_message_id'
             ? 'null'
             : quoted(column),
       )
       .join(', ')}
     from emails where id = $1 returning id`,
    [source.inbound_email_id],
  );
  const emailId = email.rows[0]?.id;
  // The most urgent open reply deadline, minus a few minutes: the copy tops the queue.
  const { rows: deadline } = await db.query<{ at: Date }>(
    `select min(reply_deadline_at) - make_interval(mins => $1) as at from email_drafts where status <> 'archived'`,
    [moreUrgentByMinutes],
  );
  await db.query('update emails set reply_deadline_at = $1 where id = $2', [deadline[0]?.at, emailId]);
  const draftColumns = await columns('email_drafts');
  const draft = await db.query<{ id: string }>(
    `insert into email_drafts (${draftColumns.map(quoted).join(', ')})
     select ${draftColumns
       .map((column) =>
         column === 'inbound_email_id'
           ? '$2::bigint'
           : column === 'reply_deadline_at'
             ? '$3::timestamptz'
             : quoted(column),
       )
       .join(', ')}
     from email_drafts where id = $1 returning id`,
    [source.id, emailId, deadline[0]?.at],
  );
  const draftId = draft.rows[0]?.id;
  const versionColumns = await columns('draft_versions');
  await db.query(
    `insert into draft_versions (${versionColumns.map(quoted).join(', ')})
     select ${versionColumns.map((column) => (column === 'draft_id' ? '$2::bigint' : quoted(column))).join(', ')}
     from draft_versions where draft_id = $1`,
    [source.id, draftId],
  );
  await db.query('commit');
  return Number(draftId);
}
