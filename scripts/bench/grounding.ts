/**
 * `npm run bench:grounding`: the grounding checks and the offline drafter measured on the corpus
 * under tests/ai/corpus (broker-written replies, half grounded and half with one planted error per
 * family; hand-written seeker emails with their planted questions), then throughput on 10,000
 * validations. No database, no network.
 */
import { performance } from 'node:perf_hooks';
import { checkCompleteness, checkGrounding, validateDraftBody } from '../../src/server/ai/grounding';
import { draftOffline } from '../../src/server/ai/offline';
import { bodies } from '../../tests/ai/corpus/replies';
import { seekerEmails } from '../../tests/ai/corpus/seekers';
import { seedContext } from '../../tests/ai/fixtures';

const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 10_000);
const VERBOSE = process.env.BENCH_VERBOSE === '1';
const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

// 1. Grounding: recall on planted errors, false positives on grounded replies.
const contexts = new Map<string, ReturnType<typeof seedContext>>();
const contextOf = (deal: string) => {
  let context = contexts.get(deal);
  if (!context) {
    context = seedContext(deal);
    contexts.set(deal, context);
  }
  return context;
};
const corpus = bodies();
let groundedCount = 0;
let falsePositives = 0;
let falseWarnings = 0;
let plantedCount = 0;
let caught = 0;
let extra = 0;
const byFamily = new Map<string, { planted: number; caught: number }>();
for (const item of corpus) {
  const issues = checkGrounding(item.body, contextOf(item.deal));
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (!item.planted) {
    groundedCount += 1;
    if (errors.length > 0) falsePositives += 1;
    else if (issues.length > 0) falseWarnings += 1;
    if (VERBOSE && issues.length > 0)
      console.log(
        'FP',
        JSON.stringify(item.body.slice(0, 140)),
        issues.map((i) => i.claim),
      );
    continue;
  }
  plantedCount += 1;
  const family = byFamily.get(item.planted.family) ?? { planted: 0, caught: 0 };
  family.planted += 1;
  const claim = item.planted.claim.toLowerCase();
  const hit = errors.some(
    (e) => e.claim.toLowerCase().includes(claim) || claim.includes(e.claim.toLowerCase()),
  );
  if (hit) {
    caught += 1;
    family.caught += 1;
  } else if (VERBOSE)
    console.log(
      'MISS',
      item.planted.family,
      JSON.stringify(item.planted.text),
      errors.map((e) => e.claim),
    );
  if (errors.length > (hit ? 1 : 0)) extra += 1;
  byFamily.set(item.planted.family, family);
}

// 2. Completeness and the offline drafter on the seeker emails.
let planted = 0;
let detected = 0;
let answered = 0;
let deferred = 0;
let missing = 0;
let drafterErrors = 0;
for (const email of seekerEmails) {
  const base = seedContext(email.deal, email.text);
  const context = { ...base, inbound: { ...base.inbound, subject: email.subject } };
  const draft = draftOffline(context);
  const completeness = checkCompleteness(draft.body, context);
  if (checkGrounding(draft.body, context).some((issue) => issue.severity === 'error')) drafterErrors += 1;
  for (const question of email.questions) {
    planted += 1;
    const status = completeness.statuses.find(({ question: q }) =>
      q.text.toLowerCase().includes(question.cue.toLowerCase()),
    );
    if (!status) {
      if (VERBOSE)
        console.log('UNDETECTED', JSON.stringify(question.cue), JSON.stringify(email.text.slice(0, 100)));
      continue;
    }
    detected += 1;
    if (question.answerable) {
      if (status.status === 'answered') answered += 1;
      else if (VERBOSE)
        console.log('NOT ANSWERED', status.status, JSON.stringify(question.cue), status.question.topics);
    } else {
      if (status.status === 'deferred') deferred += 1;
      else if (VERBOSE)
        console.log('NOT DEFERRED', status.status, JSON.stringify(question.cue), status.question.topics);
    }
    if (status.status === 'missing') missing += 1;
  }
}
const answerableTotal = seekerEmails.flatMap((e) => e.questions).filter((q) => q.answerable).length;
const unanswerableTotal = planted - answerableTotal;

// 3. Throughput: full validations (grounding + completeness), one core.
const items = corpus.map((item) => ({ body: item.body, context: contextOf(item.deal) }));
for (const item of items.slice(0, 200)) validateDraftBody(item.body, item.context);
const started = performance.now();
for (let i = 0; i < DRAFTS; i += 1) {
  const item = items[i % items.length];
  if (item) validateDraftBody(item.body, item.context);
}
const elapsed = performance.now() - started;

console.log(
  `grounding corpus: ${corpus.length} reply bodies (${groundedCount} grounded, ${plantedCount} with one planted error)`,
);
console.log(
  `  recall               ${pct(caught, plantedCount)} (${caught}/${plantedCount} planted errors caught)`,
);
console.log(
  `  false positives      ${pct(falsePositives, groundedCount)} (${falsePositives}/${groundedCount} grounded replies with an error; ${falseWarnings} with only a warning)`,
);
console.log(`  extra errors         ${extra} planted replies with an error besides the planted one`);
for (const [family, { planted: p, caught: c }] of [...byFamily].sort())
  console.log(`    ${family.padEnd(16)} ${c}/${p}`);
console.log(
  `seeker emails: ${seekerEmails.length}, ${planted} planted questions (${answerableTotal} answerable, ${unanswerableTotal} not)`,
);
console.log(`  detected             ${pct(detected, planted)} (${detected}/${planted})`);
console.log(
  `  answer rate          ${pct(answered, answerableTotal)} of answerable questions answered from the records (${answered}/${answerableTotal})`,
);
console.log(
  `  deferral rate        ${pct(deferred, unanswerableTotal)} of unanswerable questions deferred in words (${deferred}/${unanswerableTotal})`,
);
console.log(`  neither              ${missing} questions neither answered nor deferred`);
console.log(`  drafter errors       ${drafterErrors} offline drafts with a grounding error`);
console.log(`throughput: ${DRAFTS.toLocaleString('en-US')} validations in ${elapsed.toFixed(0)} ms`);
console.log(
  `  checks per second    ${Math.round((DRAFTS / elapsed) * 1000).toLocaleString('en-US')} drafts/s (one core)`,
);
