import { TRPCError } from '@trpc/server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { LiveProvider } from '@/components/live/live-provider';
import { PendingTitle } from '@/components/live/pending-title';
import { AppShell } from '@/components/shell/app-shell';
import { parseTheme, THEME_COOKIE } from '@/lib/theme';
import { serverApi } from '@/trpc/server';

async function loadViewer() {
  try {
    return await (await serverApi()).me();
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'UNAUTHORIZED' || error.code === 'FORBIDDEN'))
      return null;
    throw error;
  }
}

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const viewer = await loadViewer();
  if (!viewer) redirect('/login');
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  // Live updates for every signed-in page: one event stream per tab, the pending count in the title.
  return (
    <LiveProvider>
      <PendingTitle />
      <AppShell viewer={viewer} theme={theme}>
        {children}
      </AppShell>
    </LiveProvider>
  );
}
