ALTER TABLE "deals" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "desks" integer;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "square_feet" integer;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "available_from" date;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "spaces" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "spaces_reference_idx" ON "spaces" USING btree ("organization_id","reference");--> statement-breakpoint
ALTER TABLE "spaces" ADD CONSTRAINT "desks_non_negative" CHECK ("spaces"."desks" >= 0);--> statement-breakpoint
ALTER TABLE "spaces" ADD CONSTRAINT "square_feet_non_negative" CHECK ("spaces"."square_feet" >= 0);