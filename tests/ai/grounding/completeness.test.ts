import { describe, expect, it } from 'vitest';
import { computeConfidence, questionsIn, validateDraftBody } from '../../../src/server/ai/grounding';
import { draftOffline } from '../../../src/server/ai/offline';
import { seedContext } from '../fixtures';

const ask = (text: string, subject = 'Office space') => questionsIn({ id: 1, subject, text });

describe('completeness: questions found however they are asked', () => {
  it.each([
    ['a question mark', 'Is there parking at Mission Loft?', ['parking']],
    [
      'a numbered list without one',
      'A few things:\n1. Parking costs\n2. Dog policy\n3. Internet speed',
      ['parking', 'dogs', 'internet'],
    ],
    [
      'a bulleted list',
      'Before we decide:\n- the kitchen situation\n- how often it is cleaned',
      ['kitchen', 'cleaning'],
    ],
    ["“I'd like to understand…”", "I'd like to understand how the utilities work there.", ['utilities']],
    ['“wondering whether…”', 'Also wondering whether the pups can come along.', ['dogs']],
    ['a P.S.', 'Thanks so much.\n\nPriya\n\nP.S. the lease length matters to us', ['lease']],
    [
      'several topics in one sentence, listed once',
      'What does parking cost, and can we get in after hours?',
      ['parking', 'access'],
    ],
    ['the subject line', 'Thanks!', ['meetingRooms'], 'Re: How many meeting rooms?'],
    [
      'forwarded text',
      'See below.\n\n---------- Forwarded message ----------\nFrom: Sam\nCan the team get in on weekends?',
      ['access'],
    ],
    ['a false premise', 'You mentioned $9,500 a month — still right?', ['price']],
    [
      'an indirect “whether”, two topics',
      'Two things on my mind: whether the garage has room for 3 cars, and if we can sign a 6-month deal.',
      ['parking', 'lease'],
    ],
    [
      'the rent in a clause of its own',
      'Can you remind me what Mission Loft costs, and is the wifi decent?',
      ['price', 'internet'],
    ],
    ['a cost pointing back at parking', 'Is there parking, and what does it cost?', ['parking']],
  ])('%s', (_way, text, topics, subject?: string) => {
    const found = ask(text, subject);
    expect(found.flatMap((q) => q.topics)).toEqual(topics);
  });

  it('lists a sentence with several topics once', () => {
    expect(ask('Could you tell me the rent, the internet speed and whether dogs are ok?')).toHaveLength(1);
  });

  it('ignores quoted history and greetings', () => {
    expect(
      ask('Sounds good, thanks.\n\nOn Tue, Alex wrote:\n> Is Tuesday ok?\n> What about parking?'),
    ).toEqual([]);
    expect(ask('Hi Alex, how are you? We loved the space.')).toEqual([]);
  });

  it('keeps the premise figure', () => {
    expect(ask('You mentioned $9,500 — still right?')[0]?.premise).toBe(9500);
  });
});

describe('completeness in validation', () => {
  const context = seedContext(
    'acme',
    'Is there parking? Do you know the internet speed? How long is the lease?',
  );

  it('answered, deferred and missing questions are counted, and a missing one is a warning naming it', () => {
    const body =
      "Hi Priya,\n\nParking at Mission Loft is $275/month per spot.\n\nI'll confirm the lease length with the host and come back to you today.";
    const validation = validateDraftBody(body, context);
    expect(validation.questions).toMatchObject({ asked: 3, answered: 1, deferred: 1 });
    expect(validation.status).toBe('warnings');
    expect(validation.issues.map((issue) => issue.claim)).toEqual([
      'Unanswered question: “Do you know the internet speed?”',
    ]);
  });

  it('passes when every question is answered or deferred', () => {
    const body =
      "Hi Priya,\n\nParking at Mission Loft is $275/month per spot. Internet is 1 Gbps fiber.\n\nI'll confirm the lease length with the host and come back to you today.";
    const validation = validateDraftBody(body, context);
    expect(validation).toMatchObject({ status: 'passed', questions: { asked: 3, answered: 2, deferred: 1 } });
  });

  it('wants a false premise met by the figure on record', () => {
    const premise = seedContext('acme', 'You mentioned $9,500 a month for Mission Loft, still right?');
    expect(
      validateDraftBody('Hi Priya,\n\nYes, Mission Loft is a great fit.', premise).questions?.answered,
    ).toBe(0);
    expect(
      validateDraftBody('Hi Priya,\n\nThe rent at Mission Loft is $12,500/month on our records.', premise)
        .status,
    ).toBe('passed');
  });
});

describe('confidence from the evidence', () => {
  const base = { asked: 4, answered: 4, deferred: 0 };
  const at = (questions: typeof base, errors = 0, warnings = 0, unknowns = 0, modelConfidence?: number) =>
    computeConfidence({
      validation: {
        questions,
        issues: [
          ...Array.from({ length: errors }, () => ({
            claim: 'x',
            expected: 'y',
            source: 'z',
            severity: 'error' as const,
          })),
          ...Array.from({ length: warnings }, () => ({
            claim: 'x',
            expected: 'y',
            source: 'z',
            severity: 'warning' as const,
          })),
        ],
      },
      unknowns,
      modelConfidence,
    }).confidence;

  it('falls with fewer answers, with deferrals, with issues and with unknowns', () => {
    const full = at(base);
    expect(at({ asked: 4, answered: 3, deferred: 1 })).toBeLessThan(full);
    expect(at({ asked: 4, answered: 2, deferred: 0 })).toBeLessThan(
      at({ asked: 4, answered: 3, deferred: 1 }),
    );
    expect(at(base, 1)).toBeLessThan(at(base, 0, 1));
    expect(at(base, 0, 1)).toBeLessThan(full);
    expect(at(base, 0, 0, 2)).toBeLessThan(full);
  });

  it('takes the model’s number as one input, never the answer', () => {
    expect(at(base, 0, 0, 0, 10)).toBeLessThan(at(base));
    expect(at(base, 2, 0, 0, 99)).toBeLessThan(60);
  });

  it('differs between offline drafts with different evidence and says why', () => {
    const all = draftOffline(seedContext('acme', 'Is there parking? Can we tour Tuesday?'));
    const some = draftOffline(
      seedContext('acme', 'Is there parking? How long is the lease? Any discount for a long lease?'),
    );
    expect(all.confidence).toBeGreaterThan(some.confidence);
    expect(all.reasoning.confidenceBasis).toMatch(/^\d+%: 2 of 2 questions answered/);
  });
});

describe('the stored shape', () => {
  it('every validation carries its questions and parses with the zod schema', async () => {
    const { draftValidationSchema } = await import('../../../src/server/ai/schemas');
    const context = seedContext('acme');
    const validation = validateDraftBody(draftOffline(context).body, context);
    expect(draftValidationSchema.parse(validation).questions).toMatchObject({ asked: 4 });
  });
});
