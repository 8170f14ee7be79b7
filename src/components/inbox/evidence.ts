/** Names for where a claim or a data point came from, for the evidence column. */

export type SourceRef = {
  kind: 'space' | 'deal' | 'email' | 'organization' | 'other';
  id: string | null;
  field: string | null;
};

/** `space:12.detailedAmenities.parking.costMonthly` → space 12, field `detailedAmenities.parking.costMonthly`. */
export function parseSource(source: string): SourceRef {
  const match = /^(space|deal|email|organization|thread):([^.\s]+)(?:\.(.+))?$/.exec(source.trim());
  if (!match) return { kind: 'other', id: null, field: source.trim() || null };
  const kind = match[1] === 'thread' ? 'email' : (match[1] as SourceRef['kind']);
  return { kind, id: match[2] ?? null, field: match[3] ?? null };
}

/** `detailedAmenities.parking.costMonthly` → "parking › cost monthly". */
export function humanizeField(field: string | null | undefined): string {
  if (!field) return '';
  return field
    .split('.')
    .filter((part) => part !== 'detailedAmenities')
    .map((part) =>
      part
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/_/g, ' ')
        .toLowerCase(),
    )
    .join(' › ');
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${humanizeField(key)}: ${formatValue(inner)}`)
      .join('; ');
  }
  return String(value);
}

/** Where a source lives in the app: the deal page, at the space or the field. */
export function sourceHref(
  dealId: number,
  ref: { kind: SourceRef['kind']; id: string | number | null; field: string | null },
) {
  if (ref.kind === 'space' && ref.id !== null) return `/deals/${dealId}#space-${ref.id}`;
  if (ref.kind === 'email' && ref.id !== null) return `/deals/${dealId}#email-${ref.id}`;
  if (ref.kind === 'deal' && ref.field) return `/deals/${dealId}#deal-${ref.field.split('.')[0]}`;
  return `/deals/${dealId}`;
}

// In a file of its own so the SLA badge (on every inbox row and board card) does not bring this one along.
export { formatDuration } from './duration';

type Fields = Record<string, unknown>;

const money = (amount: number) => `$${amount.toLocaleString('en-US')}`;
const words = (value: string) => value.replace(/[-_]+/g, ' ').trim();
const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
/**
 * Mid-sentence case: "Key card (Honeywell)" → "key card (Honeywell)"; names ("Portsmouth Square
 * Garage"), acronyms ("SP+", "IT desk") stay as they are.
 */
const lowerFirst = (value: unknown) => {
  const plain = text(value);
  if (!plain) return null;
  const isName = /^\S+\s+[A-Z]/.test(plain);
  return !isName && /^[A-Z][a-z]/.test(plain) ? `${plain.charAt(0).toLowerCase()}${plain.slice(1)}` : plain;
};
const amount = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const join = (parts: (string | null | false | undefined)[]) => parts.filter(Boolean).join(', ');

function parkingPhrase(parking: Fields) {
  const type = text(parking.type);
  const kind = !type
    ? 'parking'
    : /^street/.test(type)
      ? 'street parking only'
      : /^off.?site/.test(type)
        ? 'parking off site'
        : `parking in the ${words(type)}`;
  const monthly = amount(parking.costMonthly);
  const daily = amount(parking.costPerDay);
  const spots = amount(parking.spotsAvailable);
  return join([
    kind,
    lowerFirst(parking.location),
    monthly !== null && `${money(monthly)} a month`,
    daily !== null && `${money(daily)} a day`,
    spots !== null && `${spots} ${spots === 1 ? 'spot' : 'spots'} available`,
    parking.sharedSpots === true && 'shared spots',
    lowerFirst(parking.note),
  ]);
}

function dogPhrase(policy: Fields) {
  if (policy.allowed === false)
    return join([
      'no dogs',
      lowerFirst(policy.reason),
      text(policy.alternative) && `instead: ${lowerFirst(policy.alternative)}`,
    ]);
  const deposit = amount(policy.deposit);
  return join([
    'dogs welcome',
    lowerFirst(policy.sizeLimit),
    deposit !== null && `${money(deposit)} deposit`,
    lowerFirst(policy.flexibility),
    lowerFirst(policy.note),
  ]);
}

function accessPhrase(access: Fields) {
  const perCard = amount(access.costPerCard);
  const cost = amount(access.cost);
  return join([
    text(access.hours) ? `access ${text(access.hours)}` : 'access',
    text(access.system) && `by ${lowerFirst(access.system)}`,
    perCard !== null && `${money(perCard)} a card`,
    cost !== null && `${money(cost)}`,
    access.afterHours === true && text(access.hours) !== '24/7' && 'after hours on request',
    text(access.advanceNotice) && `notice: ${lowerFirst(access.advanceNotice)}`,
    lowerFirst(access.process),
  ]);
}

function meetingRoomsPhrase(rooms: Fields) {
  const count = amount(rooms.count);
  if (count === 0) return 'no meeting rooms';
  const sizes = Array.isArray(rooms.sizes) ? rooms.sizes.filter((size) => typeof size === 'number') : [];
  const noun = count === 1 ? 'meeting room' : 'meeting rooms';
  return join([
    count !== null ? `${count} ${noun}` : 'meeting rooms',
    sizes.length > 0 && `for ${sizes.join(' and ')} people`,
    text(rooms.bookingSystem) && `booked through ${text(rooms.bookingSystem)}`,
    lowerFirst(rooms.note),
  ]);
}

function availabilityPhrase(slots: Fields) {
  const days = Object.entries(slots).flatMap(([day, times]) =>
    Array.isArray(times) && times.length > 0
      ? [`${day.charAt(0).toUpperCase()}${day.slice(1)} ${times.join(', ')}`]
      : [],
  );
  return days.length > 0 ? `tours ${days.join('; ')}` : 'no tour slots listed';
}

const inclusionNames: Record<string, string> = {
  utilities: 'utilities',
  internet: 'internet',
  janitorial: 'cleaning',
  hvac: 'heating and cooling',
  kitchen: 'kitchen',
};

/** "internet (1 Gbps fiber)"; null when the rent does not include it. */
function inclusionName(key: string, value: unknown) {
  const name = inclusionNames[key] ?? humanizeField(key);
  if (value === true) return name;
  if (text(value)) return `${name} (${text(value)})`;
  return null;
}

function inclusionsPhrase(inclusions: Fields) {
  const included = Object.entries(inclusions).flatMap(([key, value]) => {
    const name = inclusionName(key, value);
    return name ? [name] : [];
  });
  const excluded = Object.entries(inclusions).flatMap(([key, value]) =>
    value === false ? [inclusionNames[key] ?? humanizeField(key)] : [],
  );
  return join([
    included.length > 0 && `the rent includes ${included.join(', ')}`,
    excluded.length > 0 && `not included: ${excluded.join(', ')}`,
  ]);
}

/** A plain-language phrase for one record value, by the field it came from. */
function phraseFor(field: string, value: unknown): string | null {
  const path = field.replace(/^detailedAmenities\./, '');
  if (isFields(value)) {
    if (path === 'parking') return parkingPhrase(value);
    if (path === 'dogPolicy') return dogPhrase(value);
    if (path === 'access') return accessPhrase(value);
    if (path === 'meetingRooms') return meetingRoomsPhrase(value);
    if (path === 'availability') return availabilityPhrase(value);
    if (path === 'rentInclusions') return inclusionsPhrase(value);
    return join(Object.entries(value).map(([key, inner]) => phraseFor(key, inner)));
  }
  if (path.startsWith('rentInclusions.'))
    return inclusionsPhrase({ [path.slice('rentInclusions.'.length)]: value });
  const name = humanizeField(path).split(' › ').at(-1) ?? path;
  const number = amount(value);
  if (number !== null) {
    if (path === 'monthlyRate') return `${money(number)} a month`;
    if (/cost|price|budget|deposit|rate/i.test(path)) return `${name} ${money(number)}`;
    if (path === 'desks') return `${number.toLocaleString('en-US')} desks`;
    if (path === 'squareFeet') return `${number.toLocaleString('en-US')} square feet`;
    return `${name} ${number.toLocaleString('en-US')}`;
  }
  if (typeof value === 'boolean') return `${name}: ${value ? 'yes' : 'no'}`;
  if (Array.isArray(value)) return `${name}: ${value.map(formatValue).join(', ')}`;
  if (text(value)) {
    if (path === 'availableFrom') return `available from ${text(value)}`;
    return `${name}: ${text(value)}`;
  }
  return null;
}

/**
 * One data point of a draft's reasoning as a sentence a broker reads at a glance:
 * "Potrero Yard: parking in the building garage, $275 a month", not
 * "type: building-garage; cost monthly: 275". Values the AI gave as text are kept as they are.
 */
export function describeDataPoint(
  item: { dataPoint: string; fieldPath?: string | null; value?: unknown },
  sourceName: string | null,
): string {
  const prefix = sourceName ? `${sourceName}: ` : '';
  const field = item.fieldPath ?? '';
  const phrase =
    item.value === undefined || item.value === null || item.value === ''
      ? null
      : typeof item.value === 'string'
        ? `${item.dataPoint.toLowerCase()} ${item.value.trim()}`.trim()
        : phraseFor(field, item.value);
  return `${prefix}${phrase || item.dataPoint.toLowerCase()}`;
}
