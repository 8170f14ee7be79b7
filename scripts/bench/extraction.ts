/**
 * `npm run bench:extraction`: requirement extraction over the labelled inquiry corpus, exact-match
 * accuracy per field. Exits non-zero when a field is under the 95% target.
 */
import { scoreExtraction } from '../../src/server/deals/requirements/accuracy';
import { extractRequirements } from '../../src/server/deals/requirements/extract';
import { corpus, DEFAULT_SENT_AT, KNOWN_NEIGHBORHOODS } from '../../tests/deals/corpus/inquiries';

const TARGET = 0.95;
const scores = scoreExtraction(
  corpus.map((email) => ({
    email,
    extracted: extractRequirements(email.body, {
      sentAt: new Date(email.sentAt ?? DEFAULT_SENT_AT),
      knownNeighborhoods: KNOWN_NEIGHBORHOODS,
    }),
  })),
);
console.log(`Requirement extraction over ${corpus.length} inquiry emails (offline parser)\n`);
let isBelow = false;
for (const score of scores) {
  const share = score.correct / score.total;
  if (share < TARGET) isBelow = true;
  console.log(
    `${score.field.padEnd(14)} ${(share * 100).toFixed(1).padStart(5)}%  (${score.correct}/${score.total})`,
  );
  for (const miss of score.misses) console.log(`    miss ${miss}`);
}
process.exitCode = isBelow ? 1 : 0;
