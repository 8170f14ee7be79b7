/**
 * Does learning from sent edits help? Replays the seed's edited-and-sent replies
 * (src/server/seed/learning-data.ts): the first part is learned from (style counted from each
 * edit, every fact proposal accepted into the records, as a manager would), the rest is drafted
 * by the offline drafter twice, without and with what was learned, and compared with what the
 * agents actually sent. Pure: no database, no network. `npm run eval:learning`.
 */
import type { ContextSpace, DraftContext } from '../../src/server/ai/context';
import { DEFAULT_CLOSING, draftOffline } from '../../src/server/ai/offline';
import { factsToPropose } from '../../src/server/knowledge/extract';
import { factPatch } from '../../src/server/knowledge/patch';
import { compareBodies } from '../../src/server/learning/similarity';
import { observeStyle, type StyleProfile, styleProfile } from '../../src/server/learning/style';
import {
  applyAgentEdit,
  LEARNING_TRAIN_COUNT,
  type LearningExample,
  learningExamples,
} from '../../src/server/seed/learning-data';
import { demoSpaces } from '../../src/server/seed/seed-data';

const SIGNATURE = 'Best,\nAlex Agent\nTandem Brokerage · (415) 555-0142';

function inventory(): Map<string, ContextSpace> {
  return new Map(
    demoSpaces.map((space, index) => [
      space.key,
      {
        id: 101 + index,
        name: space.name,
        address: space.address,
        neighborhood: space.neighborhood,
        hostCompany: space.hostCompany,
        hostContext: space.hostContext,
        monthlyRate: space.monthlyRate,
        amenities: space.amenities,
        detailedAmenities: structuredClone(space.detailedAmenities),
        availability: space.availability,
        desks: space.desks ?? null,
        squareFeet: space.squareFeet ?? null,
        availableFrom: space.availableFrom ?? null,
        dealStatus: 'selected',
      },
    ]),
  );
}

function contextFor(
  example: LearningExample,
  index: number,
  spaces: Map<string, ContextSpace>,
  style?: StyleProfile,
): DraftContext {
  const space = spaces.get(example.spaceKey);
  if (!space) throw new Error(`No space ${example.spaceKey}`);
  return {
    organizationId: 'org_tandem_demo',
    deal: {
      id: 900 + index,
      companyName: example.companyName,
      seekerName: example.seekerName,
      teamSize: example.teamSize,
      monthlyBudget: example.monthlyBudget,
      requirements: example.requirements,
      stage: example.stage,
    },
    spaces: [space],
    inbound: {
      id: 1000 + index,
      direction: 'inbound',
      from: example.seekerEmail,
      subject: example.inbound.subject,
      sentAt: '2026-11-01T10:00:00.000Z',
      text: example.inbound.body,
    },
    thread: [],
    signature: SIGNATURE,
    ...(style ? { style } : {}),
    omitted: { messages: 0, spaces: 0, inboundChars: 0 },
  };
}

/** What the agent sent: their edit applied to the draft they were shown (before any learning). */
const original = inventory();
const sent = learningExamples.map((example, index) => {
  const draft = draftOffline(contextFor(example, index, original)).body;
  const space = original.get(example.spaceKey);
  return {
    draft,
    body: applyAgentEdit(draft, example.edit, {
      firstName: example.seekerName.split(' ')[0] ?? '',
      spaceName: space?.name ?? '',
      closingLine: DEFAULT_CLOSING,
    }),
  };
});

// Learn from the first part, as the send does: style counts and accepted facts.
const counts = new Map<
  string,
  { kind: Parameters<typeof styleProfile>[0][number]['kind']; phrase: string; count: number }
>();
const learned = inventory();
let accepted = 0;
for (const [index, example] of learningExamples.slice(0, LEARNING_TRAIN_COUNT).entries()) {
  const pair = sent[index];
  if (!pair) continue;
  for (const observation of observeStyle(pair.draft, pair.body, {
    signature: SIGNATURE,
    seekerName: example.seekerName,
    spaceNames: [original.get(example.spaceKey)?.name ?? ''],
  })) {
    const key = `${observation.kind}:${observation.phrase}`;
    const row = counts.get(key) ?? { ...observation, count: 0 };
    row.count += 1;
    counts.set(key, row);
  }
  const context = contextFor(example, index, learned);
  for (const fact of factsToPropose(pair.body, context).filter((f) => !pair.draft.includes(f.words))) {
    const space = [...learned.values()].find((s) => s.id === fact.spaceId);
    if (!space) continue;
    Object.assign(space, factPatch(space, fact.field, fact.value));
    accepted += 1;
    console.log(`accepted: ${space.name} ${fact.field} = ${fact.value} ("${fact.words}")`);
  }
}
const profile = styleProfile([...counts.values()].map((row) => ({ ...row, isRemoved: false })));
console.log('learned style:', JSON.stringify(profile));

const rows = learningExamples.slice(LEARNING_TRAIN_COUNT).map((example, n) => {
  const index = LEARNING_TRAIN_COUNT + n;
  const pair = sent[index];
  if (!pair) throw new Error('missing pair');
  const before = compareBodies(pair.draft, pair.body, { signature: SIGNATURE });
  const afterDraft = draftOffline(contextFor(example, index, learned, profile)).body;
  const after = compareBodies(afterDraft, pair.body, { signature: SIGNATURE });
  return { company: example.companyName, before, after };
});

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
console.log(`\n${'held-out reply'.padEnd(22)} before  after`);
for (const row of rows)
  console.log(
    `${row.company.padEnd(22)} ${row.before.similarity.toFixed(3)}   ${row.after.similarity.toFixed(3)}`,
  );
const before = mean(rows.map((row) => row.before.similarity));
const after = mean(rows.map((row) => row.after.similarity));
console.log(
  `\nlearned from ${LEARNING_TRAIN_COUNT} sent edits (${counts.size} style counts, ${accepted} facts accepted); drafted ${rows.length} held-out replies`,
);
console.log(`mean similarity to what was sent: before ${before.toFixed(3)}, after ${after.toFixed(3)}`);
console.log(
  `sent unedited: before ${rows.filter((r) => r.before.isUnedited).length}/${rows.length}, after ${rows.filter((r) => r.after.isUnedited).length}/${rows.length} (${pct(after - before)} points of similarity)`,
);
