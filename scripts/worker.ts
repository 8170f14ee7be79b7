/**
 * `make worker`: one job worker, supervised: a crash is restarted with a backoff. Run several for
 * more throughput. The worker itself is src/server/jobs/worker.ts.
 */
import { superviseServices, tsEntry } from './supervise';

const supervisor = superviseServices([{ name: 'worker', ...tsEntry('src/server/jobs/worker.ts') }]);

async function stop() {
  await supervisor.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
