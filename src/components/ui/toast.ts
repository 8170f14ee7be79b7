import type { ExternalToast, toast as SonnerToast } from 'sonner';
import { lazy } from '@/lib/lazy';

/**
 * sonner, fetched after the first paint (it is ~9 kB gzipped of every page's first-load JS
 * otherwise). `toast` below has sonner's API and works before it has loaded: the call waits for
 * it, and the <Toaster> (src/components/ui/toaster.tsx) shows every toast still active when it
 * subscribes, so nothing is lost.
 */
export const sonner = lazy(() => import('sonner'));

type Message = Parameters<typeof SonnerToast>[0];
type Kind = 'success' | 'info' | 'warning' | 'error' | 'message' | 'loading';

let waitingId = 0;

function show(kind: Kind | null, message: Message, data?: ExternalToast): string | number {
  const loaded = sonner.get();
  if (loaded) return kind ? loaded.toast[kind](message, data) : loaded.toast(message, data);
  // Not there yet: the toast gets its id now, so the caller can update or dismiss it meanwhile.
  waitingId += 1;
  const id = data?.id ?? `toast-before-load-${waitingId}`;
  void sonner.load().then(({ toast: real }) => (kind ? real[kind] : real)(message, { ...data, id }));
  return id;
}

export const toast = Object.assign((message: Message, data?: ExternalToast) => show(null, message, data), {
  success: (message: Message, data?: ExternalToast) => show('success', message, data),
  info: (message: Message, data?: ExternalToast) => show('info', message, data),
  warning: (message: Message, data?: ExternalToast) => show('warning', message, data),
  error: (message: Message, data?: ExternalToast) => show('error', message, data),
  message: (message: Message, data?: ExternalToast) => show('message', message, data),
  loading: (message: Message, data?: ExternalToast) => show('loading', message, data),
  dismiss: (id?: string | number) => {
    const loaded = sonner.get();
    if (loaded) return loaded.toast.dismiss(id);
    void sonner.load().then(({ toast: real }) => real.dismiss(id));
    return id ?? '';
  },
});
