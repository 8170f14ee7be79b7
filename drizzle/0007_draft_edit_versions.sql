ALTER TABLE "draft_versions" ADD COLUMN "kind" text DEFAULT 'ai' NOT NULL;--> statement-breakpoint
ALTER TABLE "email_drafts" ADD COLUMN "edited_by" text;--> statement-breakpoint
ALTER TABLE "email_drafts" ADD CONSTRAINT "email_drafts_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;