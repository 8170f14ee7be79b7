/** The job worker: `make worker` runs it alone (several may run at once); `make dev` runs one beside the app. */
import { createBoss } from '../queue';
import { jobs, registerJobs } from './index';

const boss = await createBoss(undefined, { isWorker: true });
await registerJobs(boss);
console.log(`[worker] running ${jobs.map((job) => job.queue).join(', ') || 'no jobs'}`);

let isStopping = false;
async function shutdown(signal: string) {
  if (isStopping) return;
  isStopping = true;
  console.log(`[worker] ${signal}: finishing in-flight jobs…`);
  // Graceful: running handlers finish; jobs not finished in time go back to the queue (pg-boss expiry).
  await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  console.log('[worker] stopped');
  process.exit(0);
}

process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
