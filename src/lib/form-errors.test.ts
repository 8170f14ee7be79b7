import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorSentence, formErrors } from './form-errors';

const replyTarget = { label: 'Reply target', unit: 'hour' };

describe('fieldErrorSentence', () => {
  it.each([
    ['Too small: expected number to be >=1', replyTarget, 'Reply target must be at least 1 hour'],
    ['Too small: expected number to be >=2', replyTarget, 'Reply target must be at least 2 hours'],
    ['Too big: expected number to be <=168', replyTarget, 'Reply target can be at most 168 hours'],
    ['Too small: expected number to be >0', { label: 'Budget' }, 'Budget must be more than 0'],
    ['Too small: expected string to have >=1 characters', { label: 'Name' }, 'Name is required'],
    [
      'Too big: expected string to have <=200 characters',
      { label: 'Name' },
      'Name can be at most 200 characters long',
    ],
    ['Invalid input: expected number, received NaN', replyTarget, 'Enter a number for reply target'],
    ['Invalid input: expected int, received number', { label: 'Desks' }, 'Desks must be a whole number'],
    [
      'Invalid email address',
      { label: 'Sender email' },
      'Sender email must be an email address, like name@example.com',
    ],
    ['Invalid input: expected string, received undefined', { label: 'Email' }, 'Email is required'],
    ['At least 8 characters', { label: 'Password' }, 'At least 8 characters'],
  ])('%s → %s', (message, field, expected) => {
    expect(fieldErrorSentence(message, field)).toBe(expected);
  });

  it('says every message zod 4 gives for these schemas in plain words', () => {
    const schema = z.object({
      replyTargetHours: z.number().int().min(1).max(168),
      senderEmail: z.email(),
      name: z.string().min(1),
    });
    const result = schema.safeParse({ replyTargetHours: 0, senderEmail: 'nope', name: '' });
    if (result.success) throw new Error('expected a failure');
    const fieldErrors = z.flattenError(result.error).fieldErrors as Record<string, string[]>;
    const labels = {
      replyTargetHours: replyTarget,
      senderEmail: { label: 'Sender email' },
      name: { label: 'Name' },
    };
    expect(
      Object.fromEntries(
        Object.entries(labels).map(([key, field]) => [
          key,
          fieldErrorSentence(fieldErrors[key]?.[0] ?? '', field),
        ]),
      ),
    ).toEqual({
      replyTargetHours: 'Reply target must be at least 1 hour',
      senderEmail: 'Sender email must be an email address, like name@example.com',
      name: 'Name is required',
    });
  });
});

describe('formErrors', () => {
  const fields = { replyTargetHours: replyTarget, senderName: { label: 'Sender name' } };

  it('maps field errors to sentences and sums them up for the toast', () => {
    const error = {
      message: 'Invalid input — replyTargetHours: Too small: expected number to be >=1',
      data: {
        code: 'BAD_REQUEST',
        zodError: {
          fieldErrors: { replyTargetHours: ['Too small: expected number to be >=1'] },
          formErrors: [],
        },
      },
    };
    expect(formErrors(error, fields)).toEqual({
      fields: { replyTargetHours: 'Reply target must be at least 1 hour' },
      summary: 'Reply target must be at least 1 hour.',
    });
  });

  it('counts the other fields instead of listing raw messages', () => {
    const error = {
      data: {
        zodError: {
          fieldErrors: {
            replyTargetHours: ['Too big: expected number to be <=168'],
            undoWindowSeconds: ['Too small: expected number to be >=0'],
          },
        },
      },
    };
    const result = formErrors(error, fields);
    expect(result.summary).toBe('Reply target can be at most 168 hours, and 1 more field needs a change.');
    expect(result.summary).not.toMatch(/expected|>=|<=/);
  });

  it('names every field when the form shows only the summary', () => {
    const error = {
      data: {
        zodError: {
          fieldErrors: {
            monthlyRate: ['Invalid input: expected number, received NaN'],
            'availability.thursday': ['must be a time like 2pm or 10:30am'],
          },
        },
      },
    };
    expect(formErrors(error, {}).summary).toBe(
      'Enter a number for monthly rate. Availability thursday must be a time like 2pm or 10:30am.',
    );
  });

  it('keeps the message of an error that is not a validation error', () => {
    const error = Object.assign(new Error('Only admins can change settings.'), {
      data: { code: 'FORBIDDEN' },
    });
    expect(formErrors(error, fields)).toEqual({ fields: {}, summary: 'Only admins can change settings.' });
  });

  it('has a sentence even for nothing useful', () => {
    expect(formErrors(null, fields).summary).toBe('Something went wrong. Try again.');
    expect(formErrors({ data: { zodError: { fieldErrors: {} } } }, fields).summary).toBe(
      'Some values are not valid. Check the form and try again.',
    );
  });
});
