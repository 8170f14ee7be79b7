import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Tabs, TabsContent, TabsList, TabsTrigger, tabIndexAfterKey } from './tabs';

describe('tabs (hand-written, with Radix Tabs markup)', () => {
  it('moves with the arrows (wrapping), Home/End and PageUp/PageDown, and ignores other keys', () => {
    expect(tabIndexAfterKey('ArrowRight', 0, 5)).toBe(1);
    expect(tabIndexAfterKey('ArrowRight', 4, 5)).toBe(0);
    expect(tabIndexAfterKey('ArrowLeft', 0, 5)).toBe(4);
    expect(tabIndexAfterKey('ArrowLeft', 3, 5)).toBe(2);
    expect(tabIndexAfterKey('Home', 3, 5)).toBe(0);
    expect(tabIndexAfterKey('PageUp', 3, 5)).toBe(0);
    expect(tabIndexAfterKey('End', 1, 5)).toBe(4);
    expect(tabIndexAfterKey('PageDown', 1, 5)).toBe(4);
    // Horizontal tabs: up and down (and j/k, the inbox's own keys) are left to the page.
    expect(tabIndexAfterKey('ArrowDown', 1, 5)).toBeNull();
    expect(tabIndexAfterKey('ArrowUp', 1, 5)).toBeNull();
    expect(tabIndexAfterKey('j', 1, 5)).toBeNull();
    expect(tabIndexAfterKey('ArrowRight', 0, 0)).toBeNull();
  });

  it('renders the tab pattern: one tab stop, the tabs and panels naming each other, panels hidden unless shown', () => {
    const html = renderToStaticMarkup(
      <Tabs value="sent" aria-label="Queue">
        <TabsList aria-label="Which drafts">
          <TabsTrigger value="pending">Pending</TabsTrigger>
          <TabsTrigger value="sent">Sent</TabsTrigger>
        </TabsList>
        <TabsContent value="pending">pending list</TabsContent>
        <TabsContent value="sent">sent list</TabsContent>
        <TabsContent value="other" forceMount className="hidden" />
      </Tabs>,
    );
    expect(html.split('role="tablist"').length - 1).toBe(1);
    const pending = buttonTag(html, 'Pending');
    const sent = buttonTag(html, 'Sent');
    expect(pending).toContain('aria-selected="false"');
    expect(pending).toContain('tabindex="-1"');
    expect(pending).toContain('data-state="inactive"');
    expect(sent).toContain('aria-selected="true"');
    expect(sent).toContain('tabindex="0"');
    expect(sent).toContain('data-state="active"');
    const sentTriggerId = /id="([^"]+)"/.exec(sent)?.[1];
    const sentPanelId = /aria-controls="([^"]+)"/.exec(sent)?.[1];
    expect(html).toContain(`id="${sentPanelId}" aria-labelledby="${sentTriggerId}" data-state="active"`);
    // The unselected panel is in the page, hidden and empty; a forced one is not hidden by the attribute.
    expect(html).not.toContain('pending list');
    expect(html).toContain('sent list');
    expect(html).toMatch(/role="tabpanel"[^>]*data-state="inactive"[^>]*hidden=""/);
    const forced = /<div role="tabpanel"[^>]*class="flex-1 outline-none hidden"[^>]*>/.exec(html)?.[0];
    expect(forced).toBeDefined();
    expect(forced).not.toContain('hidden=""');
  });
});

/** The opening tag of the button that says `text`. */
function buttonTag(html: string, text: string) {
  return new RegExp(`<button[^>]*>${text}</button>`).exec(html)?.[0] ?? '';
}
