/**
 * Keeps long-running processes up: each service is its own child process, and one that exits
 * unasked is started again after a backoff (0.5 s, 1 s, 2 s … up to 30 s; the streak resets once it
 * has stayed up for a minute). One service crashing never stops the others. `stop()` ends them all.
 */
import { type ChildProcess, spawn } from 'node:child_process';

export type ServiceSpec = {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** 'inherit' for the terminal (the default); 'ignore' in tests. */
  stdio?: 'inherit' | 'ignore';
};

export type SupervisorOptions = {
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** Up this long, a service counts as healthy again and its backoff starts over. */
  stableAfterMs?: number;
  /** Time given to a service to stop on SIGTERM before it is killed. */
  stopTimeoutMs?: number;
  log?: (message: string) => void;
};

export type SupervisedService = {
  readonly name: string;
  /** The pid of the running child; undefined while it waits to be restarted. */
  readonly pid: number | undefined;
  /** How many times it was started again after exiting. */
  readonly restarts: number;
};

/** The exact command to run a TypeScript entry with no wrapper process in between (a kill reaches it). */
export function tsEntry(file: string): Pick<ServiceSpec, 'command' | 'args'> {
  return { command: process.execPath, args: ['--import', 'tsx', file] };
}

/** The backoff before restart number `streak` (1 for the first restart of a streak). */
export function restartDelayMs(streak: number, initialMs = 500, maxMs = 30_000) {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, streak - 1));
}

export function superviseServices(specs: ServiceSpec[], options: SupervisorOptions = {}) {
  const log = options.log ?? ((message: string) => console.log(message));
  const stableAfterMs = options.stableAfterMs ?? 60_000;
  let isStopping = false;

  const states = specs.map((spec) => {
    const state = {
      spec,
      child: null as ChildProcess | null,
      restarts: 0,
      streak: 0,
      startedAt: 0,
      timer: null as NodeJS.Timeout | null,
    };
    return state;
  });

  function start(state: (typeof states)[number]) {
    state.timer = null;
    if (isStopping) return;
    state.startedAt = Date.now();
    const child = spawn(state.spec.command, state.spec.args, {
      env: state.spec.env ?? process.env,
      stdio: state.spec.stdio ?? 'inherit',
    });
    state.child = child;
    child.once('error', (error) => log(`[supervise] ${state.spec.name} could not start: ${error.message}`));
    child.once('exit', (code, signal) => {
      state.child = null;
      if (isStopping) return;
      if (Date.now() - state.startedAt >= stableAfterMs) state.streak = 0;
      state.streak += 1;
      const delay = restartDelayMs(state.streak, options.initialBackoffMs, options.maxBackoffMs);
      log(
        `[supervise] ${state.spec.name} exited (${signal ?? `code ${code}`}); restarting in ${(delay / 1000).toFixed(1)} s`,
      );
      state.timer = setTimeout(() => {
        state.restarts += 1;
        start(state);
      }, delay);
    });
  }

  for (const state of states) start(state);

  const services: SupervisedService[] = states.map((state) => ({
    name: state.spec.name,
    get pid() {
      return state.child?.pid;
    },
    get restarts() {
      return state.restarts;
    },
  }));

  async function stopOne(state: (typeof states)[number]) {
    if (state.timer) clearTimeout(state.timer);
    const child = state.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timeout = setTimeout(() => child.kill('SIGKILL'), options.stopTimeoutMs ?? 35_000);
    await exited;
    clearTimeout(timeout);
  }

  return {
    services,
    service(name: string) {
      const found = services.find((service) => service.name === name);
      if (!found) throw new Error(`No supervised service named ${name}`);
      return found;
    },
    /** Stops every service (SIGTERM, then SIGKILL after the timeout) and restarts none. */
    async stop() {
      isStopping = true;
      await Promise.all(states.map(stopOne));
    },
  };
}
