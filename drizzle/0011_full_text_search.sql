-- Full-text search (search.query): a generated tsvector per searchable table, GIN-indexed together
-- with organization_id so one index scan returns one organization's matches only.
--
-- Hand-written on purpose, and the columns are not declared in db/schema: a column there would
-- ride along in every `select()` of these tables (a draft's thread would carry each email's vector
-- to the browser). Nothing but src/server/search/queries.ts reads them.
--
-- btree_gin gives GIN the text equality for organization_id. It ships with PostgreSQL (contrib).
-- Bodies are indexed by their first 100,000 characters: a tsvector must stay under 1 MB.
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
ALTER TABLE "email_drafts" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', left(body, 100000)), 'C')
) STORED;
--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', subject), 'A')
  || setweight(to_tsvector('english', coalesce(from_name, '') || ' ' || from_address || ' ' || translate(from_address, '@.+_-', '     ')), 'B')
  || setweight(to_tsvector('english', left(coalesce(body_clean, body), 100000)), 'C')
) STORED;
--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', company_name), 'A')
  || setweight(to_tsvector('english', seeker_name || ' ' || seeker_email || ' ' || translate(seeker_email, '@.+_-', '     ')), 'B')
) STORED;
--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', name), 'A')
  || setweight(to_tsvector('english', coalesce(neighborhood, '') || ' ' || address), 'B')
  || setweight(to_tsvector('english', host_company || ' ' || left(coalesce(host_context, ''), 100000)), 'C')
) STORED;
--> statement-breakpoint
CREATE INDEX "email_drafts_search_idx" ON "email_drafts" USING gin ("organization_id", "search_vector");
--> statement-breakpoint
CREATE INDEX "emails_search_idx" ON "emails" USING gin ("organization_id", "search_vector");
--> statement-breakpoint
CREATE INDEX "deals_search_idx" ON "deals" USING gin ("organization_id", "search_vector");
--> statement-breakpoint
CREATE INDEX "spaces_search_idx" ON "spaces" USING gin ("organization_id", "search_vector");
