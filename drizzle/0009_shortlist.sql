CREATE TABLE "deal_space_dismissals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deal_space_dismissals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organization_id" text NOT NULL,
	"deal_id" bigint NOT NULL,
	"space_id" bigint NOT NULL,
	"dismissed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "requirement_sources" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "pending_requirements" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "hand_entered_fields" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organization_settings" ADD COLUMN "budget_tolerance_percent" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "deal_space_dismissals" ADD CONSTRAINT "deal_space_dismissals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_space_dismissals" ADD CONSTRAINT "deal_space_dismissals_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_space_dismissals" ADD CONSTRAINT "deal_space_dismissals_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deal_space_dismissals_pair_idx" ON "deal_space_dismissals" USING btree ("deal_id","space_id");--> statement-breakpoint
CREATE INDEX "deal_space_dismissals_space_id_index" ON "deal_space_dismissals" USING btree ("space_id");--> statement-breakpoint
CREATE INDEX "spaces_live_rate_idx" ON "spaces" USING btree ("organization_id","monthly_rate","desks") WHERE "spaces"."archived_at" is null;--> statement-breakpoint
ALTER TABLE "organization_settings" ADD CONSTRAINT "budget_tolerance_range" CHECK ("organization_settings"."budget_tolerance_percent" between 0 and 100);