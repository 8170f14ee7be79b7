import { beforeEach, describe, expect, it, vi } from 'vitest';

const sonnerToast = vi.hoisted(() => {
  const calls: Array<[string, unknown, unknown]> = [];
  const make = (kind: string) => (message: unknown, data?: { id?: string | number }) => {
    calls.push([kind, message, data]);
    return data?.id ?? 99;
  };
  return Object.assign(make('default'), {
    calls,
    success: make('success'),
    error: make('error'),
    warning: make('warning'),
    info: make('info'),
    message: make('message'),
    loading: make('loading'),
    dismiss: (id?: string | number) => {
      calls.push(['dismiss', id, undefined]);
      return id ?? 0;
    },
  });
});
vi.mock('sonner', () => ({ toast: sonnerToast }));

describe('toast before and after sonner has loaded', () => {
  beforeEach(() => {
    vi.resetModules();
    sonnerToast.calls.length = 0;
  });

  it('gives a toast asked for before sonner has loaded an id at once, and shows it once sonner is there', async () => {
    const { sonner, toast } = await import('./toast');
    const id = toast('Nothing to undo.');
    const kept = toast.success('Moved', { id: 'board-move-3', description: 'to Touring' });
    expect(typeof id).toBe('string');
    expect(kept).toBe('board-move-3');
    expect(sonnerToast.calls).toEqual([]);
    await sonner.load();
    await Promise.resolve();
    expect(sonnerToast.calls).toEqual([
      ['default', 'Nothing to undo.', { id }],
      ['success', 'Moved', { id: 'board-move-3', description: 'to Touring' }],
    ]);
  });

  it('calls sonner directly, with its own ids, once it has loaded', async () => {
    const { sonner, toast } = await import('./toast');
    await sonner.load();
    expect(toast.error('Not sent')).toBe(99);
    expect(toast.dismiss('x')).toBe('x');
    expect(sonnerToast.calls).toEqual([
      ['error', 'Not sent', undefined],
      ['dismiss', 'x', undefined],
    ]);
  });
});
