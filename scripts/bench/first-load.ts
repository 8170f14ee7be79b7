/** First-load JS of a page, and the modules that make it up (by the chunks' source maps). */
import { gzipSync } from 'node:zlib';

const VLQ = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** [generated column, source index] of each segment of each line of a source map's `mappings`. */
function decodeMappings(mappings: string): Array<Array<[number, number]>> {
  const lines: Array<Array<[number, number]>> = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments: Array<[number, number]> = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = VLQ.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0] ?? 0;
      if (fields.length > 1) source += fields[1] ?? 0;
      segments.push([column, fields.length > 1 ? source : -1]);
    }
    lines.push(segments);
  }
  return lines;
}

/** A module path as a package (`node_modules/recharts`) or a file of ours (`src/components/…`). */
function moduleName(source: string) {
  const path = decodeURIComponent(source).replace(/^.*?\/(node_modules|src)\//, '$1/');
  const inPackage = /^node_modules\/((@[^/]+\/)?[^/]+)/.exec(path);
  return inPackage ? `node_modules/${inPackage[1]}` : path;
}

/**
 * The scripts a page's HTML makes a browser load. A `nomodule` script (Next's legacy polyfills,
 * ~40 kB gzipped) is skipped by every browser that runs ES modules — every browser Echo supports —
 * so it is not part of the first load.
 */
export function pageScripts(html: string) {
  const sources = [...html.matchAll(/<script\b[^>]*>/gi)]
    .map((match) => match[0])
    .filter((tag) => !/\snomodule\b/i.test(tag))
    .map((tag) => /\ssrc="([^"]+\.js[^"]*)"/i.exec(tag)?.[1])
    .filter((source): source is string => Boolean(source));
  return [...new Set(sources)];
}

/**
 * A page's first-load JS: every script its HTML loads, gzipped; and, when the build wrote browser
 * source maps (the bench builds with ECHO_BROWSER_SOURCE_MAPS=1), the five largest modules in it —
 * each chunk's gzipped size shared among its sources by their share of its bytes.
 */
export async function firstLoadJs(base: string, path: string, cookie: string) {
  const html = await (await fetch(`${base}${path}`, { headers: { cookie } })).text();
  const sources = pageScripts(html);
  let total = 0;
  const modules = new Map<string, number>();
  for (const source of sources) {
    const url = new URL(source, base);
    const text = await (await fetch(url)).text();
    const gzipped = gzipSync(text).length;
    total += gzipped;
    const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
    if (!mapName) continue;
    const mapResponse = await fetch(new URL(mapName, url)).catch(() => null);
    if (!mapResponse?.ok) continue;
    const map = (await mapResponse.json()) as { sources: string[]; mappings: string };
    const lineLengths = text.split('\n').map((line) => line.length);
    const bytes = new Map<string, number>();
    decodeMappings(map.mappings).forEach((segments, lineIndex) => {
      segments.forEach(([column, sourceIndex], i) => {
        const end = segments[i + 1]?.[0] ?? lineLengths[lineIndex] ?? column;
        const name = sourceIndex >= 0 ? moduleName(map.sources[sourceIndex] ?? '?') : '(runtime)';
        bytes.set(name, (bytes.get(name) ?? 0) + Math.max(0, end - column));
      });
    });
    const mapped = [...bytes.values()].reduce((sum, n) => sum + n, 0) || 1;
    for (const [name, n] of bytes) modules.set(name, (modules.get(name) ?? 0) + (gzipped * n) / mapped);
  }
  return {
    kb: Math.round(total / 1024),
    topModules: [...modules]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(process.env.FIRST_LOAD_TOP ?? 5))
      .map(([name, n]) => ({ name, kb: Math.round((n / 1024) * 10) / 10 })),
  };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  // tsx scripts/bench/first-load.ts <base> <path> [cookie]
  const [base = 'http://127.0.0.1:3000', path = '/inbox', cookie = ''] = process.argv.slice(2);
  console.log(JSON.stringify(await firstLoadJs(base, path, cookie), null, 2));
}
