/** How the inventory's fields read on screen. */
export const amenityLabels = {
  parking: 'Parking',
  dogFriendly: 'Dog friendly',
  afterHours: 'After-hours access',
  meetingRooms: 'Meeting rooms',
} as const;
export type AmenityKey = keyof typeof amenityLabels;
export const amenityKeys = Object.keys(amenityLabels) as AmenityKey[];

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
export const weekdayLabel = (day: Weekday) => day.charAt(0).toUpperCase() + day.slice(1);

export const sortLabels = {
  name: 'Name',
  monthlyRate: 'Monthly rate',
  desks: 'Desks',
  squareFeet: 'Square feet',
} as const;
export type SpaceSort = keyof typeof sortLabels;
