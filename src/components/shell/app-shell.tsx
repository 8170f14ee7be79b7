'use client';

import { Search } from 'lucide-react';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import { PaletteProvider, usePalette, usePaletteActions } from '@/components/palette/palette-provider';
import { Button } from '@/components/ui/button';
import { Kbd } from '@/components/ui/kbd';
import { lazy, useLazy } from '@/lib/lazy';
import type { Theme } from '@/lib/theme';
import { cn } from '@/lib/utils';
import type { RouterOutputs } from '@/trpc/react';
import { AccountButton } from './account-button';

const accountMenu = lazy(() => import('./account-menu').then((module) => module.AccountMenu));

type Viewer = RouterOutputs['me'];

const navigation = [
  { href: '/inbox', label: 'Inbox', minRole: 'agent' },
  { href: '/board', label: 'Board', minRole: 'agent' },
  { href: '/spaces', label: 'Spaces', minRole: 'agent' },
  { href: '/metrics', label: 'Metrics', minRole: 'manager' },
  { href: '/settings', label: 'Settings', minRole: 'admin' },
] as const;

const rank = { agent: 0, manager: 1, admin: 2 } as const;

export function AppShell({
  viewer,
  theme,
  children,
}: {
  viewer: Viewer;
  theme: Theme;
  children: React.ReactNode;
}) {
  return (
    <PaletteProvider>
      <Shell viewer={viewer} theme={theme}>
        {children}
      </Shell>
    </PaletteProvider>
  );
}

/** The header's "Search" button and the palette's "Go to" actions, for the pages this role may see. */
function PaletteEntry({ viewer }: { viewer: Viewer }) {
  const router = useRouter();
  const palette = usePalette();
  usePaletteActions('navigation', () =>
    navigation
      .filter((item) => rank[viewer.role] >= rank[item.minRole])
      .map((item) => ({
        id: `go-${item.href}`,
        group: 'Go to',
        label: `Go to ${item.label}`,
        keywords: item.href.slice(1),
        run: () => router.push(item.href),
      })),
  );
  return (
    <Button
      variant="outline"
      size="sm"
      className="text-muted-foreground"
      onClick={() => palette.open()}
      onPointerEnter={palette.preload}
      onFocus={palette.preload}
      aria-keyshortcuts="Control+K Meta+K"
    >
      <Search />
      <span className="hidden md:inline">Search</span>
      <Kbd className="hidden md:inline-flex">⌘K</Kbd>
    </Button>
  );
}

function Shell({ viewer, theme, children }: { viewer: Viewer; theme: Theme; children: React.ReactNode }) {
  const pathname = usePathname();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-40 border-b bg-background/95 backdrop-blur">
        <div className="flex h-14 items-center gap-3 px-3 md:gap-6 md:px-6">
          <Link href="/inbox" className="flex items-center gap-2 font-semibold tracking-tight">
            <span aria-hidden className="inline-block size-2.5 rounded-full bg-brand" />
            <span className="max-sm:sr-only">Echo</span>
          </Link>
          <nav aria-label="Main" className="flex min-w-0 items-center gap-0.5 overflow-x-auto sm:gap-1">
            {navigation
              .filter((item) => rank[viewer.role] >= rank[item.minRole])
              .map((item) => {
                const isActive = pathname === item.href || pathname.startsWith(`${item.href}/`);
                return (
                  <Link
                    key={item.href}
                    href={item.href}
                    aria-current={isActive ? 'page' : undefined}
                    className={cn(
                      'shrink-0 rounded-md px-1.5 py-1.5 text-sm sm:px-2 md:px-3 text-muted-foreground transition-colors hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none',
                      isActive && 'bg-accent font-medium text-foreground',
                    )}
                  >
                    {item.label}
                  </Link>
                );
              })}
          </nav>
          <div className="ml-auto flex shrink-0 items-center gap-2 md:gap-3">
            <PaletteEntry viewer={viewer} />
            <span className="hidden text-sm text-muted-foreground sm:inline">{viewer.organizationName}</span>
            <Account viewer={viewer} theme={theme} />
          </div>
        </div>
      </header>
      <main className="flex min-h-0 flex-1 flex-col">{children}</main>
    </div>
  );
}

/** The account menu, or, until its code has loaded, the same button (a press on it opens the menu then). */
function Account({ viewer, theme }: { viewer: Viewer; theme: Theme }) {
  const AccountMenu = useLazy(accountMenu);
  const [wasPressed, setPressed] = useState(false);
  if (AccountMenu) return <AccountMenu viewer={viewer} theme={theme} defaultOpen={wasPressed} />;
  return (
    <AccountButton
      name={viewer.name}
      aria-haspopup="menu"
      aria-expanded={false}
      data-state="closed"
      onClick={() => setPressed(true)}
    />
  );
}
