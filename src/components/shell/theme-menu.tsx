'use client';

import { Monitor, Moon, Sun } from 'lucide-react';
import { useState } from 'react';
import {
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
} from '@/components/ui/dropdown-menu';
import { parseTheme, THEME_COOKIE, type Theme, themes } from '@/lib/theme';

const choices: Record<Theme, { label: string; icon: typeof Sun }> = {
  system: { label: 'System', icon: Monitor },
  light: { label: 'Light', icon: Sun },
  dark: { label: 'Dark', icon: Moon },
};

/** Applies a theme at once (the class on <html>) and keeps it for the server's next render (the cookie). */
function applyTheme(theme: Theme) {
  const root = document.documentElement;
  root.classList.remove(...themes);
  root.classList.add(theme);
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie; the Cookie Store API is not in every browser
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax${secure}`;
}

/**
 * The theme choice as a group of the account menu. The server reads the same cookie, so
 * `initialTheme` is what the page was rendered with.
 */
export function ThemeMenuItems({ initialTheme }: { initialTheme: Theme }) {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  return (
    <>
      <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">Theme</DropdownMenuLabel>
      <DropdownMenuRadioGroup
        value={theme}
        onValueChange={(value) => {
          const next = parseTheme(value);
          applyTheme(next);
          setTheme(next);
        }}
      >
        {themes.map((value) => {
          const Icon = choices[value].icon;
          return (
            <DropdownMenuRadioItem key={value} value={value}>
              <Icon aria-hidden />
              {choices[value].label}
            </DropdownMenuRadioItem>
          );
        })}
      </DropdownMenuRadioGroup>
    </>
  );
}
