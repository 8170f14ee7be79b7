export const DEFAULT_AFTER_SIGN_IN = '/inbox';

/**
 * Where to send the browser after sign-in: `next` resolved against our own origin the way the
 * browser will resolve it (backslashes as slashes, tabs and newlines dropped), kept only if it
 * stays on this origin, and returned as a path that cannot be read as another host (`//…`).
 */
export function safeRedirectTarget(next: string | null | undefined, origin: string): string {
  if (!next?.startsWith('/')) return DEFAULT_AFTER_SIGN_IN;
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(next, base);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (target.origin !== base.origin) return DEFAULT_AFTER_SIGN_IN;
  const path = `${target.pathname}${target.search}${target.hash}`;
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return DEFAULT_AFTER_SIGN_IN;
  return path;
}
