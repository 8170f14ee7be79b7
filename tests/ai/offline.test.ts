import { describe, expect, it } from 'vitest';
import { validateDraftBody } from '../../src/server/ai/grounding';
import { draftOffline, findQuestions } from '../../src/server/ai/offline';
import { SIGNATURE, seedContext, seededDealKeys, spaceId } from './fixtures';

describe('offline drafter: questions found and facts used', () => {
  it.each([
    {
      deal: 'acme',
      email:
        'Is there parking, and what does it cost? Can we bring our two dogs? Do we get 24/7 access? Could we tour Tuesday afternoon?',
      questions: ['parking', 'dogs', 'access', 'tour'],
      facts: [
        'detailedAmenities.parking',
        'detailedAmenities.dogPolicy',
        'detailedAmenities.access',
        'availability',
      ],
      says: ['$275/month', 'Dogs are welcome at Mission Loft', '24/7 access', 'Tuesday at 2pm or 4pm'],
    },
    {
      deal: 'acme',
      email: 'What is the monthly rent at Mission Loft? When could we move in?',
      questions: ['price', 'moveIn'],
      facts: ['monthlyRate', 'availableFrom', 'availability'],
      says: ['$12,500/month', 'January 1, 2027'],
    },
    {
      deal: 'acme',
      email: 'Can we bring a dog to SoMa Studio?',
      questions: ['dogs'],
      facts: ['detailedAmenities.dogPolicy', 'availability'],
      says: ['SoMa Studio does not allow dogs', 'Dog daycare at 7th & Townsend'],
    },
    {
      deal: 'northstar',
      email: 'How many meeting rooms does Potrero Yard have, and is parking included in the rent?',
      // The thread's earlier question (term length) is still unanswered, so it is deferred too.
      questions: ['parking', 'meetingRooms', 'lease'],
      facts: ['detailedAmenities.parking', 'detailedAmenities.meetingRooms', 'availability'],
      says: ['included with the lease', '4 meeting rooms'],
    },
    {
      deal: 'quill',
      email: 'Is there parking near Jackson Square Brick? And can the team get in after hours?',
      questions: ['parking', 'access'],
      facts: ['detailedAmenities.parking', 'detailedAmenities.access', 'availability'],
      says: ['$32/day', '24/7 access'],
    },
    {
      deal: 'lattice',
      email: 'How much are key cards at the Union Square space, and how many meeting rooms are there?',
      questions: ['access', 'meetingRooms'],
      facts: ['detailedAmenities.access', 'detailedAmenities.meetingRooms', 'availability'],
      says: ['Key cards are $30 each', '3 meeting rooms'],
    },
    {
      deal: 'fernwood',
      email: 'Could we see Castro Flat on Saturday morning?',
      questions: ['tour'],
      facts: ['availability'],
      says: ['Saturday at 11am'],
    },
    {
      deal: 'fernwood',
      email: 'Could we see Castro Flat on Monday?',
      questions: ['tour'],
      facts: ['availability'],
      says: ['no tour slot then', 'Thursday at 5pm'],
    },
    {
      deal: 'bluebird',
      email: 'Thanks for the info.',
      questions: [],
      facts: ['availability'],
      says: ['Hayes Valley Corner'],
    },
  ])('$deal: "$email"', ({ deal, email, questions, facts, says }) => {
    const context = seedContext(deal, email);
    const draft = draftOffline(context);
    expect(draft.questions).toEqual(questions);
    expect(draft.reasoning.dataUsed.map((d) => d.fieldPath)).toEqual(facts);
    for (const phrase of says) expect(draft.body).toContain(phrase);
    expect(draft.reasoning.questionsAddressed.every((q) => q.sourceEmailId === context.inbound.id)).toBe(
      true,
    );
  });

  it('says how sure it is by the share of questions it could answer', () => {
    const all = draftOffline(seedContext('acme', 'Is there parking? Can we tour Tuesday?'));
    const half = draftOffline(
      seedContext('acme', 'Is there parking? What term length would the host accept?'),
    );
    expect(all.confidence).toBeGreaterThan(half.confidence);
    expect(half.reasoning.needsHumanReview).toEqual([
      "The email names no space: answered for Mission Loft, the deal's most advanced one",
      'Lease terms: the records do not say ("What term length would the host accept?")',
    ]);
    expect(half.body).toContain("I'll confirm the lease length for Mission Loft with the host");
    expect(half.reasoning.confidenceBasis).toContain(
      '1 of 2 questions answered from the records, 1 deferred',
    );
  });

  it('signs with the organization’s signature and cites the records it used', () => {
    const draft = draftOffline(seedContext('acme'));
    expect(draft.body.endsWith(SIGNATURE)).toBe(true);
    expect(draft.reasoning.dataUsed[0]).toMatchObject({
      sourceType: 'space',
      sourceId: spaceId('mission-loft'),
    });
  });

  it('follows a regeneration instruction for a day and a shorter reply', () => {
    const context = seedContext('acme');
    const draft = draftOffline(context, { instruction: 'shorter, and offer Tuesday 4pm instead' });
    expect(draft.body).toContain('Tuesday at 4pm');
    expect(draft.body).not.toContain('Thanks for your note');
  });

  it('finds nothing to answer in an empty email', () => {
    expect(findQuestions('')).toEqual({ questions: [], unmatched: [] });
  });
});

describe('offline drafter: grounded by construction', () => {
  it.each(seededDealKeys)('passes its own grounding checks on the seeded email of %s', (key) => {
    const context = seedContext(key);
    const draft = draftOffline(context);
    expect(validateDraftBody(draft.body, context).issues).toEqual([]);
  });

  it.each(seededDealKeys)('passes its own grounding checks on every question at once for %s', (key) => {
    const context = seedContext(
      key,
      'What is the rent? Is there parking? Dogs? Do we get after-hours access? Meeting rooms? When can we move in? Can we tour Thursday?',
    );
    const draft = draftOffline(context);
    expect(validateDraftBody(draft.body, context).issues).toEqual([]);
  });
});

describe('offline drafter: every topic the records hold, the rest deferred in words', () => {
  it.each([
    ['internet', 'What is the internet like at Mission Loft?', 'Internet at Mission Loft is 1 Gbps fiber'],
    [
      'utilities',
      'Are utilities included at Mission Loft?',
      'Utilities are included in the rent at Mission Loft',
    ],
    ['kitchen', 'Is there a kitchen at Mission Loft?', 'Mission Loft has a full kitchen'],
    ['cleaning', 'How often is Mission Loft cleaned?', 'Cleaning at Mission Loft is nightly'],
    [
      'desks',
      'Will Mission Loft fit our team?',
      'Mission Loft has 20 desks and 3,200 square feet, room for your team of 12',
    ],
    [
      'all-in total',
      "What's the all-in monthly at Mission Loft with two parking spots?",
      'All-in, Mission Loft comes to $13,050/month',
    ],
    [
      'false premise',
      'You mentioned $9,500 a month for Mission Loft — still right?',
      'the rent at Mission Loft is $12,500/month',
    ],
    ['subject', '', 'Parking at Mission Loft is $275/month', 'Parking at Mission Loft?'],
  ])('%s', (_topic, email, says, subject?: string) => {
    const base = seedContext('acme', email);
    const context = subject ? { ...base, inbound: { ...base.inbound, subject } } : base;
    const draft = draftOffline(context);
    expect(draft.body).toContain(says);
    const validation = validateDraftBody(draft.body, context);
    expect(validation.issues).toEqual([]);
    expect(validation.questions?.answered).toBeGreaterThan(0);
  });

  it('answers meeting-room booking limits and shared parking from the records', () => {
    const potrero = draftOffline(seedContext('northstar', 'How long can we book the meeting rooms for?'));
    expect(potrero.body).toContain(
      'Meeting rooms at Potrero Yard are booked through Google Calendar, up to 3 hours per booking.',
    );
    const dogpatch = draftOffline(seedContext('kestrel', 'Are the parking spots shared or reserved?'));
    expect(dogpatch.body).toContain('shared spots (not reserved)');
  });

  it('defers what the records lack, in words, and the validation counts it as deferred', () => {
    const context = seedContext(
      'acme',
      'How long is the lease at Mission Loft? Is the roof deck open to tenants?',
    );
    const draft = draftOffline(context);
    expect(draft.body).toContain(
      "I'll confirm the lease length for Mission Loft with the host and come back to you today.",
    );
    expect(draft.body).toContain(
      "I'll confirm your question “Is the roof deck open to tenants” with the host and come back to you today.",
    );
    const validation = validateDraftBody(draft.body, context);
    expect(validation.questions).toMatchObject({ asked: 2, answered: 0, deferred: 2 });
    expect(validation.status).toBe('passed');
  });
});
