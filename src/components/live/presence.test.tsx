import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { describePresence, PresenceList } from './presence';

const seenAt = new Date('2026-12-02T00:00:00Z');

describe('presence in the review pane header', () => {
  it.each([
    [{ name: 'Morgan Manager', state: 'editing' as const }, 'Morgan is editing'],
    [{ name: 'Alex Agent', state: 'viewing' as const }, 'Alex is viewing'],
    [{ name: '  Zoë  Ångström ', state: 'viewing' as const }, 'Zoë is viewing'],
    [{ name: 'Cher', state: 'editing' as const }, 'Cher is editing'],
  ])('%o reads “%s”', (other, expected) => {
    expect(describePresence(other)).toBe(expected);
  });

  it('lists editors first, and renders only the live region when nobody else is there', () => {
    const html = renderToStaticMarkup(
      <PresenceList
        others={[
          { userId: 'a', name: 'Alex Agent', state: 'viewing', seenAt },
          { userId: 'm', name: 'Morgan Manager', state: 'editing', seenAt },
        ]}
      />,
    );
    expect(html).toContain('aria-label="Also on this draft"');
    expect(html.indexOf('Morgan is editing')).toBeLessThan(html.indexOf('Alex is viewing'));
    const empty = renderToStaticMarkup(<PresenceList others={[]} />);
    expect(empty).toBe('<div aria-live="polite" class="contents"></div>');
  });
});
