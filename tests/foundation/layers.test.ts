import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every module a file imports, resolved to a path from the project root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)]
    .map((match) => match[1] ?? '')
    .filter((specifier) => specifier.startsWith('.') || specifier.startsWith('@/'))
    .map((specifier) =>
      specifier.startsWith('@/')
        ? join('src', specifier.slice(2))
        : relative(root, resolve(root, file, '..', specifier)),
    );
}

/** The file an import names, or undefined when it is not a source file of the tree. */
function fileOf(target: string, files: Set<string>): string | undefined {
  return [`${target}.ts`, `${target}.tsx`, `${target}/index.ts`].find((candidate) => files.has(candidate));
}

/** Import circles among `files`, each as the chain of files that closes it. */
function circles(files: string[]): string[][] {
  const known = new Set(files);
  const edges = new Map(
    files.map((file) => [file, importsOf(file).flatMap((target) => fileOf(target, known) ?? [])]),
  );
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return found;
}

describe('the layers point one way', () => {
  it('the server code has no import circles', () => {
    expect(
      circles([...sourceFiles('src/server'), ...sourceFiles('db')]).map((chain) => chain.join(' → ')),
    ).toEqual([]);
  });

  it('db/ imports nothing from src/: it is given its URL, the seed lives beside the pipeline', () => {
    const offenders = sourceFiles('db').flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('src/'))
        .map((target) => `${file} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('services never import the tRPC layer (roles and the viewer live beside auth)', () => {
    // The layer: its setup, the root router, its HTTP handlers and each area's router.
    const TRPC_LAYER = new Set(['src/server/trpc.ts', 'src/server/root.ts', 'src/server/trpc-http.ts']);
    const offenders = sourceFiles('src/server').flatMap((file) => {
      if (file.endsWith('router.ts') || TRPC_LAYER.has(file)) return [];
      return importsOf(file)
        .filter((target) => target === 'src/server/trpc' || target.endsWith('/router'))
        .map((target) => `${file} → ${target}`);
    });
    expect(offenders).toEqual([]);
  });
});
