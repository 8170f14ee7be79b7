/** The colour theme: `system` follows the device's prefers-color-scheme (see globals.css). */
export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

export const THEME_COOKIE = 'echo-theme';

export function parseTheme(value: string | undefined | null): Theme {
  return themes.find((theme) => theme === value) ?? 'system';
}
