import { describe, expect, it } from 'vitest';
import { checkGrounding, combineValidation, validateDraftBody } from '../../../src/server/ai/grounding';
import { SIGNATURE, seedContext, spaceId } from '../fixtures';

// Acme's deal: Mission Loft ($12,500, parking $275 with 4 spots, dogs allowed, 24/7, 2 meeting rooms,
// Tue 2pm/4pm, Wed 10am/11am, Thu 3pm) and SoMa Studio ($9,800, street parking, no dogs, 6am–11pm,
// 1 meeting room, Mon 9am/1pm, Wed 2pm, Fri 11am). Budget $13k, team of 12.
const acme = seedContext('acme');
const errors = (body: string) => checkGrounding(body, acme).filter((issue) => issue.severity === 'error');
const warnings = (body: string) => checkGrounding(body, acme).filter((issue) => issue.severity === 'warning');

describe('grounding checks: supported claims pass', () => {
  it.each([
    'The rent at Mission Loft is $12,500/mo.',
    'Mission Loft is 12.5k a month.',
    'Mission Loft comes in at $12.5k per month.',
    'SoMa Studio is $9,800/month.',
    'SoMa Studio is 9800 dollars a month.',
    'Parking at Mission Loft is $275 per month.',
    'Parking at Mission Loft costs USD 275 monthly.',
    'Key cards at Mission Loft are $25 each.',
    'The dog deposit at Mission Loft is $500.',
    'That keeps you under your $13k budget.',
    'We could tour Mission Loft Tuesday at 2.',
    'How about 2:00 PM Tue at Mission Loft?',
    'Tue 2pm works for Mission Loft.',
    'We could see Mission Loft at 4pm on Tuesday.',
    'Mission Loft: Wednesday, 10:00 am or Thursday at 3 p.m.',
    'SoMa Studio has a tour slot on Monday at 9am.',
    'Dogs are welcome at Mission Loft.',
    'Pets are fine at Mission Loft.',
    'You can bring your dogs to Mission Loft.',
    'SoMa Studio does not allow dogs.',
    'No dogs at SoMa Studio, sorry.',
    'Mission Loft has 2 meeting rooms and 4 spots in the garage.',
    'Mission Loft has two meeting rooms.',
    'Mission Loft has 24/7 access.',
    'SoMa Studio is open 6am–11pm.',
    'SoMa Studio has no dedicated parking: street parking only.',
    'Utilities are included at Mission Loft, with 1 Gbps fiber.',
    'There is room for your 12 people, and Mission Loft has 20 desks.',
    'Mission Loft is at 2180 Bryant St in the Mission.',
    'Mission Loft is available from January 1, 2027.',
    'The Caltrain station is two blocks away from SoMa Studio.',
    'At $12,500/month, Mission Loft is $500 under your budget.',
    'Parking for 4 cars at Mission Loft would be $1,100/month.',
    'Mission Loft works out to about $1,042 per person each month.',
    'Mission Loft comes to $150,000 a year.',
  ])('passes %j', (body) => {
    expect(errors(body)).toEqual([]);
    expect(warnings(body)).toEqual([]);
  });
});

describe('grounding checks: unsupported or contradicted claims fail', () => {
  it.each([
    ['Mission Loft is $11,500/month.', '$11,500/month', 'space:101.monthlyRate'],
    ['Parking at Mission Loft is $265/month.', '$265/month', 'detailedAmenities.parking.costMonthly'],
    ['Parking at Mission Loft is $2,750/month.', '$2,750/month', 'detailedAmenities.parking.costMonthly'],
    ['Parking at Mission Loft is $9,800/month.', '$9,800/month', 'detailedAmenities.parking.costMonthly'],
    ['Parking at Mission Loft is $550/month.', '$550/month', 'detailedAmenities.parking.costMonthly'],
    ['Mission Loft is 4.5k a month.', '4.5k a month', 'space:101.monthlyRate'],
    ['We could tour Mission Loft on Tuesday at 10am.', 'Tuesday at 10am', 'availability.tuesday'],
    ['Mission Loft: how about 3pm Wed?', '3pm Wed', 'availability.wednesday'],
    ['Mission Loft tours run Saturday at 11am.', 'Saturday at 11am', 'availability.saturday'],
    ['Dogs are welcome at SoMa Studio.', 'Dogs are welcome', 'dogPolicy.allowed'],
    ['SoMa Studio is dog-friendly.', 'dog-friendly', 'dogPolicy.allowed'],
    ['Mission Loft does not allow dogs.', 'does not allow dogs', 'dogPolicy.allowed'],
    ['SoMa Studio has 24/7 access.', '24/7', 'access.hours'],
    ['SoMa Studio is open 7am–8pm.', '7am–8pm', 'access.hours'],
    ['Mission Loft has 5 meeting rooms.', '5 meeting rooms', 'meetingRooms.count'],
    ['Mission Loft has 9 parking spots.', '9 parking spots', 'parking.spotsAvailable'],
    ['SoMa Studio has dedicated parking.', 'dedicated parking', 'parking.type'],
    ['Mission Loft is at 500 Market St.', '500 Market St', 'address'],
    ['Utilities are not included at Mission Loft.', 'Utilities are not included', 'rentInclusions.utilities'],
    ['Parking is included at Mission Loft.', 'Parking is included', 'parking.costMonthly'],
    ['Mission Loft has 10 Gbps internet.', '10 Gbps', 'rentInclusions.internet'],
  ])('fails %j', (body, claim, source) => {
    const found = errors(body);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ claim, severity: 'error', layer: 'grounding' });
    expect(found[0]?.source).toContain(source);
    expect(found[0]?.expected.length).toBeGreaterThan(0);
  });

  it('names what the records say for a wrong parking cost', () => {
    const [issue] = errors('Parking at Mission Loft is $265/month.');
    expect(issue?.expected).toContain('$275');
    expect(issue?.source).toBe(`space:${spaceId('mission-loft')}.detailedAmenities.parking.costMonthly`);
  });

  it('gives offsets that point at the claim in the body', () => {
    const body = 'Hi Priya,\n\nGood news 🎉 — parking at Mission Loft is $265/month.\n\nBest';
    const [issue] = errors(body);
    expect(issue && body.slice(issue.start, issue.end)).toBe('$265/month');
  });
});

describe('grounding checks: softer statements warn', () => {
  it.each([
    ['The street is quiet.', 'quiet'],
    ['Dogs are welcome.', 'Dogs are welcome'],
    ['The space is newly renovated.', 'newly renovated'],
  ])('warns on %j', (body, claim) => {
    expect(errors(body)).toEqual([]);
    expect(warnings(body).map((issue) => issue.claim)).toEqual([claim]);
  });
});

describe('grounding checks: nasty inputs', () => {
  it('finds no claim in an empty body, but an empty reply answers nothing', () => {
    expect(checkGrounding('', acme)).toEqual([]);
    const validation = validateDraftBody('', acme);
    expect(validation.status).toBe('warnings');
    expect(validation.questions).toMatchObject({ asked: 4, answered: 0, deferred: 0 });
  });

  it('ignores the signature, phone numbers and thread dates', () => {
    const body = `Hi Priya,\n\nFollowing up on your note of November 29. Call me on 415-555-0199.\n\n${SIGNATURE}`;
    expect(checkGrounding(body, acme)).toEqual([]);
  });

  it('handles unicode around the claims', () => {
    const body =
      'Mission Loft — café ☕, 🐶 welcome: $12,500/month. مرحبا. Parking at Mission Loft is $265/month.';
    expect(errors(body).map((issue) => issue.claim)).toEqual(['$265/month']);
  });

  it('checks a huge body claim by claim', () => {
    const paragraph = 'The rent at Mission Loft is $12,500/month and parking is $275/month. ';
    const body = `${paragraph.repeat(2_000)}Parking at Mission Loft is $265/month.`;
    const found = errors(body);
    expect(found.map((issue) => issue.claim)).toEqual(['$265/month']);
    expect(found[0]?.start).toBe(body.lastIndexOf('$265'));
  });

  it('works with an empty thread and no spaces', () => {
    const bare = { ...acme, thread: [], spaces: [], inbound: { ...acme.inbound, text: '' } };
    const found = checkGrounding('The rent is $4,500/mo and we could tour Tuesday at 2pm.', bare);
    expect(found.map((issue) => [issue.claim, issue.severity])).toEqual([
      ['$4,500/mo', 'error'],
      ['Tuesday at 2pm', 'error'],
    ]);
  });

  it('accepts the seeker’s own figures from the thread', () => {
    const kestrel = seedContext('kestrel');
    expect(checkGrounding('You mentioned $180 a month for parking; that is right.', kestrel)).toEqual([]);
  });
});

describe('combining the layers', () => {
  it('keeps grounding errors whatever the critique says', () => {
    const grounding = errors('Parking at Mission Loft is $265/month.');
    expect(combineValidation(grounding, []).status).toBe('failed');
  });

  it('lets the critique add issues', () => {
    const validation = combineValidation(
      [],
      [{ claim: 'x', expected: 'y', source: 'critique', severity: 'warning' }],
    );
    expect(validation.status).toBe('warnings');
    expect(validation.issues[0]?.layer).toBe('critique');
  });
});
