import { and, eq } from 'drizzle-orm';
import { auditEvents, deals, spaces } from '../../db/schema';
import { db } from '../helpers';

export const TANDEM = 'org_tandem_demo';

export async function spaceIdByName(name: string) {
  const [row] = await db.select({ id: spaces.id }).from(spaces).where(eq(spaces.name, name));
  if (!row) throw new Error(`seed has no space ${name}`);
  return row.id;
}

export async function dealIdByCompany(company: string) {
  const [row] = await db.select({ id: deals.id }).from(deals).where(eq(deals.companyName, company));
  if (!row) throw new Error(`seed has no deal for ${company}`);
  return row.id;
}

export async function auditActions(entityType: string, entityId: number | string) {
  const rows = await db
    .select({ action: auditEvents.action, actorId: auditEvents.actorId, details: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, String(entityId))))
    .orderBy(auditEvents.id);
  return rows;
}

/** A complete set of space fields, unique by `tag`. */
export function spaceInput(tag: string, overrides: Record<string, unknown> = {}) {
  return {
    reference: `test-${tag}`,
    name: `Test Space ${tag}`,
    address: `${tag.length + 100} Market St, San Francisco`,
    neighborhood: 'SoMa',
    hostCompany: 'Host Co',
    hostEmail: 'host@example.com',
    hostContext: 'Friendly host',
    monthlyRate: 4200,
    desks: 12,
    squareFeet: 1500,
    availableFrom: '2027-01-15',
    amenities: { parking: true, dogFriendly: false },
    availability: { tuesday: ['10am', '2pm'], thursday: ['10:30am'] },
    detailedAmenities: {
      parking: { type: 'garage', costMonthly: 250, spotsAvailable: 3 },
      dogPolicy: { allowed: false, reason: 'Lease forbids' },
      access: { system: 'key card', hours: '24/7', afterHours: true },
      meetingRooms: { count: 2, sizes: [4, 8] },
      rentInclusions: { utilities: true, internet: '1 Gbps' },
    },
    ...overrides,
  };
}
