CREATE INDEX "spaces_list_name_idx" ON "spaces" USING btree ("organization_id","name","id");--> statement-breakpoint
CREATE INDEX "spaces_list_rate_idx" ON "spaces" USING btree ("organization_id","monthly_rate","id");--> statement-breakpoint
CREATE INDEX "spaces_list_desks_idx" ON "spaces" USING btree ("organization_id",coalesce("desks", -1),"id");--> statement-breakpoint
CREATE INDEX "spaces_list_square_feet_idx" ON "spaces" USING btree ("organization_id",coalesce("square_feet", -1),"id");