import { z } from 'zod';

export const weekdays = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof weekdays)[number];

/** The amenities a space is filtered by (the `amenities` jsonb keys). */
export const amenityKeys = ['parking', 'dogFriendly', 'afterHours', 'meetingRooms'] as const;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullish();
/** Blank nested text is left out rather than stored as an empty string. */
const nestedText = (max: number) =>
  text(max)
    .optional()
    .transform((value) => value || undefined);
const money = z.number().int('must be whole dollars').min(0).max(10_000_000);
const count = z.number().int('must be a whole number').min(0).max(1_000_000);

/** A tour slot as people write it: `2pm`, `10:30am` (12-hour clock). */
export const tourSlot = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(1[0-2]|[1-9])(:[0-5]\d)?(am|pm)$/, 'must be a time like 2pm or 10:30am');

/** An ISO calendar date that exists (2026-02-30 does not). */
export const isoDate = z.iso.date('must be a date as YYYY-MM-DD');

export const availabilitySchema = z.partialRecord(z.enum(weekdays), z.array(tourSlot).max(48)).default({});

export const detailedAmenitiesSchema = z
  .object({
    parking: z
      .object({
        type: nestedText(200),
        location: nestedText(200),
        costMonthly: money.optional(),
        costPerDay: money.optional(),
        spotsAvailable: count.optional(),
        provider: nestedText(200),
        sharedSpots: z.boolean().optional(),
        note: nestedText(2000),
      })
      .strict(),
    dogPolicy: z
      .object({
        allowed: z.boolean(),
        reason: nestedText(500),
        flexibility: nestedText(500),
        alternative: nestedText(500),
        sizeLimit: nestedText(200),
        deposit: money.optional(),
        note: nestedText(2000),
      })
      .strict(),
    access: z
      .object({
        system: nestedText(200),
        costPerCard: money.optional(),
        cost: money.optional(),
        process: nestedText(1000),
        hours: nestedText(200),
        afterHours: z.boolean().optional(),
        advanceNotice: nestedText(200),
        securityContact: nestedText(200),
      })
      .strict(),
    meetingRooms: z
      .object({
        count: count,
        sizes: z.array(z.number().int('must be whole numbers').min(1).max(10_000)).max(100).default([]),
        bookingSystem: nestedText(200),
        maxHoursPerBooking: z.number().min(0).max(24).optional(),
        note: nestedText(2000),
      })
      .strict(),
    rentInclusions: z
      .object({
        utilities: z.boolean().optional(),
        internet: nestedText(200),
        janitorial: nestedText(200),
        hvac: z.boolean().optional(),
        kitchen: nestedText(200),
      })
      .strict(),
    hostStatus: nestedText(200),
    lastContact: nestedText(200),
  })
  .partial()
  .strict()
  .default({});

/** Every field a person edits on a space; the same rules for the form, the API and CSV rows. */
export const spaceFields = z.object({
  reference: optionalText(100).transform((value) => value || null),
  name: text(200).min(1, 'is required'),
  address: text(300).min(1, 'is required'),
  neighborhood: optionalText(100).transform((value) => value || null),
  hostCompany: text(200).min(1, 'is required'),
  hostEmail: z.string().trim().toLowerCase().pipe(z.email('must be an email address').max(320)),
  hostContext: optionalText(5000).transform((value) => value || null),
  monthlyRate: money,
  desks: count.nullish(),
  squareFeet: count.nullish(),
  availableFrom: isoDate.nullish(),
  amenities: z.partialRecord(z.enum(amenityKeys), z.boolean()).default({}),
  availability: availabilitySchema,
  detailedAmenities: detailedAmenitiesSchema,
});
export type SpaceFields = z.infer<typeof spaceFields>;
export type SpaceFieldsInput = z.input<typeof spaceFields>;

export const spaceId = z.number().int().positive();

export const createSpaceInput = spaceFields;
export const updateSpaceInput = spaceFields
  .partial()
  .extend({ id: spaceId, revision: z.number().int().min(0) });
export type UpdateSpaceInput = z.infer<typeof updateSpaceInput>;
export const spaceIdInput = z.object({ id: spaceId });

export const spaceSorts = ['name', 'monthlyRate', 'desks', 'squareFeet'] as const;
export type SpaceSort = (typeof spaceSorts)[number];

export const listSpacesInput = z
  .object({
    /** With a deal: each space says how it stands on that deal (null when not linked). */
    dealId: spaceId.optional(),
    /** Matches name or address, case-insensitively. */
    query: z.string().trim().max(200).optional(),
    neighborhood: z.string().trim().max(100).optional(),
    minDesks: count.optional(),
    maxRate: money.optional(),
    amenities: z.array(z.enum(amenityKeys)).max(amenityKeys.length).optional(),
    includeArchived: z.boolean().optional(),
    sort: z.enum(spaceSorts).default('name'),
    /** Not `direction`: tRPC's infinite queries put their own `direction` into the input. */
    order: z.enum(['asc', 'desc']).default('asc'),
    cursor: z.string().max(500).nullish(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .default({ sort: 'name', order: 'asc', limit: 50 });
export type ListSpacesInput = z.infer<typeof listSpacesInput>;

/** 5,000 rows of a full export are ~3 MB; this leaves room and still refuses a runaway upload. */
export const MAX_IMPORT_CHARS = 20_000_000;
export const MAX_IMPORT_ROWS = 20_000;

export const importSpacesInput = z.object({
  csv: z.string().max(MAX_IMPORT_CHARS, 'is too large (20 MB at most)'),
  dryRun: z.boolean().optional(),
});
export type ImportSpacesInput = z.infer<typeof importSpacesInput>;
