import { describe, expect, it } from 'vitest';
import {
  describeDataPoint,
  formatDuration,
  formatValue,
  humanizeField,
  parseSource,
  sourceHref,
} from './evidence';

describe('evidence sources', () => {
  it.each([
    [
      'space:12.detailedAmenities.parking.costMonthly',
      { kind: 'space', id: '12', field: 'detailedAmenities.parking.costMonthly' },
    ],
    ['deal:3.monthlyBudget', { kind: 'deal', id: '3', field: 'monthlyBudget' }],
    ['email:40', { kind: 'email', id: '40', field: null }],
    ['thread:40.body', { kind: 'email', id: '40', field: 'body' }],
    ['no record', { kind: 'other', id: null, field: 'no record' }],
    ['', { kind: 'other', id: null, field: null }],
  ])('reads %j', (source, expected) => {
    expect(parseSource(source)).toEqual(expected);
  });

  it('names fields for people', () => {
    expect(humanizeField('detailedAmenities.parking.costMonthly')).toBe('parking › cost monthly');
    expect(humanizeField(undefined)).toBe('');
  });

  it('formats record values', () => {
    expect(formatValue(12500)).toBe('12,500');
    expect(formatValue(null)).toBe('—');
    expect(formatValue({ costMonthly: 275, provider: 'SP+' })).toBe('cost monthly: 275; provider: SP+');
    expect(formatValue(['2pm', '4pm'])).toBe('2pm, 4pm');
  });

  it('links each source to the deal page', () => {
    expect(sourceHref(7, { kind: 'space', id: 12, field: 'monthlyRate' })).toBe('/deals/7#space-12');
    expect(sourceHref(7, { kind: 'deal', id: 7, field: 'requirements.parking' })).toBe(
      '/deals/7#deal-requirements',
    );
    expect(sourceHref(7, { kind: 'other', id: null, field: null })).toBe('/deals/7');
  });

  it.each([
    [30 * 60_000, '30m'],
    [65 * 60_000, '1h 5m'],
    [120 * 60_000, '2h'],
    [-20 * 60_000, '20m'],
    [26 * 60 * 60_000, '1d 2h'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('describeDataPoint', () => {
  const parking = {
    type: 'building-garage',
    location: 'Garage under the building, entrance on 19th St',
    costMonthly: 275,
    spotsAvailable: 4,
  };
  it.each([
    [
      'parking as a sentence, not a field dump',
      {
        dataPoint: 'Parking',
        fieldPath: 'detailedAmenities.parking',
        value: { type: 'building-garage', costMonthly: 275 },
      },
      'Potrero Yard: parking in the building garage, $275 a month',
    ],
    [
      'parking with where, how much and how many',
      { dataPoint: 'Parking', fieldPath: 'detailedAmenities.parking', value: parking },
      'Potrero Yard: parking in the building garage, garage under the building, entrance on 19th St, $275 a month, 4 spots available',
    ],
    [
      'street-only parking',
      { dataPoint: 'Parking', fieldPath: 'detailedAmenities.parking', value: { type: 'street-only' } },
      'Potrero Yard: street parking only',
    ],
    [
      'off-site parking by the day, one spot',
      {
        dataPoint: 'Parking',
        fieldPath: 'detailedAmenities.parking',
        value: { type: 'off-site', location: 'Portsmouth Square Garage', costPerDay: 32, spotsAvailable: 1 },
      },
      'Potrero Yard: parking off site, Portsmouth Square Garage, $32 a day, 1 spot available',
    ],
    [
      'a dog policy that says no, with the alternative',
      {
        dataPoint: 'Dog policy',
        fieldPath: 'detailedAmenities.dogPolicy',
        value: {
          allowed: false,
          reason: 'Building-wide lease clause',
          alternative: 'Dog daycare at 7th & Townsend',
        },
      },
      'Potrero Yard: no dogs, building-wide lease clause, instead: dog daycare at 7th & Townsend',
    ],
    [
      'dogs welcome with a deposit',
      {
        dataPoint: 'Dog policy',
        fieldPath: 'detailedAmenities.dogPolicy',
        value: { allowed: true, deposit: 500 },
      },
      'Potrero Yard: dogs welcome, $500 deposit',
    ],
    [
      'access hours and the key system',
      {
        dataPoint: 'Access',
        fieldPath: 'detailedAmenities.access',
        value: { system: 'Key card (Honeywell)', costPerCard: 25, hours: '24/7', afterHours: true },
      },
      'Potrero Yard: access 24/7, by key card (Honeywell), $25 a card',
    ],
    [
      'meeting rooms with their sizes',
      {
        dataPoint: 'Meeting rooms',
        fieldPath: 'detailedAmenities.meetingRooms',
        value: { count: 2, sizes: [6, 12], bookingSystem: 'Robin' },
      },
      'Potrero Yard: 2 meeting rooms, for 6 and 12 people, booked through Robin',
    ],
    [
      'what the rent includes and what it does not',
      {
        dataPoint: 'Rent',
        fieldPath: 'detailedAmenities.rentInclusions',
        value: { utilities: true, internet: '1 Gbps fiber', hvac: false },
      },
      'Potrero Yard: the rent includes utilities, internet (1 Gbps fiber), not included: heating and cooling',
    ],
    [
      'tour slots by weekday',
      {
        dataPoint: 'Tour availability',
        fieldPath: 'availability',
        value: { tuesday: ['2pm', '4pm'], friday: [] },
      },
      'Potrero Yard: tours Tuesday 2pm, 4pm',
    ],
    [
      'the monthly rate',
      { dataPoint: 'Monthly rate', fieldPath: 'monthlyRate', value: 12500 },
      'Potrero Yard: $12,500 a month',
    ],
    ['desks', { dataPoint: 'Desks', fieldPath: 'desks', value: 20 }, 'Potrero Yard: 20 desks'],
    [
      'a value the AI gave as text, kept as written',
      { dataPoint: 'Parking cost', fieldPath: 'detailedAmenities.parking.costMonthly', value: '$275/month' },
      'Potrero Yard: parking cost $275/month',
    ],
    [
      'a data point without a value',
      { dataPoint: 'Tour slots', fieldPath: 'availability' },
      'Potrero Yard: tour slots',
    ],
    [
      'an unknown object, as phrases rather than "key: value; key: value"',
      {
        dataPoint: 'Bike room',
        fieldPath: 'detailedAmenities.bikeRoom',
        value: { spaces: 12, covered: true },
      },
      'Potrero Yard: spaces 12, covered: yes',
    ],
  ])('writes %s', (_, item, expected) => {
    expect(describeDataPoint(item, 'Potrero Yard')).toBe(expected);
  });

  it('leaves the source out when there is none', () => {
    expect(describeDataPoint({ dataPoint: 'Team size', fieldPath: 'teamSize', value: 12 }, null)).toBe(
      'team size 12',
    );
  });

  it('keeps unicode and odd values readable and never throws', () => {
    expect(
      describeDataPoint(
        { dataPoint: 'Access', fieldPath: 'detailedAmenities.access', value: { hours: '6am–11pm ☕' } },
        'Café',
      ),
    ).toBe('Café: access 6am–11pm ☕');
    expect(
      describeDataPoint(
        {
          dataPoint: 'Meeting rooms',
          fieldPath: 'detailedAmenities.meetingRooms',
          value: { count: 0, sizes: [] },
        },
        'X',
      ),
    ).toBe('X: no meeting rooms');
    expect(describeDataPoint({ dataPoint: 'Weird', fieldPath: '', value: [1, null, 'a'] }, 'X')).toBe(
      'X: : 1, —, a',
    );
  });
});
