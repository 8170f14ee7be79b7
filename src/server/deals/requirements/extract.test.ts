import { describe, expect, it } from 'vitest';
import { extractRequirements, wordsToDigits } from './extract';

const sentAt = new Date('2027-01-12T16:00:00Z');
const read = (text: string) => extractRequirements(text, { sentAt, knownNeighborhoods: ['Mission', 'SoMa'] });

describe('extractRequirements', () => {
  it.each([
    ['team of 8', 'teamSize', 8],
    ['we are twelve people', 'teamSize', 12],
    ['budget around $9,000 a month', 'monthlyBudget', 9000],
    ['up to $9k', 'monthlyBudget', 9000],
    ['9,000/mo is our ceiling', 'monthlyBudget', 9000],
    ['$8-10k per month', 'monthlyBudget', 10000],
    ['we are 10 people at $600 per desk', 'monthlyBudget', 6000],
    ['from March', 'moveInDate', '2027-03-01'],
    ['we need it ASAP', 'moveInDate', '2027-01-12'],
    ['a move in Q2', 'moveInDate', '2027-04-01'],
    ['a two-year lease', 'leaseMonths', 24],
    ['parking for 3 cars', 'parkingSpots', 3],
  ])('reads "%s" as %s = %j', (text, field, value) => {
    expect(read(text)[field as keyof ReturnType<typeof read>]?.value).toEqual(value);
  });

  it('reads a negation as false, not as a must-have', () => {
    const found = read("We don't need parking but our dog comes every day.");
    expect(found.parking?.value).toBe(false);
    expect(found.dogFriendly?.value).toBe(true);
  });

  it('keeps the words each field came from', () => {
    const found = read('Hi, team of 8 in the Mission, budget around $9,000 a month.');
    expect(found.teamSize?.words).toBe('team of 8');
    expect(found.monthlyBudget?.words).toContain('$9,000');
    expect(found.neighborhoods).toEqual({ value: ['Mission'], words: 'the mission' });
  });

  it('tells Mission Bay from the Mission and finds nothing in an empty or huge body', () => {
    expect(read('Mission Bay only').neighborhoods?.value).toEqual(['Mission Bay']);
    expect(read('')).toEqual({});
    expect(() => read('🙂 '.repeat(50_000))).not.toThrow();
  });

  it('turns numbers in words into digits', () => {
    expect(wordsToDigits('twenty-five people, nine thousand dollars, a dozen desks')).toBe(
      '25 people, 9000 dollars, 12 desks',
    );
  });
});
