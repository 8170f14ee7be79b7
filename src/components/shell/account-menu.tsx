'use client';

import { LogOut } from 'lucide-react';
import { useRouter } from 'next/navigation';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import type { Theme } from '@/lib/theme';
import type { RouterOutputs } from '@/trpc/react';
import { AccountButton } from './account-button';
import { ThemeMenuItems } from './theme-menu';

/**
 * The account menu: who is signed in, the theme, sign out. Loaded after the first paint (the shell
 * shows the same button meanwhile): Radix's menu is ~20 kB gzipped that no first paint needs.
 */
export function AccountMenu({
  viewer,
  theme,
  defaultOpen = false,
}: {
  viewer: RouterOutputs['me'];
  theme: Theme;
  /** The button was pressed before this code had loaded. */
  defaultOpen?: boolean;
}) {
  const router = useRouter();

  async function signOut() {
    // A plain POST to better-auth's endpoint: its React client is not worth its bytes on every page.
    await fetch('/api/auth/sign-out', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    router.replace('/login');
    router.refresh();
  }

  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>
        <AccountButton name={viewer.name} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        <DropdownMenuLabel className="grid gap-0.5">
          <span>{viewer.name}</span>
          <span className="text-xs font-normal text-muted-foreground">{viewer.email}</span>
          <span className="text-xs font-normal text-muted-foreground capitalize">
            {viewer.role} · {viewer.organizationName}
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <ThemeMenuItems initialTheme={theme} />
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={signOut}>
          <LogOut />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
