'use client';

import { Slot } from 'radix-ui';
import * as React from 'react';
import { cn } from '@/lib/utils';

/**
 * Tabs by hand, in the WAI-ARIA tabs pattern and with Radix Tabs' markup (roles, ids, aria-*,
 * data-state, data-orientation), so shadcn's classes and every selector keep working: the
 * inbox's queue renders them on its first paint, where Radix's Tabs with its roving-focus
 * group and collection cost ~7 kB gzipped. Horizontal, activated on focus (Radix's default):
 * Left/Right move to the previous/next tab (wrapping), Home/End (and PageUp/PageDown) to the
 * first/last.
 */
type TabsContextValue = { baseId: string; value: string | undefined; select: (value: string) => void };

const TabsContext = React.createContext<TabsContextValue | null>(null);

function useTabs(part: string) {
  const context = React.useContext(TabsContext);
  if (!context) throw new Error(`<${part}> must be inside <Tabs>`);
  return context;
}

const partId = (baseId: string, part: 'trigger' | 'content', value: string) => `${baseId}-${part}-${value}`;

/** Which tab a key moves to, from `current` among `count` tabs; null for any other key. */
export function tabIndexAfterKey(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  if (key === 'ArrowRight') return (current + 1) % count;
  if (key === 'ArrowLeft') return (current - 1 + count) % count;
  if (key === 'Home' || key === 'PageUp') return 0;
  if (key === 'End' || key === 'PageDown') return count - 1;
  return null;
}

function Tabs({
  value: controlledValue,
  defaultValue,
  onValueChange,
  asChild = false,
  className,
  ...props
}: Omit<React.ComponentProps<'div'>, 'defaultValue'> & {
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  asChild?: boolean;
}) {
  const baseId = React.useId();
  const [uncontrolledValue, setUncontrolledValue] = React.useState(defaultValue);
  const value = controlledValue ?? uncontrolledValue;
  const select = React.useCallback(
    (next: string) => {
      if (next === value) return;
      setUncontrolledValue(next);
      onValueChange?.(next);
    },
    [value, onValueChange],
  );
  const context = React.useMemo(() => ({ baseId, value, select }), [baseId, value, select]);
  const Comp = asChild ? Slot.Root : 'div';
  return (
    <TabsContext value={context}>
      <Comp
        data-slot="tabs"
        dir="ltr"
        data-orientation="horizontal"
        className={cn('flex flex-col gap-2', className)}
        {...props}
      />
    </TabsContext>
  );
}

function TabsList({ className, onKeyDown, ...props }: React.ComponentProps<'div'>) {
  return (
    <div
      role="tablist"
      aria-orientation="horizontal"
      data-slot="tabs-list"
      data-orientation="horizontal"
      className={cn(
        'inline-flex h-9 w-fit items-center justify-center rounded-lg bg-muted p-[3px] text-muted-foreground',
        className,
      )}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey)
          return;
        const tabs = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]:not(:disabled)')];
        const current = event.target instanceof HTMLElement ? tabs.indexOf(event.target) : -1;
        if (current < 0) return;
        const next = tabIndexAfterKey(event.key, current, tabs.length);
        if (next === null) return;
        event.preventDefault();
        // Focus selects (automatic activation), as a click does.
        tabs[next]?.focus();
      }}
      {...props}
    />
  );
}

function TabsTrigger({
  value,
  className,
  disabled,
  onMouseDown,
  onKeyDown,
  onFocus,
  ...props
}: React.ComponentProps<'button'> & { value: string }) {
  const { baseId, value: selectedValue, select } = useTabs('TabsTrigger');
  const isSelected = value === selectedValue;
  return (
    <button
      type="button"
      role="tab"
      id={partId(baseId, 'trigger', value)}
      aria-selected={isSelected}
      aria-controls={partId(baseId, 'content', value)}
      data-state={isSelected ? 'active' : 'inactive'}
      data-disabled={disabled ? '' : undefined}
      data-orientation="horizontal"
      data-slot="tabs-trigger"
      disabled={disabled}
      tabIndex={isSelected ? 0 : -1}
      className={cn(
        "inline-flex h-[calc(100%-1px)] flex-1 items-center justify-center gap-1.5 rounded-md border border-transparent px-2 py-1 text-sm font-medium whitespace-nowrap text-foreground/70 transition-[color,box-shadow] outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:pointer-events-none disabled:opacity-50 data-[state=active]:bg-background data-[state=active]:text-foreground data-[state=active]:shadow-sm [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
        className,
      )}
      onMouseDown={(event) => {
        onMouseDown?.(event);
        if (event.defaultPrevented || disabled) return;
        // The main button selects; a ctrl-click (a context menu on macOS) neither selects nor focuses.
        if (event.button === 0 && !event.ctrlKey) select(value);
        else event.preventDefault();
      }}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        if (!event.defaultPrevented && !disabled && (event.key === ' ' || event.key === 'Enter'))
          select(value);
      }}
      onFocus={(event) => {
        onFocus?.(event);
        if (!isSelected && !disabled) select(value);
      }}
      {...props}
    />
  );
}

function TabsContent({
  value,
  forceMount = false,
  className,
  children,
  ...props
}: React.ComponentProps<'div'> & { value: string; forceMount?: boolean }) {
  const { baseId, value: selectedValue } = useTabs('TabsContent');
  const isSelected = value === selectedValue;
  const isPresent = forceMount || isSelected;
  return (
    <div
      role="tabpanel"
      id={partId(baseId, 'content', value)}
      aria-labelledby={partId(baseId, 'trigger', value)}
      data-state={isSelected ? 'active' : 'inactive'}
      data-orientation="horizontal"
      data-slot="tabs-content"
      hidden={!isPresent}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a tab panel is a tab stop in the WAI-ARIA tabs pattern (as in Radix)
      tabIndex={0}
      className={cn('flex-1 outline-none', className)}
      {...props}
    >
      {isPresent ? children : null}
    </div>
  );
}

export { Tabs, TabsContent, TabsList, TabsTrigger };
