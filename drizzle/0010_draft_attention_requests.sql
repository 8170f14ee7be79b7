ALTER TABLE "email_drafts" ADD COLUMN "attention_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_drafts" ADD COLUMN "attention_requested_by" text;--> statement-breakpoint
ALTER TABLE "email_drafts" ADD COLUMN "attention_note" text;--> statement-breakpoint
ALTER TABLE "email_drafts" ADD CONSTRAINT "email_drafts_attention_requested_by_users_id_fk" FOREIGN KEY ("attention_requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_drafts_attention_idx" ON "email_drafts" USING btree ("organization_id","reply_deadline_at","id") WHERE "email_drafts"."attention_requested_at" is not null;