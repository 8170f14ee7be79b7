import type pg from 'pg';

/** How much to generate: every organization gets one agent and one manager; ten emails and five drafts per deal. */
export type BenchSize = { organizations: number; dealsPerOrg: number; spacesPerOrg: number };

export const FULL_BENCH: BenchSize = { organizations: 1000, dealsPerOrg: 20, spacesPerOrg: 10 };

/**
 * Generates the bench organizations (`bench_org_<n>`) in SQL, replacing those of an earlier run
 * and touching nothing else, in one transaction; then ANALYZE. Shared by `make bench-seed` and
 * the query-plan guards in the test suite.
 */
export async function generateBenchData(
  client: pg.ClientBase,
  size: BenchSize,
  options: { passwordHash: string; log?: (line: string) => void },
) {
  const log = options.log ?? (() => {});
  const step = async (label: string, text: string, values: unknown[] = []) => {
    const at = Date.now();
    const result = await client.query(text, values);
    log(
      `  ${label.padEnd(34)} ${String(result.rowCount ?? '').padStart(8)} rows  ${((Date.now() - at) / 1000).toFixed(1)}s`,
    );
  };
  const passwordHash = options.passwordHash;
  const { organizations: O, dealsPerOrg: DPO, spacesPerOrg: SPO } = size;

  await client.query('begin');
  try {
    await client.query('begin');
    // Removing the previous run: synthetic rows only, all selected by organization. Replica mode
    // skips triggers for this transaction — the append-only guard on audit_events and the row-by-row
    // foreign key checks, which would make a 1.2M-row cleanup take minutes — and is switched back
    // before anything is written.
    await client.query('set local session_replication_role = replica');
    const owned = [
      'audit_events',
      'draft_versions',
      'email_drafts',
      'dev_mailbox',
      'emails',
      'deal_spaces',
      'deals',
      'spaces',
    ];
    for (const table of owned) {
      await step(
        `remove previous bench ${table}`,
        `delete from ${table} where organization_id like 'bench_org_%'`,
      );
    }
    for (const table of ['organization_settings', 'members', 'invitations']) {
      await step(
        `remove previous bench ${table}`,
        `delete from ${table} where organization_id like 'bench_org_%'`,
      );
    }
    await step(
      'remove previous bench organizations',
      `delete from organizations where id like 'bench_org_%'`,
    );
    await step('remove previous bench accounts', `delete from accounts where user_id like 'bench_user_%'`);
    await step('remove previous bench sessions', `delete from sessions where user_id like 'bench_user_%'`);
    await step('remove previous bench users', `delete from users where id like 'bench_user_%'`);
    await client.query('set local session_replication_role = origin');

    await step(
      'organizations',
      `insert into organizations (id, name, slug)
       select 'bench_org_' || n, 'Bench Brokerage ' || n, 'bench-' || n from generate_series(1, $1::int) n`,
      [O],
    );
    await step(
      'organization settings',
      `insert into organization_settings (organization_id, sender_name, sender_email, inbound_address, signature)
       select 'bench_org_' || n, 'Bench ' || n, 'deals@bench-' || n || '.bench.test', 'inbox@bench-' || n || '.bench.test',
              'Best,' || chr(10) || 'Bench Agent ' || n
       from generate_series(1, $1::int) n`,
      [O],
    );
    await step(
      'users',
      `insert into users (id, name, email, email_verified)
       select 'bench_user_' || r || '_' || n, 'Bench ' || initcap(r) || ' ' || n, 'bench-' || r || '-' || n || '@bench.test', true
       from generate_series(1, $1::int) n cross join (values ('agent'), ('manager')) roles(r)`,
      [O],
    );
    await step(
      'accounts (one password hash)',
      `insert into accounts (id, account_id, provider_id, user_id, password)
       select 'bench_account_' || id, id, 'credential', id, $1 from users where id like 'bench_user_%'`,
      [passwordHash],
    );
    await step(
      'members',
      `insert into members (id, organization_id, user_id, role)
       select 'bench_member_' || r || '_' || n, 'bench_org_' || n, 'bench_user_' || r || '_' || n, r
       from generate_series(1, $1::int) n cross join (values ('agent'), ('manager')) roles(r)`,
      [O],
    );
    await step(
      'spaces',
      `insert into spaces (organization_id, name, address, neighborhood, host_company, host_email, amenities, availability, monthly_rate, detailed_amenities)
       select 'bench_org_' || ((g - 1) / $2 + 1), 'Bench Space ' || g, g || ' Market St, San Francisco, CA', 'SoMa',
              'Host ' || g, 'host' || g || '@bench.test',
              jsonb_build_object('parking', g % 2 = 0, 'dogFriendly', g % 3 = 0, 'afterHours', g % 4 <> 0, 'meetingRooms', true),
              '{"tuesday": ["2pm", "4pm"], "thursday": ["10am"]}'::jsonb,
              4000 + (g % 40) * 250,
              jsonb_build_object('parking', jsonb_build_object('costMonthly', 100 + g % 5 * 50), 'meetingRooms', jsonb_build_object('count', 1 + g % 4, 'sizes', '[6, 10]'::jsonb))
       from generate_series(1, $1::int * $2::int) g`,
      [O, SPO],
    );
    await step(
      'deals',
      `insert into deals (organization_id, owner_id, seeker_name, seeker_email, company_name, team_size, monthly_budget, requirements, stage, position, stage_changed_at, last_activity_at, created_at)
       select 'bench_org_' || ((g - 1) / $2 + 1),
              'bench_user_' || (case when g % 2 = 0 then 'agent' else 'manager' end) || '_' || ((g - 1) / $2 + 1),
              'Seeker ' || g, 'seeker-' || g || '@bench.test', 'Bench Company ' || g, 5 + g % 40, 5000 + (g % 30) * 500,
              jsonb_build_object('parking', g % 2 = 0, 'dogFriendly', g % 5 = 0),
              (array['inquiry','touring','negotiating','closed'])[1 + g % 4]::deal_stage,
              (g % $2) * 1024, now() - (g % 30) * interval '1 day', now() - (g % 48) * interval '1 hour', now() - interval '60 days'
       from generate_series(1, $1::int * $2::int) g`,
      [O, DPO],
    );
    await client.query(`create temp table bench_deals on commit drop as
      select id, organization_id, row_number() over (order by id) as g from deals where organization_id like 'bench_org_%'`);
    await client.query(`create temp table bench_spaces on commit drop as
      select id, organization_id, row_number() over (partition by organization_id order by id) as k from spaces where organization_id like 'bench_org_%'`);
    await step(
      'deal_spaces',
      `insert into deal_spaces (organization_id, deal_id, space_id, status)
       select d.organization_id, d.id, s.id, (array['shown','interested','touring','rejected','selected'])[1 + (d.g + s.k) % 5]::deal_space_status
       from bench_deals d join bench_spaces s on s.organization_id = d.organization_id and s.k in (1 + d.g % $1, 1 + (d.g + 3) % $1)`,
      [SPO],
    );
    // Ten emails per deal: five inbound questions, each answered by one outbound reply.
    await step(
      'emails',
      `insert into emails (organization_id, deal_id, direction, from_address, to_address, subject, body, body_clean, message_id,
                           in_reply_to, delivery_status, sent_at, reply_deadline_at, replied_at)
       select d.organization_id, d.id, (case when m % 2 = 1 then 'inbound' else 'outbound' end)::email_direction,
              case when m % 2 = 1 then 'seeker-' || d.g || '@bench.test' else 'deals@bench.test' end,
              case when m % 2 = 1 then 'inbox@bench.test' else 'seeker-' || d.g || '@bench.test' end,
              'Question ' || ((m + 1) / 2) || ' about space for Bench Company ' || d.g,
              'Hi, is there parking and what does it cost per month? Could we tour Tuesday at 2pm? Thanks.',
              case when m % 2 = 1 then 'Hi, is there parking and what does it cost per month? Could we tour Tuesday at 2pm?' end,
              '<bench-' || d.g || '-' || m || '@bench.test>',
              case when m > 1 then '<bench-' || d.g || '-' || (m - 1) || '@bench.test>' end,
              case when m % 2 = 0 then 'delivered'::delivery_status end,
              now() - ((10 - m) * interval '7 hours') - (d.g % 200) * interval '1 hour',
              case when m % 2 = 1 then now() - ((10 - m) * interval '7 hours') - (d.g % 200) * interval '1 hour' + interval '4 hours' end,
              case when m % 2 = 1 and m < 9 then now() - ((9 - m) * interval '7 hours') - (d.g % 200) * interval '1 hour' end
       from bench_deals d cross join generate_series(1, 10) m`,
    );
    await step(
      'email_drafts',
      `insert into email_drafts (organization_id, deal_id, inbound_email_id, status, body, revision, current_version, confidence,
                                 validation_status, validation, is_offline, is_edited, reply_deadline_at, regeneration_count,
                                 approved_at, sent_at, sent_email_id, archived_at, archive_reason, status_before_archive, created_at, updated_at)
       select e.organization_id, e.deal_id, e.id, st.status, 'Hi, parking is available. We can tour Tuesday at 2pm.' || chr(10) || 'Best', 2, 2,
              50 + (e.id % 50)::int, v.status, jsonb_build_object('status', v.status, 'issues', '[]'::jsonb, 'checkedAt', now()),
              e.id % 7 = 0, e.id % 3 = 0, e.reply_deadline_at, 2,
              case when st.status in ('approved', 'sent') then e.sent_at + interval '1 hour' end,
              case when st.status = 'sent' then e.sent_at + interval '2 hours' end,
              case when st.status = 'sent' then reply.id end,
              case when st.status = 'archived' then e.sent_at + interval '3 hours' end,
              case when st.status = 'archived' then 'Bench archive' end,
              case when st.status = 'archived' then 'pending'::draft_status end,
              e.sent_at + interval '1 minute', e.sent_at + interval '1 minute'
       from emails e
       join lateral (select (array['pending','pending','pending','pending','approved','sent','sent','sent','sent','archived'])[1 + e.id % 10]::draft_status as status) st on true
       join lateral (select (array['passed','passed','passed','passed','passed','passed','passed','warnings','warnings','failed'])[1 + (e.id / 10) % 10]::validation_status as status) v on true
       left join emails reply on reply.deal_id = e.deal_id and reply.in_reply_to = e.message_id
       where e.organization_id like 'bench_org_%' and e.direction = 'inbound'`,
    );
    await step(
      'draft_versions',
      `insert into draft_versions (organization_id, draft_id, version, body, instruction, confidence, reasoning, model,
                                   prompt_tokens, completion_tokens, is_offline, validation_status, validation, created_at)
       select d.organization_id, d.id, v, d.body, case when v > 0 then 'Shorter' end, d.confidence,
              '{"questionsAddressed": [], "dataUsed": []}'::jsonb, 'echo-offline-1', 900 + v, 120 + v, d.is_offline,
              d.validation_status, d.validation, d.created_at + v * interval '5 minutes'
       from email_drafts d cross join generate_series(0, 2) v
       where d.organization_id like 'bench_org_%'`,
    );
    await step(
      'audit_events',
      `insert into audit_events (organization_id, actor_type, actor_id, action, entity_type, entity_id, details, created_at)
       select d.organization_id, (case when a = 1 then 'ai' else 'user' end)::actor_type,
              case when a > 1 then 'bench_user_agent_' || substr(d.organization_id, 11) end,
              (array['draft.generated','draft.regenerated','draft.edited','draft.approved','draft.sent'])[a],
              'draft', d.id::text, jsonb_build_object('dealId', d.deal_id), d.created_at + a * interval '10 minutes'
       from email_drafts d cross join generate_series(1, 5) a
       where d.organization_id like 'bench_org_%'`,
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  await step('analyze', 'analyze');
}
