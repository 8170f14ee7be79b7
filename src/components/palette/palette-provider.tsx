'use client';

import dynamic from 'next/dynamic';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { PaletteAction, PaletteMode } from './actions';

// The palette's code is fetched the first time it opens, never with the page (first-load JS).
const loadPalette = () => import('./command-palette');
const CommandPalette = dynamic(() => loadPalette().then((module) => module.CommandPalette), { ssr: false });

type Source = () => PaletteAction[];

type PaletteContext = {
  open: (mode?: PaletteMode) => void;
  /** Adds the actions a part of the page offers while it is mounted; returns the removal. */
  register: (id: string, source: Source) => () => void;
  /** Starts loading the palette's code (hover or focus on the button that opens it). */
  preload: () => void;
};

const Context = createContext<PaletteContext | null>(null);

export function usePalette(): PaletteContext {
  const context = useContext(Context);
  if (!context) throw new Error('usePalette outside PaletteProvider');
  return context;
}

/** Offers `source`'s actions in the palette while the calling component is mounted. */
export function usePaletteActions(id: string, source: Source) {
  const { register } = usePalette();
  const latest = useRef(source);
  latest.current = source;
  useEffect(() => register(id, () => latest.current()), [id, register]);
}

/** ⌘K / Ctrl+K anywhere opens (or closes) the command palette. */
export function PaletteProvider({ children }: { children: React.ReactNode }) {
  const [state, setState] = useState<{ isOpen: boolean; mode: PaletteMode; hasOpened: boolean }>({
    isOpen: false,
    mode: 'all',
    hasOpened: false,
  });
  const sources = useRef(new Map<string, Source>());

  const open = useCallback(
    (mode: PaletteMode = 'all') => setState({ isOpen: true, mode, hasOpened: true }),
    [],
  );
  const register = useCallback((id: string, source: Source) => {
    sources.current.set(id, source);
    return () => {
      if (sources.current.get(id) === source) sources.current.delete(id);
    };
  }, []);
  const preload = useCallback(() => void loadPalette(), []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (
        event.key.toLowerCase() !== 'k' ||
        !(event.metaKey || event.ctrlKey) ||
        event.altKey ||
        event.shiftKey
      )
        return;
      event.preventDefault();
      setState((current) => ({ ...current, isOpen: !current.isOpen, mode: 'all', hasOpened: true }));
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const context = useMemo(() => ({ open, register, preload }), [open, register, preload]);
  // The page's own actions (the open draft's first), then where to go.
  const actions = useCallback(
    () =>
      [...sources.current.entries()]
        .sort(([a], [b]) => Number(a === 'navigation') - Number(b === 'navigation'))
        .flatMap(([, source]) => source()),
    [],
  );

  return (
    <Context.Provider value={context}>
      {children}
      {state.hasOpened ? (
        <CommandPalette
          open={state.isOpen}
          mode={state.mode}
          onOpenChange={(isOpen) => setState((current) => ({ ...current, isOpen }))}
          actions={actions}
        />
      ) : null}
    </Context.Provider>
  );
}
