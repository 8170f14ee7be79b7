/**
 * `npm run bench:grounding`: grounding-check throughput on 10,000 drafts built from the demo data
 * (offline drafts for varied questions, a share with planted wrong figures). No database, no network.
 */
import { performance } from 'node:perf_hooks';
import { checkGrounding } from '../../src/server/ai/grounding';
import { draftOffline } from '../../src/server/ai/offline';
import { seedContext, seededDealKeys } from '../../tests/ai/fixtures';

const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 10_000);

const questions = [
  'Is there parking, and what does it cost?',
  'Can we bring our dogs? Do we get 24/7 access?',
  'What is the rent? When can we move in?',
  'How many meeting rooms are there? Could we tour Tuesday afternoon?',
  'What is the rent? Is there parking? Dogs? After-hours access? Meeting rooms? Move-in? Tour Thursday?',
];
const plants = [
  (body: string) => body.replace(/\$(\d)/, '$9$1'),
  (body: string) => `${body}\n\nP.S. We could also tour Sunday at 7am, and dogs are welcome.`,
  (body: string) => `${body}\n\nThe street is quiet and the space has 9 meeting rooms.`,
];

const corpus = seededDealKeys.flatMap((key) =>
  questions.map((question) => {
    const context = seedContext(key, question);
    return { context, body: draftOffline(context).body };
  }),
);
const drafts = Array.from({ length: DRAFTS }, (_, i) => {
  const base = corpus[i % corpus.length];
  if (!base) throw new Error('empty corpus');
  const plant = i % 4 === 3 ? plants[i % plants.length] : undefined;
  return { context: base.context, body: plant ? plant(base.body) : base.body };
});

// Warm-up, so the JIT and the per-context fact index do not count against the first drafts.
for (const draft of drafts.slice(0, 200)) checkGrounding(draft.body, draft.context);

const timings = new Float64Array(drafts.length);
let issues = 0;
let failed = 0;
const started = performance.now();
for (const [i, draft] of drafts.entries()) {
  const t0 = performance.now();
  const found = checkGrounding(draft.body, draft.context);
  timings[i] = performance.now() - t0;
  issues += found.length;
  if (found.some((issue) => issue.severity === 'error')) failed += 1;
}
const elapsed = performance.now() - started;
const sorted = [...timings].sort((a, b) => a - b);
const pct = (p: number) =>
  (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) * 1000;
const chars = drafts.reduce((total, draft) => total + draft.body.length, 0);

console.log(
  `grounding checks on ${drafts.length.toLocaleString('en-US')} drafts (${corpus.length} distinct bodies, avg ${Math.round(chars / drafts.length)} chars)`,
);
console.log(`  total       ${elapsed.toFixed(0)} ms`);
console.log(`  throughput  ${Math.round((drafts.length / elapsed) * 1000).toLocaleString('en-US')} drafts/s`);
console.log(
  `  per draft   p50 ${pct(50).toFixed(0)} µs · p99 ${pct(99).toFixed(0)} µs · max ${pct(100).toFixed(0)} µs`,
);
console.log(
  `  found       ${issues.toLocaleString('en-US')} issues; ${failed.toLocaleString('en-US')} drafts failed`,
);
