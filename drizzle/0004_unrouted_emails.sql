CREATE TABLE "unrouted_emails" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unrouted_emails_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"reason" text NOT NULL,
	"provider_message_id" text,
	"svix_id" text,
	"from_raw" text NOT NULL,
	"to_addresses" text[] DEFAULT '{}'::text[] NOT NULL,
	"subject" text NOT NULL,
	"message_id" text,
	"in_reply_to" text,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "unrouted_emails_provider_message_id_idx" ON "unrouted_emails" USING btree ("provider_message_id") WHERE "unrouted_emails"."provider_message_id" is not null;--> statement-breakpoint
CREATE INDEX "unrouted_emails_received_at_idx" ON "unrouted_emails" USING btree ("received_at");