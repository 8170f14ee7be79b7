/**
 * Edited-and-sent replies, for the learning evaluation (`npm run eval:learning`) and the demo's
 * history. Each is a closed deal whose AI draft an agent edited before sending, the way the
 * Tandem team really does: "Hello" instead of "Hi", their own closing line, the boilerplate
 * opening deleted, a friendly line added, and a parking cost the records lack (the garage on
 * Harrison St near SoMa Studio, the Civic Center garage near Hayes Valley Corner) typed in.
 * The edits are operations on the draft the agent saw, so the sent body follows from it.
 */
import type { SeedDeal } from './seed-data';

export type AgentEdit = {
  /** Replaces the first line; `{name}` is the seeker's first name. */
  greeting?: string;
  /** Replaces the drafter's closing line. */
  closing?: string;
  /** Sentences deleted (matched as written, the space's name filled in for `{space}`). */
  remove?: string[];
  /** Lines added before the closing line. */
  add?: string[];
  /** A whole line of the draft (matched by its start) replaced by the agent's own. */
  rewrite?: Array<{ lineStartsWith: string; with: string }>;
};

export type LearningExample = SeedDeal & { edit: AgentEdit; spaceKey: string };

const HELLO = 'Hello {name},';
const CLOSING = 'Happy to set up a tour whenever suits you.';
const OPENING = 'Thanks for your note about {space}.';
const EXTRA = 'Let me know if you have any other questions.';
const SOMA_PARKING =
  'There is no parking in the building, but the garage on Harrison St has monthly spots at $300/month.';
const HAYES_PARKING =
  'There is no parking in the building, but the Civic Center garage has monthly spots at $240/month.';

type Seeker = { key: string; seekerName: string; companyName: string; teamSize: number; budget: number };

function example(
  seeker: Seeker,
  spaceKey: 'soma-studio' | 'hayes-corner' | 'castro-flat' | 'north-beach-attic',
  question: { subject: string; body: string },
  edit: AgentEdit,
  daysAgo: number,
): LearningExample {
  return {
    key: `learn-${seeker.key}`,
    seekerName: seeker.seekerName,
    seekerEmail: `${seeker.seekerName.split(' ')[0]?.toLowerCase()}@${seeker.key}.example`,
    companyName: seeker.companyName,
    teamSize: seeker.teamSize,
    monthlyBudget: seeker.budget,
    requirements: {},
    stage: 'closed',
    owner: 'agent',
    spaces: [{ key: spaceKey, status: 'selected' }],
    history: [],
    inbound: { hoursAgo: daysAgo * 24, ...question },
    draft: 'sent',
    edit,
    spaceKey,
  };
}

const parkingQuestion = (space: string) => ({
  subject: `Parking at ${space}`,
  body: `Hi, we like ${space}. Is there parking nearby, and what would it cost?`,
});
const dogQuestion = (space: string) => ({
  subject: `${space} and dogs`,
  body: `Hello! Could we bring our dog to ${space}?`,
});
const priceQuestion = (space: string) => ({
  subject: `${space} rent`,
  body: `What is the monthly rent at ${space}?`,
});
const kitchenQuestion = (space: string) => ({
  subject: `${space} kitchen`,
  body: `Does ${space} have a kitchen we can use?`,
});

/** In the order they were sent: the evaluation learns from the first half and drafts the rest. */
export const learningExamples: LearningExample[] = [
  example(
    { key: 'fogline', seekerName: 'Nina Park', companyName: 'Fogline Media', teamSize: 6, budget: 10000 },
    'soma-studio',
    parkingQuestion('SoMa Studio'),
    {
      greeting: HELLO,
      closing: CLOSING,
      remove: [OPENING],
      rewrite: [{ lineStartsWith: 'SoMa Studio has no dedicated parking', with: SOMA_PARKING }],
    },
    13,
  ),
  example(
    { key: 'tidewater', seekerName: 'Omar Haddad', companyName: 'Tidewater Labs', teamSize: 5, budget: 7000 },
    'hayes-corner',
    dogQuestion('Hayes Valley Corner'),
    { greeting: HELLO, closing: CLOSING, remove: [OPENING], add: [EXTRA] },
    12,
  ),
  example(
    {
      key: 'brightline',
      seekerName: 'Grace Kim',
      companyName: 'Brightline Health',
      teamSize: 6,
      budget: 6000,
    },
    'castro-flat',
    priceQuestion('Castro Flat'),
    { greeting: HELLO, closing: CLOSING, remove: [OPENING] },
    12,
  ),
  example(
    { key: 'copperleaf', seekerName: 'Luis Ortega', companyName: 'Copperleaf', teamSize: 7, budget: 10000 },
    'soma-studio',
    kitchenQuestion('SoMa Studio'),
    { greeting: HELLO, closing: CLOSING, add: [EXTRA] },
    11,
  ),
  example(
    {
      key: 'harborview',
      seekerName: 'Emma Stone',
      companyName: 'Harborview Legal',
      teamSize: 5,
      budget: 7000,
    },
    'hayes-corner',
    parkingQuestion('Hayes Valley Corner'),
    {
      greeting: HELLO,
      closing: CLOSING,
      remove: [OPENING],
      rewrite: [{ lineStartsWith: 'Hayes Valley Corner has no dedicated parking', with: HAYES_PARKING }],
    },
    11,
  ),
  example(
    { key: 'quartz', seekerName: 'Ben Adler', companyName: 'Quartz Robotics', teamSize: 4, budget: 6000 },
    'north-beach-attic',
    dogQuestion('North Beach Attic'),
    { closing: CLOSING, remove: [OPENING] },
    10,
  ),
  example(
    { key: 'saltmarsh', seekerName: 'Ivy Chen', companyName: 'Saltmarsh Studio', teamSize: 6, budget: 10000 },
    'soma-studio',
    parkingQuestion('SoMa Studio'),
    {
      greeting: HELLO,
      closing: CLOSING,
      remove: [OPENING],
      add: [EXTRA],
      rewrite: [{ lineStartsWith: 'SoMa Studio has no dedicated parking', with: SOMA_PARKING }],
    },
    10,
  ),
  example(
    { key: 'ember', seekerName: 'Theo Brandt', companyName: 'Ember Foods', teamSize: 6, budget: 6000 },
    'castro-flat',
    kitchenQuestion('Castro Flat'),
    { greeting: HELLO, closing: CLOSING, remove: [OPENING] },
    9,
  ),
  // Held out: the evaluation drafts these with what it learned from the ones above.
  example(
    { key: 'windmill', seekerName: 'Sara Lind', companyName: 'Windmill Energy', teamSize: 6, budget: 10000 },
    'soma-studio',
    parkingQuestion('SoMa Studio'),
    {
      greeting: HELLO,
      closing: CLOSING,
      remove: [OPENING],
      rewrite: [{ lineStartsWith: 'SoMa Studio has no dedicated parking', with: SOMA_PARKING }],
    },
    8,
  ),
  example(
    { key: 'granite', seekerName: 'Ravi Menon', companyName: 'Granite Analytics', teamSize: 5, budget: 7000 },
    'hayes-corner',
    parkingQuestion('Hayes Valley Corner'),
    {
      greeting: HELLO,
      closing: CLOSING,
      remove: [OPENING],
      add: [EXTRA],
      rewrite: [{ lineStartsWith: 'Hayes Valley Corner has no dedicated parking', with: HAYES_PARKING }],
    },
    7,
  ),
  example(
    { key: 'lumen', seekerName: 'Julia Novak', companyName: 'Lumen Books', teamSize: 4, budget: 6000 },
    'castro-flat',
    dogQuestion('Castro Flat'),
    { greeting: HELLO, closing: CLOSING, remove: [OPENING] },
    6,
  ),
  example(
    { key: 'pinnacle', seekerName: 'Kofi Mensah', companyName: 'Pinnacle Audio', teamSize: 6, budget: 10000 },
    'soma-studio',
    priceQuestion('SoMa Studio'),
    { greeting: HELLO, closing: CLOSING, add: [EXTRA] },
    5,
  ),
  example(
    { key: 'riverstone', seekerName: 'Mia Rossi', companyName: 'Riverstone Care', teamSize: 4, budget: 6000 },
    'north-beach-attic',
    kitchenQuestion('North Beach Attic'),
    { closing: CLOSING, remove: [OPENING] },
    4,
  ),
  example(
    { key: 'juniper', seekerName: 'Owen Price', companyName: 'Juniper Apps', teamSize: 5, budget: 7000 },
    'hayes-corner',
    priceQuestion('Hayes Valley Corner'),
    { greeting: HELLO, closing: CLOSING, remove: [OPENING] },
    3,
  ),
  // An agent who kept the drafter's own words: not every reply is rewritten.
  example(
    { key: 'cobalt', seekerName: 'Hana Sato', companyName: 'Cobalt Design', teamSize: 6, budget: 6000 },
    'castro-flat',
    priceQuestion('Castro Flat'),
    {},
    2,
  ),
  example(
    { key: 'meadow', seekerName: 'Leo Grant', companyName: 'Meadow Bio', teamSize: 6, budget: 10000 },
    'soma-studio',
    dogQuestion('SoMa Studio'),
    { greeting: HELLO, closing: CLOSING, remove: [OPENING], add: [EXTRA] },
    1,
  ),
];

/** How many of `learningExamples` the evaluation learns from; the rest are held out. */
export const LEARNING_TRAIN_COUNT = 8;

/** The draft as the agent sent it: the edit applied to the body the agent saw. */
export function applyAgentEdit(
  draft: string,
  edit: AgentEdit,
  names: { firstName: string; spaceName: string; closingLine: string },
): string {
  const fill = (text: string) =>
    text.replaceAll('{name}', names.firstName).replaceAll('{space}', names.spaceName);
  let body = draft;
  for (const sentence of edit.remove ?? [])
    body = body.replace(`${fill(sentence)}\n\n`, '').replace(fill(sentence), '');
  const lines = body.split('\n');
  if (edit.greeting && lines.length > 0) lines[0] = fill(edit.greeting);
  for (const rewrite of edit.rewrite ?? []) {
    const at = lines.findIndex((line) => line.startsWith(rewrite.lineStartsWith));
    if (at >= 0) lines[at] = fill(rewrite.with);
  }
  const closingAt = lines.indexOf(names.closingLine);
  const added = (edit.add ?? []).flatMap((line) => [fill(line), '']);
  if (closingAt >= 0) {
    lines.splice(closingAt, 1, ...added, edit.closing ? fill(edit.closing) : names.closingLine);
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}
