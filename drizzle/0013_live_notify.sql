-- Live updates: every change a viewer should see is announced on the `echo_events` channel from the
-- database itself, so every write path (services, jobs, other app instances, a psql session) is
-- covered, and each app instance's one LISTEN connection hears all of them (src/server/live/).
-- A notification is delivered at commit, and not at all on rollback. Payloads stay tiny (ids,
-- never bodies): NOTIFY caps them at 8,000 bytes and any session may LISTEN.
ALTER TABLE "draft_presence" SET UNLOGGED;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION echo_notify_draft() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('echo_events', json_build_object(
    'organizationId', NEW.organization_id,
    'kind', CASE TG_OP WHEN 'INSERT' THEN 'draft.created' ELSE 'draft.updated' END,
    'draftId', NEW.id,
    'dealId', NEW.deal_id,
    'status', NEW.status
  )::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER email_drafts_notify_insert
  AFTER INSERT ON email_drafts
  FOR EACH ROW EXECUTE FUNCTION echo_notify_draft();
--> statement-breakpoint
-- Any column (status, working body and revision, assignment, …); an UPDATE that changes nothing is quiet.
CREATE TRIGGER email_drafts_notify_update
  AFTER UPDATE ON email_drafts
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION echo_notify_draft();
--> statement-breakpoint
-- Per statement and organization, so a bulk import of emails is a handful of notifications, not one per row.
CREATE OR REPLACE FUNCTION echo_notify_emails() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  inserted record;
BEGIN
  FOR inserted IN SELECT organization_id, count(*) AS n FROM new_emails GROUP BY organization_id LOOP
    PERFORM pg_notify('echo_events', json_build_object(
      'organizationId', inserted.organization_id,
      'kind', 'email.created',
      'count', inserted.n
    )::text);
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER emails_notify_insert
  AFTER INSERT ON emails
  REFERENCING NEW TABLE AS new_emails
  FOR EACH STATEMENT EXECUTE FUNCTION echo_notify_emails();
--> statement-breakpoint
-- Presence: arrivals, departures and viewing ↔ editing; a heartbeat that only moves seen_at is quiet.
CREATE OR REPLACE FUNCTION echo_notify_presence() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed draft_presence;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  PERFORM pg_notify('echo_events', json_build_object(
    'organizationId', changed.organization_id,
    'kind', 'presence',
    'draftId', changed.draft_id
  )::text);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER draft_presence_notify_insert_delete
  AFTER INSERT OR DELETE ON draft_presence
  FOR EACH ROW EXECUTE FUNCTION echo_notify_presence();
--> statement-breakpoint
CREATE TRIGGER draft_presence_notify_state
  AFTER UPDATE ON draft_presence
  FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION echo_notify_presence();
