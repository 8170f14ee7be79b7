ALTER TABLE "draft_versions" ADD COLUMN "sent_similarity" real;--> statement-breakpoint
ALTER TABLE "draft_versions" ADD COLUMN "sent_edit_distance" integer;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "draft_version" integer;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "draft_similarity" real;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "draft_edit_distance" integer;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "is_sent_unedited" boolean;--> statement-breakpoint
CREATE INDEX "email_drafts_sent_email_idx" ON "email_drafts" USING btree ("sent_email_id") WHERE "email_drafts"."sent_email_id" is not null;