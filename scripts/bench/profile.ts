/**
 * `npm run bench:profile -- <dir with .cpuprofile files>`: where a request's time goes. Reads the
 * V8 CPU profiles written by `node --cpu-prof` (the production server under `make bench` load with
 * BENCH_CPU_PROF=1) and charges every sample to a layer: the innermost frame that belongs to a
 * layer we can name, walking from the leaf up. Frames in Turbopack's server chunks are named by their
 * original source through the chunk's source map, so bundled packages (tRPC, zod, superjson,
 * Drizzle, better-auth) are told apart even though they share a file.
 * Samples before the first request are start-up and left out. Prints a markdown table: layer, share
 * of the busy samples, and the top self-time frames.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[]; hitCount?: number };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Ordered: the first pattern that matches a module path names its layer. */
const LAYERS: Array<[string, RegExp]> = [
  ['SQL driver (pg, socket wait excluded)', /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-)/],
  ['Drizzle (query building, row mapping)', /drizzle-orm/],
  ['superjson', /superjson|copy-anything|is-what/],
  ['zod', /node_modules\/zod/],
  ['tRPC', /@trpc/],
  ['HTTP compression', /node_modules\/(compression|negotiator|on-headers|vary|compressible)\//],
  ['js-tiktoken (token counting tables)', /js-tiktoken/],
  ['better-auth / session', /better-auth|better-call|@better-auth|src\/server\/session|jose|@noble/],
  ['proxy (security headers, CSP nonce)', /src\/proxy|src\/lib\/security-headers|src\/lib\/client-address/],
  ['Echo: middlewares, queries, routers', /(^|\/)src\//],
  ['React / RSC rendering', /react-dom|react-server|react\//],
  ['Next.js (routing, request/response, route handler)', /node_modules\/next\/|next-server|\[turbopack\]/],
];

const sourceMaps = new Map<string, SourceMap | null>();

/** The source a position in a built server chunk comes from, by the chunk's source map (Turbopack writes one beside it). */
function moduleAt(url: string, line: number, column: number): string {
  if (!url.includes('/.next/')) return url;
  const path = url.replace(/^file:\/\//, '');
  let map = sourceMaps.get(path);
  if (map === undefined) {
    map = existsSync(`${path}.map`) ? new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8'))) : null;
    sourceMaps.set(path, map);
  }
  const entry = map?.findEntry(line, column) as { originalSource?: string } | undefined;
  return entry?.originalSource ? decodeURIComponent(entry.originalSource) : url;
}

function layerOf(module: string): string | null {
  for (const [name, pattern] of LAYERS) if (pattern.test(module)) return name;
  if (/^node:|^internal|^$/.test(module)) return null;
  return null;
}

export function summarise(files: string[]) {
  const layerTime = new Map<string, number>();
  const selfTime = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const layerOfNode = new Map<number, string>();
    const resolve = (id: number): string => {
      const cached = layerOfNode.get(id);
      if (cached) return cached;
      const node = byId.get(id);
      let layer = 'Node.js internals (http, streams, timers, GC)';
      if (node) {
        const { url, lineNumber, columnNumber } = node.callFrame;
        const own = url ? layerOf(moduleAt(url, lineNumber, columnNumber)) : null;
        const up = parent.get(id);
        layer = own ?? (up === undefined ? layer : resolve(up));
      }
      layerOfNode.set(id, layer);
      return layer;
    };
    // Start-up (module loading, compiling) is not a request's cost: count from the first sample
    // that runs Echo's own server code, i.e. from the first request served.
    const isOurs = (id: number | undefined): boolean => {
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const frame = byId.get(at)?.callFrame;
        if (
          frame?.url &&
          /(^|\/)src\/(server|app)\//.test(moduleAt(frame.url, frame.lineNumber, frame.columnNumber))
        )
          return true;
      }
      return false;
    };
    const firstRequest = profile.samples.findIndex((id) => isOurs(id));
    if (firstRequest === -1) continue;
    // …and after a warm-up (PROFILE_WARMUP_MS, 5 s): the first requests load and compile the routes.
    let elapsed = 0;
    const warmupMs = Number(process.env.PROFILE_WARMUP_MS ?? 5000);
    profile.samples.forEach((id, i) => {
      if (i >= firstRequest) elapsed += (profile.timeDeltas[i] ?? 0) / 1000;
      if (i < firstRequest || elapsed < warmupMs) return;
      const node = byId.get(id);
      const delta = (profile.timeDeltas[i] ?? 0) / 1000;
      const name = node?.callFrame.functionName ?? '';
      if (name === '(idle)' || name === '(program)') {
        idle += delta;
        return;
      }
      busy += delta;
      const layer = name === '(garbage collector)' ? 'garbage collection' : resolve(id);
      layerTime.set(layer, (layerTime.get(layer) ?? 0) + delta);
      if (node) {
        const { url, lineNumber, columnNumber } = node.callFrame;
        const where = url ? moduleAt(url, lineNumber, columnNumber).replace(/^.*node_modules\//, '') : '';
        const key = `${name || '(anonymous)'} ${where}`.trim();
        selfTime.set(key, (selfTime.get(key) ?? 0) + delta);
      }
    });
  }
  const layers = [...layerTime].sort((a, b) => b[1] - a[1]);
  const frames = [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 12);
  const share = (ms: number) => `${((100 * ms) / Math.max(1, busy)).toFixed(1)}%`;
  return [
    `Busy ${Math.round(busy)} ms, idle ${Math.round(idle)} ms across ${files.length} profile(s).`,
    '',
    '| layer | share of busy CPU |',
    '|---|---:|',
    ...layers.map(([name, ms]) => `| ${name} | ${share(ms)} |`),
    '',
    '| top self-time frames | share |',
    '|---|---:|',
    ...frames.map(([name, ms]) => `| \`${name.replace(/\|/g, '\\|').slice(0, 110)}\` | ${share(ms)} |`),
  ].join('\n');
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const dir = process.argv[2] ?? '.data/profiles';
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => join(dir, name));
  console.log(summarise(files));
}
