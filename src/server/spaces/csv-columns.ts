import type { SpaceRow } from './queries';
import { amenityKeys, weekdays } from './schemas';

/**
 * The spaces CSV: one column per field, headed by the field's name, nested ones dotted
 * (`detailedAmenities.parking.costMonthly`). Lists (a weekday's tour slots, meeting-room sizes)
 * are separated by `;` inside their cell: `availability.tuesday` = `10am;2pm`. Booleans are
 * `true`/`false` (also yes/no, 1/0); an empty cell means "not recorded".
 */
export type CsvKind = 'text' | 'int' | 'number' | 'bool' | 'date' | 'slots' | 'ints';
export type CsvColumn = { header: string; path: string[]; kind: CsvKind };

const column = (header: string, kind: CsvKind): CsvColumn => ({ header, path: header.split('.'), kind });
const group = (prefix: string, fields: Array<[string, CsvKind]>) =>
  fields.map(([name, kind]) => column(`${prefix}.${name}`, kind));

export const spaceCsvColumns: CsvColumn[] = [
  column('reference', 'text'),
  column('name', 'text'),
  column('address', 'text'),
  column('neighborhood', 'text'),
  column('hostCompany', 'text'),
  column('hostEmail', 'text'),
  column('hostContext', 'text'),
  column('monthlyRate', 'int'),
  column('desks', 'int'),
  column('squareFeet', 'int'),
  column('availableFrom', 'date'),
  ...amenityKeys.map((key) => column(`amenities.${key}`, 'bool')),
  ...weekdays.map((day) => column(`availability.${day}`, 'slots')),
  ...group('detailedAmenities.parking', [
    ['type', 'text'],
    ['location', 'text'],
    ['costMonthly', 'int'],
    ['costPerDay', 'int'],
    ['spotsAvailable', 'int'],
    ['provider', 'text'],
    ['sharedSpots', 'bool'],
    ['note', 'text'],
  ]),
  ...group('detailedAmenities.dogPolicy', [
    ['allowed', 'bool'],
    ['reason', 'text'],
    ['flexibility', 'text'],
    ['alternative', 'text'],
    ['sizeLimit', 'text'],
    ['deposit', 'int'],
    ['note', 'text'],
  ]),
  ...group('detailedAmenities.access', [
    ['system', 'text'],
    ['costPerCard', 'int'],
    ['cost', 'int'],
    ['process', 'text'],
    ['hours', 'text'],
    ['afterHours', 'bool'],
    ['advanceNotice', 'text'],
    ['securityContact', 'text'],
  ]),
  ...group('detailedAmenities.meetingRooms', [
    ['count', 'int'],
    ['sizes', 'ints'],
    ['bookingSystem', 'text'],
    ['maxHoursPerBooking', 'number'],
    ['note', 'text'],
  ]),
  ...group('detailedAmenities.rentInclusions', [
    ['utilities', 'bool'],
    ['internet', 'text'],
    ['janitorial', 'text'],
    ['hvac', 'bool'],
    ['kitchen', 'text'],
  ]),
  column('detailedAmenities.hostStatus', 'text'),
  column('detailedAmenities.lastContact', 'text'),
];

export const requiredCsvHeaders = ['name', 'address', 'hostCompany', 'hostEmail', 'monthlyRate'];

export const spaceCsvHeader = spaceCsvColumns.map((c) => c.header);

function valueAt(object: unknown, path: string[]): unknown {
  let current = object;
  for (const key of path) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** One space as a CSV row, in `spaceCsvColumns` order (the caller guards formulas when writing). */
export function spaceToCsvRow(space: SpaceRow): Array<string | number | boolean | null> {
  return spaceCsvColumns.map(({ path, kind }) => {
    const value = valueAt(space, path);
    if (value === undefined || value === null) return null;
    if (kind === 'slots' || kind === 'ints') return Array.isArray(value) ? value.join(';') : null;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    return null;
  });
}
