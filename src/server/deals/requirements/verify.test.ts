import { describe, expect, it } from 'vitest';
import { type ModelRequirements, verifyAgainstEmail } from './verify';

const sentAt = new Date('2027-01-12T16:00:00Z');
const none: ModelRequirements = {
  teamSize: null,
  monthlyBudget: null,
  neighborhoods: null,
  moveInDate: null,
  leaseMonths: null,
  parking: null,
  parkingSpots: null,
  dogFriendly: null,
  afterHours: null,
  meetingRooms: null,
};
const check = (email: string, output: Partial<ModelRequirements>) =>
  verifyAgainstEmail({ ...none, ...output }, email, {
    sentAt,
    knownNeighborhoods: ['Mission', 'Hayes Valley', 'SoMa'],
  });

describe('a model reading checked against the email', () => {
  it.each([
    ['We are a team of eight', { teamSize: { value: 8, words: 'team of eight' } }],
    ['budget around $9,000 a month', { monthlyBudget: { value: 9000, words: 'around $9,000 a month' } }],
    ['up to $9.5k', { monthlyBudget: { value: 9500, words: 'up to $9.5k' } }],
    ['our ceiling is nine grand', { monthlyBudget: { value: 9000, words: 'nine grand' } }],
    [
      'team of 10, $600 per desk',
      {
        teamSize: { value: 10, words: 'team of 10' },
        monthlyBudget: { value: 6000, words: '$600 per desk' },
      },
    ],
    ['a two-year lease', { leaseMonths: { value: 24, words: 'two-year lease' } }],
    ['moving in from March', { moveInDate: { value: '2027-03-01', words: 'from March' } }],
    ['we need it ASAP', { moveInDate: { value: '2027-01-12', words: 'ASAP' } }],
    ['a move in Q2', { moveInDate: { value: '2027-04-01', words: 'in Q2' } }],
    ["We don't need parking.", { parking: { value: false, words: "don't need parking" } }],
    [
      'parking for 3 cars please',
      {
        parking: { value: true, words: 'parking for 3 cars' },
        parkingSpots: { value: 3, words: 'parking for 3 cars' },
      },
    ],
    [
      'Hayes Valley or the Mission',
      { neighborhoods: { value: ['Hayes Valley', 'Mission'], words: 'Hayes Valley or the Mission' } },
    ],
  ] as Array<[string, Partial<ModelRequirements>]>)('keeps what "%s" says', (email, output) => {
    const { extracted, dropped } = check(email, output);
    expect(dropped).toEqual([]);
    for (const [field, read] of Object.entries(output)) {
      expect(extracted[field as keyof typeof extracted]).toEqual(read);
    }
  });

  it.each([
    [
      'a figure the email does not give',
      'budget around $9,000',
      { monthlyBudget: { value: 12000, words: 'budget around $9,000' } },
      'monthlyBudget',
    ],
    [
      'words the email does not contain',
      'we are a small team',
      { teamSize: { value: 8, words: 'team of 8' } },
      'teamSize',
    ],
    [
      'a negation read as yes',
      "we don't need parking",
      { parking: { value: true, words: "don't need parking" } },
      'parking',
    ],
    [
      'a must-have the words are not about',
      'we love our dog',
      { meetingRooms: { value: true, words: 'we love our dog' } },
      'meetingRooms',
    ],
    [
      'a month the words do not say',
      'from March',
      { moveInDate: { value: '2027-05-01', words: 'from March' } },
      'moveInDate',
    ],
    [
      'a lease in years read as months',
      'a two-year lease',
      { leaseMonths: { value: 2, words: 'two-year lease' } },
      'leaseMonths',
    ],
    [
      'spots the email never counts',
      'is there parking?',
      { parkingSpots: { value: 4, words: 'is there parking' } },
      'parkingSpots',
    ],
  ] as Array<[string, string, Partial<ModelRequirements>, string]>)('drops %s', (_, email, output, field) => {
    const { extracted, dropped } = check(email, output);
    expect(extracted[field as keyof typeof extracted]).toBeUndefined();
    expect(dropped.map((d) => d.field)).toContain(field);
  });

  it('drops a neighbourhood the inventory lacks or the email does not name, keeping the rest', () => {
    const { extracted, dropped } = check('Hayes Valley ideally', {
      neighborhoods: { value: ['Hayes Valley', 'Mission', 'Atlantis'], words: 'Hayes Valley ideally' },
    });
    expect(extracted.neighborhoods?.value).toEqual(['Hayes Valley']);
    expect(dropped.map((d) => d.field)).toEqual(['neighborhoods', 'neighborhoods']);
  });
});
