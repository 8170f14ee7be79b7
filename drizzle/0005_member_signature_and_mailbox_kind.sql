ALTER TABLE "members" ADD COLUMN "signature" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "dev_mailbox" ADD COLUMN "kind" text DEFAULT 'reply' NOT NULL;