import type { RouterInputs, RouterOutputs } from '@/trpc/react';
import { amenityKeys, type Weekday, weekdays } from './labels';

type Space = RouterOutputs['spaces']['get'];
export type SpaceInput = RouterInputs['spaces']['create'];

/** Tri-state for a boolean that may not be recorded. */
export type Flag = '' | 'yes' | 'no';

/** The form's state: every field as the text the person typed. */
export type SpaceFormValues = {
  reference: string;
  name: string;
  address: string;
  neighborhood: string;
  hostCompany: string;
  hostEmail: string;
  hostContext: string;
  monthlyRate: string;
  desks: string;
  squareFeet: string;
  availableFrom: string;
  amenities: Record<(typeof amenityKeys)[number], boolean>;
  availability: Record<Weekday, string>;
  parking: {
    type: string;
    location: string;
    costMonthly: string;
    costPerDay: string;
    spotsAvailable: string;
    provider: string;
    sharedSpots: Flag;
    note: string;
  };
  dogPolicy: {
    allowed: Flag;
    reason: string;
    flexibility: string;
    alternative: string;
    sizeLimit: string;
    deposit: string;
    note: string;
  };
  access: {
    system: string;
    costPerCard: string;
    cost: string;
    process: string;
    hours: string;
    afterHours: Flag;
    advanceNotice: string;
    securityContact: string;
  };
  meetingRooms: {
    count: string;
    sizes: string;
    bookingSystem: string;
    maxHoursPerBooking: string;
    note: string;
  };
  rentInclusions: { utilities: Flag; internet: string; janitorial: string; hvac: Flag; kitchen: string };
};

const str = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const flag = (value: unknown): Flag => (value === true ? 'yes' : value === false ? 'no' : '');

export function emptyValues(): SpaceFormValues {
  return toFormValues(null);
}

export function toFormValues(space: Space | null): SpaceFormValues {
  const d = space?.detailedAmenities ?? {};
  return {
    reference: str(space?.reference),
    name: str(space?.name),
    address: str(space?.address),
    neighborhood: str(space?.neighborhood),
    hostCompany: str(space?.hostCompany),
    hostEmail: str(space?.hostEmail),
    hostContext: str(space?.hostContext),
    monthlyRate: str(space?.monthlyRate),
    desks: str(space?.desks),
    squareFeet: str(space?.squareFeet),
    availableFrom: str(space?.availableFrom),
    amenities: Object.fromEntries(
      amenityKeys.map((key) => [key, space?.amenities[key] === true]),
    ) as SpaceFormValues['amenities'],
    availability: Object.fromEntries(
      weekdays.map((day) => [day, (space?.availability[day] ?? []).join(', ')]),
    ) as SpaceFormValues['availability'],
    parking: {
      type: str(d.parking?.type),
      location: str(d.parking?.location),
      costMonthly: str(d.parking?.costMonthly),
      costPerDay: str(d.parking?.costPerDay),
      spotsAvailable: str(d.parking?.spotsAvailable),
      provider: str(d.parking?.provider),
      sharedSpots: flag(d.parking?.sharedSpots),
      note: str(d.parking?.note),
    },
    dogPolicy: {
      allowed: flag(d.dogPolicy?.allowed),
      reason: str(d.dogPolicy?.reason),
      flexibility: str(d.dogPolicy?.flexibility),
      alternative: str(d.dogPolicy?.alternative),
      sizeLimit: str(d.dogPolicy?.sizeLimit),
      deposit: str(d.dogPolicy?.deposit),
      note: str(d.dogPolicy?.note),
    },
    access: {
      system: str(d.access?.system),
      costPerCard: str(d.access?.costPerCard),
      cost: str(d.access?.cost),
      process: str(d.access?.process),
      hours: str(d.access?.hours),
      afterHours: flag(d.access?.afterHours),
      advanceNotice: str(d.access?.advanceNotice),
      securityContact: str(d.access?.securityContact),
    },
    meetingRooms: {
      count: str(d.meetingRooms?.count),
      sizes: (d.meetingRooms?.sizes ?? []).join(', '),
      bookingSystem: str(d.meetingRooms?.bookingSystem),
      maxHoursPerBooking: str(d.meetingRooms?.maxHoursPerBooking),
      note: str(d.meetingRooms?.note),
    },
    rentInclusions: {
      utilities: flag(d.rentInclusions?.utilities),
      internet: str(d.rentInclusions?.internet),
      janitorial: str(d.rentInclusions?.janitorial),
      hvac: flag(d.rentInclusions?.hvac),
      kitchen: str(d.rentInclusions?.kitchen),
    },
  };
}

/**
 * Text to a number when it is one; otherwise the text itself, so the server refuses it naming the
 * field (a rate of "abc" is an error to show, not a blank to guess at).
 */
function num(text: string): number | undefined {
  const trimmed = text.trim().replace(/^\$/, '').replaceAll(',', '');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return (Number.isFinite(value) ? value : trimmed) as number;
}
const optText = (text: string) => (text.trim() === '' ? undefined : text.trim());
const bool = (value: Flag) => (value === 'yes' ? true : value === 'no' ? false : undefined);
const list = (text: string) =>
  text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean);

/** Drops the keys left undefined; a group with nothing in it is left out. */
function compact<T extends Record<string, unknown>>(group: T): T | undefined {
  const entries = Object.entries(group).filter(([, value]) => value !== undefined);
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as T);
}

/** The form's text as the API's input. */
export function toSpaceInput(
  values: SpaceFormValues,
  /** Detailed-amenity notes the form does not edit (host status, last contact) are kept as they were. */
  kept: { hostStatus?: string; lastContact?: string } = {},
): SpaceInput {
  const availability: Partial<Record<Weekday, string[]>> = {};
  for (const day of weekdays) {
    const slots = list(values.availability[day]);
    if (slots.length) availability[day] = slots;
  }
  const p = values.parking;
  const g = values.dogPolicy;
  const a = values.access;
  const m = values.meetingRooms;
  const r = values.rentInclusions;
  const dogPolicy = compact({
    reason: optText(g.reason),
    flexibility: optText(g.flexibility),
    alternative: optText(g.alternative),
    sizeLimit: optText(g.sizeLimit),
    deposit: num(g.deposit),
    note: optText(g.note),
  });
  const meetingRooms = compact({
    sizes: m.sizes.trim() ? list(m.sizes).map((size) => num(size) as number) : undefined,
    bookingSystem: optText(m.bookingSystem),
    maxHoursPerBooking: num(m.maxHoursPerBooking),
    note: optText(m.note),
  });
  return {
    reference: optText(values.reference) ?? null,
    name: values.name,
    address: values.address,
    neighborhood: optText(values.neighborhood) ?? null,
    hostCompany: values.hostCompany,
    hostEmail: values.hostEmail,
    hostContext: optText(values.hostContext) ?? null,
    monthlyRate: num(values.monthlyRate) as number,
    desks: num(values.desks) ?? null,
    squareFeet: num(values.squareFeet) ?? null,
    availableFrom: optText(values.availableFrom) ?? null,
    amenities: Object.fromEntries(Object.entries(values.amenities).filter(([, on]) => on)),
    availability,
    detailedAmenities:
      compact({
        hostStatus: kept.hostStatus,
        lastContact: kept.lastContact,
        parking: compact({
          type: optText(p.type),
          location: optText(p.location),
          costMonthly: num(p.costMonthly),
          costPerDay: num(p.costPerDay),
          spotsAvailable: num(p.spotsAvailable),
          provider: optText(p.provider),
          sharedSpots: bool(p.sharedSpots),
          note: optText(p.note),
        }),
        // A dog policy says whether dogs are allowed; the other details need that answer first.
        dogPolicy:
          g.allowed === '' && !dogPolicy
            ? undefined
            : ({ ...dogPolicy, allowed: bool(g.allowed) } as { allowed: boolean }),
        access: compact({
          system: optText(a.system),
          costPerCard: num(a.costPerCard),
          cost: num(a.cost),
          process: optText(a.process),
          hours: optText(a.hours),
          afterHours: bool(a.afterHours),
          advanceNotice: optText(a.advanceNotice),
          securityContact: optText(a.securityContact),
        }),
        meetingRooms:
          m.count.trim() === '' && !meetingRooms
            ? undefined
            : ({ ...meetingRooms, count: num(m.count) } as { count: number; sizes: number[] }),
        rentInclusions: compact({
          utilities: bool(r.utilities),
          internet: optText(r.internet),
          janitorial: optText(r.janitorial),
          hvac: bool(r.hvac),
          kitchen: optText(r.kitchen),
        }),
      }) ?? {},
  };
}
