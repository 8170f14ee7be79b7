import { describe, expect, it } from 'vitest';
import { emptyValues, toSpaceInput } from './form-values';

describe('toSpaceInput', () => {
  it('turns the form’s text into the API’s fields, leaving empty groups out', () => {
    const values = {
      ...emptyValues(),
      name: 'Loft',
      address: '1 Main St',
      hostCompany: 'Host',
      hostEmail: 'h@example.com',
      monthlyRate: '$4,200',
      desks: '',
      availability: { ...emptyValues().availability, tuesday: '10am, 2:30pm', friday: ' ' },
    };
    values.amenities.parking = true;
    expect(toSpaceInput(values)).toMatchObject({
      monthlyRate: 4200,
      desks: null,
      reference: null,
      amenities: { parking: true },
      availability: { tuesday: ['10am', '2:30pm'] },
      detailedAmenities: {},
    });
  });

  it('keeps text that is not a number as typed, so the server refuses it naming the field', () => {
    expect(toSpaceInput({ ...emptyValues(), monthlyRate: 'abc' }).monthlyRate).toBe('abc');
  });

  it('sends a dog policy or meeting rooms only with their required answer, and keeps host notes', () => {
    const values = emptyValues();
    values.dogPolicy.allowed = 'no';
    values.meetingRooms.count = '2';
    values.meetingRooms.sizes = '4, 8';
    expect(toSpaceInput(values, { hostStatus: 'responsive' }).detailedAmenities).toEqual({
      hostStatus: 'responsive',
      dogPolicy: { allowed: false },
      meetingRooms: { count: 2, sizes: [4, 8] },
    });
  });
});
