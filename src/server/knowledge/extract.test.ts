import { describe, expect, it } from 'vitest';
import { SIGNATURE, seedContext, spaceId } from '../../../tests/ai/fixtures';
import { describeKnowledge, factsToPropose } from './extract';

// Acme's deal: Mission Loft (parking $275/month, 4 spots, dogs allowed, 2 meeting rooms) and
// SoMa Studio (street parking only, no dogs, 1 meeting room).
const acme = seedContext('acme');
const facts = (body: string) => factsToPropose(`Hi Dana,\n\n${body}\n\n${SIGNATURE}`, acme);

describe('facts a sent reply teaches', () => {
  it.each([
    [
      'There is a garage next door to SoMa Studio: parking is $300/month.',
      'detailedAmenities.parking.costMonthly',
      300,
      'addition',
    ],
    ['Parking at Mission Loft is $300/month.', 'detailedAmenities.parking.costMonthly', 300, 'correction'],
    ['Mission Loft has 3 meeting rooms.', 'detailedAmenities.meetingRooms.count', 3, 'correction'],
    ['SoMa Studio has 12 desks.', 'desks', 12, 'correction'],
    ['SoMa Studio has 2 parking spots.', 'detailedAmenities.parking.spotsAvailable', 2, 'addition'],
    ['Dogs are welcome at SoMa Studio.', 'detailedAmenities.dogPolicy.allowed', true, 'correction'],
  ] as const)('reads %j as %s = %s (%s)', (body, field, value, kind) => {
    const found = facts(body);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field, value, kind, words: body });
  });

  it('names the space and what the record held', () => {
    const [fact] = facts('Parking at Mission Loft is $300/month.');
    expect(fact?.spaceId).toBe(spaceId('mission-loft'));
    expect(fact?.current).toBe(275);
    expect(describeKnowledge(fact?.field ?? '', fact?.value ?? null)).toBe('parking $300/month');
  });

  it.each([
    'Parking at Mission Loft is $275/month.',
    'Both spaces are close to transit.',
    'Parking at either space is $300/month.',
    '> Parking at SoMa Studio is $300/month.',
    '',
  ])('proposes nothing for %j', (body) => {
    expect(facts(body)).toEqual([]);
  });
});
