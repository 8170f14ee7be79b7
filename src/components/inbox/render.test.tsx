import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ValidationBadge } from './status-badges';
import { VersionDiff } from './versions-panel';

type DiffVersion = Parameters<typeof VersionDiff>[0]['version'];

const version = { version: 1, body: 'Parking is $150/month.\nSee you Tuesday.' } as DiffVersion;

describe('review pane markup (server-rendered, no DOM needed)', () => {
  it('marks added and removed words for sight and for screen readers', () => {
    const html = renderToStaticMarkup(
      <VersionDiff
        version={version}
        workingBody={'Parking is $275/month.\nSee you Tuesday.'}
        onClose={() => {}}
      />,
    );
    expect(html).toContain('aria-label="Changes from v1 to the working body"');
    expect(html).toMatch(
      /<del[^>]*><span class="sr-only">\[removed: <\/span>\$150\/month\.<span class="sr-only">\]<\/span><\/del>/,
    );
    expect(html).toMatch(
      /<ins[^>]*><span class="sr-only">\[added: <\/span>\$275\/month\.<span class="sr-only">\]<\/span><\/ins>/,
    );
    expect(html).toContain('+1');
    expect(html).toContain('−1');
  });

  it('says when a version and the working body are the same', () => {
    const html = renderToStaticMarkup(
      <VersionDiff version={version} workingBody={version.body} onClose={() => {}} />,
    );
    expect(html).toContain('No differences');
    expect(html).not.toContain('<ins');
    expect(html).not.toContain('<del');
  });

  it.each([
    ['passed', 'Checks passed'],
    ['warnings', 'Warnings'],
    ['failed', 'Failed checks'],
  ] as const)('names the %s validation in words, not only colour', (status, text) => {
    expect(renderToStaticMarkup(<ValidationBadge status={status} />)).toContain(text);
  });

  it('says how many questions the reply answers, and is never green when one is left out', () => {
    const html = renderToStaticMarkup(
      <ValidationBadge status="passed" questions={{ asked: 4, answered: 3, deferred: 0 }} />,
    );
    expect(html).toContain('3 of 4 questions answered');
    expect(html).toContain('Warnings');
    expect(html).not.toContain('Checks passed');
    const complete = renderToStaticMarkup(
      <ValidationBadge status="passed" questions={{ asked: 4, answered: 3, deferred: 1 }} />,
    );
    expect(complete).toContain('3 of 4 questions answered · 1 deferred');
    expect(complete).toContain('Checks passed');
  });
});
