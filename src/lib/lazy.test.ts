import { describe, expect, it, vi } from 'vitest';
import { lazy } from './lazy';

describe('lazy', () => {
  it('imports once, however many ask, and keeps the value for later callers', async () => {
    const importer = vi.fn(async () => ({ answer: 42 }));
    const code = lazy(importer);
    const listener = vi.fn();
    code.subscribe(listener);
    expect(code.get()).toBeNull();
    const [a, b] = await Promise.all([code.load(), code.load()]);
    expect(a).toBe(b);
    expect(importer).toHaveBeenCalledTimes(1);
    expect(code.get()).toEqual({ answer: 42 });
    expect(listener).toHaveBeenCalledTimes(1);
    await code.load();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed import (a dropped connection, a replaced chunk)', async () => {
    const importer = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce('loaded');
    const code = lazy(importer);
    await expect(code.load()).rejects.toThrow('offline');
    expect(code.get()).toBeNull();
    await expect(code.load()).resolves.toBe('loaded');
    expect(code.get()).toBe('loaded');
    expect(importer).toHaveBeenCalledTimes(2);
  });

  it('stops telling a listener once it unsubscribes', async () => {
    const code = lazy(async () => 'x');
    const listener = vi.fn();
    code.subscribe(listener)();
    await code.load();
    expect(listener).not.toHaveBeenCalled();
  });
});
