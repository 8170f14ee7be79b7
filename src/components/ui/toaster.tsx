'use client';

import type { ToasterProps } from 'sonner';
import { lazy, useLazy } from '@/lib/lazy';

const toaster = lazy(() => import('./sonner').then((module) => module.Toaster));

/**
 * The toasts' stack, mounted once sonner has loaded, right after the first paint (see ./toast.ts:
 * a toast asked for before then waits for it and is shown when it subscribes).
 */
export function Toaster(props: ToasterProps) {
  const Sonner = useLazy(toaster);
  return Sonner ? <Sonner {...props} /> : null;
}
