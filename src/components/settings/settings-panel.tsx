'use client';

import { StyleMemoryCard } from '@/components/knowledge/style-memory-card';
import { Skeleton } from '@/components/ui/skeleton';
import { api } from '@/trpc/react';
import { MailRoutingCard } from './mail-routing-card';
import { MembersCard } from './members-card';
import { SettingsForm } from './settings-form';
import { WebhookCard } from './webhook-card';

export function SettingsPanel({ viewerUserId }: { viewerUserId: string }) {
  const overview = api.settings.get.useQuery();

  if (overview.isPending) {
    return (
      <div className="grid gap-6" role="status" aria-busy="true">
        <span className="sr-only">Loading settings</span>
        <Skeleton className="h-96" />
        <Skeleton className="h-40" />
      </div>
    );
  }
  if (overview.isError) {
    return (
      <p role="alert" className="rounded-md border border-destructive/40 p-4 text-sm text-destructive">
        The settings could not be loaded: {overview.error.message}
      </p>
    );
  }
  return (
    <div className="grid gap-6">
      <SettingsForm settings={overview.data.settings} />
      <WebhookCard
        webhookUrl={overview.data.webhookUrl}
        isWebhookSecretConfigured={overview.data.isWebhookSecretConfigured}
        isResendConfigured={overview.data.isResendConfigured}
      />
      <MailRoutingCard />
      <MembersCard viewerUserId={viewerUserId} />
      <StyleMemoryCard />
    </div>
  );
}
