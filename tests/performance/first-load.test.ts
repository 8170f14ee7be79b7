import { describe, expect, it } from 'vitest';
import { pageScripts } from '../../scripts/bench/first-load';

describe('the first-load measure', () => {
  it('counts the scripts a module browser loads, once each, and not the nomodule polyfills', () => {
    const html = [
      '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
      '<script src="/_next/static/chunks/polyfills-b.js" nomodule></script>',
      '<script src="/_next/static/chunks/main.js" async=""></script>',
      '<script nonce="n1">self.__next_f.push([1,""])</script>',
      '<SCRIPT src="/_next/static/chunks/page.js?dpl=1" async></SCRIPT>',
      '<script src="/_next/static/chunks/main.js" async=""></script>',
    ].join('');
    expect(pageScripts(html)).toEqual(['/_next/static/chunks/main.js', '/_next/static/chunks/page.js?dpl=1']);
  });
});
