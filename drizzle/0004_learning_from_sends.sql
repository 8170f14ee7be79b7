CREATE TYPE "public"."knowledge_proposal_kind" AS ENUM('addition', 'correction');--> statement-breakpoint
CREATE TYPE "public"."knowledge_proposal_status" AS ENUM('pending', 'accepted', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."style_item_kind" AS ENUM('greeting', 'signoff', 'length', 'deleted', 'added');--> statement-breakpoint
CREATE TABLE "knowledge_proposals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "knowledge_proposals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organization_id" text NOT NULL,
	"space_id" bigint NOT NULL,
	"field" text NOT NULL,
	"value" jsonb NOT NULL,
	"value_key" text NOT NULL,
	"current" jsonb,
	"kind" "knowledge_proposal_kind" NOT NULL,
	"status" "knowledge_proposal_status" DEFAULT 'pending' NOT NULL,
	"label" text NOT NULL,
	"source" jsonb NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "style_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "style_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organization_id" text NOT NULL,
	"kind" "style_item_kind" NOT NULL,
	"value" text NOT NULL,
	"display" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"total_words" integer DEFAULT 0 NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "style_items_count_non_negative" CHECK ("style_items"."count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "draft_versions" ADD COLUMN "sent_similarity" real;--> statement-breakpoint
ALTER TABLE "draft_versions" ADD COLUMN "sent_edit_distance" integer;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "draft_version" integer;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "draft_similarity" real;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "draft_edit_distance" integer;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "is_sent_unedited" boolean;--> statement-breakpoint
ALTER TABLE "knowledge_proposals" ADD CONSTRAINT "knowledge_proposals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_proposals" ADD CONSTRAINT "knowledge_proposals_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_proposals" ADD CONSTRAINT "knowledge_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "style_items" ADD CONSTRAINT "style_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "style_items" ADD CONSTRAINT "style_items_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_proposals_fact_idx" ON "knowledge_proposals" USING btree ("organization_id","space_id","field","value_key");--> statement-breakpoint
CREATE INDEX "knowledge_proposals_status_idx" ON "knowledge_proposals" USING btree ("organization_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "style_items_key_idx" ON "style_items" USING btree ("organization_id","kind","value");--> statement-breakpoint
CREATE INDEX "email_drafts_sent_email_idx" ON "email_drafts" USING btree ("sent_email_id") WHERE "email_drafts"."sent_email_id" is not null;