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

describe('the layers point one way', () => {
  it('db/ imports nothing from src/: it is given its URL, the seed lives beside the pipeline', () => {
    const offenders = sourceFiles('db').flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('src/'))
        .map((target) => `${file} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('services never import the tRPC layer (roles and the viewer live beside auth)', () => {
    const offenders = sourceFiles('src/server').flatMap((file) => {
      if (file.endsWith('router.ts') || file === 'src/server/root.ts' || file === 'src/server/trpc.ts')
        return [];
      return importsOf(file)
        .filter((target) => target === 'src/server/trpc' || target.endsWith('/router'))
        .map((target) => `${file} → ${target}`);
    });
    expect(offenders).toEqual([]);
  });
});
