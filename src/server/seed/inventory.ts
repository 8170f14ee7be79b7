import type { DetailedAmenities, SpaceAmenities } from '../../../db/schema';
import { deals, emails } from '../../../db/schema';
import { createDraftGenerator } from '../ai/index';
import { AI, recordAudit } from '../audit';
import type { Transaction } from '../db';
import { readRequirementsFromEmail } from '../deals/requirements/service';
import { createFirstDraft } from '../drafts/first-draft';
import type { SeedSpace } from './seed-data';

/**
 * The demo brokerage's wider inventory, so matching has something to choose from: spaces across its
 * neighbourhoods at different rates, sizes and must-haves. Deterministic, like the rest of the seed.
 */

type Row = [
  key: string,
  name: string,
  address: string,
  neighborhood: string,
  monthlyRate: number,
  desks: number,
  /** P parking, D dogs, A after hours, M meeting rooms. */
  flags: string,
  availability: Record<string, string[]>,
  availableFrom: string,
];

const rows: Row[] = [
  [
    'hayes-courtyard',
    'Hayes Courtyard Suite',
    '415 Octavia St, San Francisco, CA 94102',
    'Hayes Valley',
    8600,
    10,
    'PAM',
    { tuesday: ['10am'], thursday: ['2pm', '4pm'] },
    '2027-02-01',
  ],
  [
    'linden-loft',
    'Linden Loft',
    '380 Linden St, San Francisco, CA 94102',
    'Hayes Valley',
    9200,
    9,
    'PDAM',
    { wednesday: ['11am'], thursday: ['3pm'] },
    '2027-03-01',
  ],
  [
    'gough-studio',
    'Gough Street Studio',
    '150 Gough St, San Francisco, CA 94102',
    'Hayes Valley',
    6400,
    6,
    'DM',
    { monday: ['10am'], friday: ['2pm'] },
    '2027-01-15',
  ],
  [
    'valencia-works',
    'Valencia Works',
    '890 Valencia St, San Francisco, CA 94110',
    'Mission',
    8900,
    12,
    'PDAM',
    { thursday: ['1pm', '3pm'], friday: ['10am'] },
    '2027-02-15',
  ],
  [
    'mission-yard',
    'Mission Yard',
    '2325 3rd St, San Francisco, CA 94107',
    'Mission',
    7800,
    8,
    'PM',
    { tuesday: ['3pm'], thursday: ['11am'] },
    '2027-04-01',
  ],
  [
    'folsom-garage',
    'Folsom Garage Offices',
    '2100 Folsom St, San Francisco, CA 94110',
    'Mission',
    9900,
    14,
    'PAM',
    { wednesday: ['2pm'], thursday: ['4pm'] },
    '2027-01-01',
  ],
  [
    'clarion-alley',
    'Clarion Alley Rooms',
    '60 Clarion Alley, San Francisco, CA 94110',
    'Mission',
    5200,
    5,
    'D',
    { monday: ['1pm'] },
    '2027-01-01',
  ],
  [
    'brannan-deck',
    'Brannan Deck',
    '501 Brannan St, San Francisco, CA 94107',
    'SoMa',
    11800,
    18,
    'PAM',
    { tuesday: ['2pm'], thursday: ['2pm'] },
    '2027-01-01',
  ],
  [
    'howard-hub',
    'Howard Hub',
    '725 Howard St, San Francisco, CA 94103',
    'SoMa',
    8400,
    10,
    'AM',
    { wednesday: ['10am', '3pm'] },
    '2027-02-01',
  ],
  [
    'second-street',
    'Second Street Lofts',
    '85 2nd St, San Francisco, CA 94105',
    'SoMa',
    15500,
    30,
    'PAM',
    { monday: ['11am'], thursday: ['10am'] },
    '2027-03-01',
  ],
  [
    'battery-tower',
    'Battery Tower 12',
    '101 Battery St, San Francisco, CA 94111',
    'Financial District',
    14200,
    22,
    'PAM',
    { tuesday: ['9am'], thursday: ['1pm'] },
    '2027-01-01',
  ],
  [
    'sansome-suite',
    'Sansome Suite',
    '220 Sansome St, San Francisco, CA 94104',
    'Financial District',
    9800,
    12,
    'AM',
    { wednesday: ['4pm'] },
    '2027-02-01',
  ],
  [
    'pine-corner',
    'Pine Corner',
    '333 Pine St, San Francisco, CA 94104',
    'Financial District',
    7200,
    8,
    'M',
    { friday: ['11am'] },
    '2027-01-15',
  ],
  [
    'dogpatch-foundry',
    'Dogpatch Foundry',
    '1000 Illinois St, San Francisco, CA 94107',
    'Dogpatch',
    8800,
    10,
    'PDA',
    { thursday: ['2pm'], friday: ['3pm'] },
    '2027-02-01',
  ],
  [
    'minnesota-mill',
    'Minnesota Mill',
    '2401 Minnesota St, San Francisco, CA 94107',
    'Dogpatch',
    6100,
    7,
    'PD',
    { tuesday: ['1pm'] },
    '2027-05-01',
  ],
  [
    'potrero-terrace',
    'Potrero Terrace',
    '1500 18th St, San Francisco, CA 94107',
    'Potrero Hill',
    7600,
    9,
    'PDM',
    { thursday: ['10am'], monday: ['2pm'] },
    '2027-01-01',
  ],
  [
    'de-haro-house',
    'De Haro House',
    '550 De Haro St, San Francisco, CA 94107',
    'Potrero Hill',
    10400,
    15,
    'PAM',
    { wednesday: ['1pm'] },
    '2027-03-15',
  ],
  [
    'columbus-corner',
    'Columbus Corner',
    '900 Columbus Ave, San Francisco, CA 94133',
    'North Beach',
    6900,
    8,
    'DM',
    { tuesday: ['4pm'], thursday: ['5pm'] },
    '2027-02-01',
  ],
  [
    'grant-lofts',
    'Grant Avenue Lofts',
    '1400 Grant Ave, San Francisco, CA 94133',
    'North Beach',
    8200,
    11,
    'AM',
    { friday: ['1pm'] },
    '2027-01-01',
  ],
  [
    'jackson-annex',
    'Jackson Annex',
    '530 Jackson St, San Francisco, CA 94133',
    'Jackson Square',
    12800,
    16,
    'PAM',
    { wednesday: ['10am'], thursday: ['3pm'] },
    '2027-02-01',
  ],
  [
    'channel-view',
    'Channel View',
    '185 Berry St, San Francisco, CA 94158',
    'Mission Bay',
    13400,
    20,
    'PDAM',
    { tuesday: ['11am'], thursday: ['2pm'] },
    '2027-01-01',
  ],
  [
    'owens-labs',
    'Owens Labs',
    '1700 Owens St, San Francisco, CA 94158',
    'Mission Bay',
    9100,
    10,
    'PA',
    { monday: ['3pm'] },
    '2027-04-01',
  ],
  [
    'castro-commons',
    'Castro Commons',
    '4001 18th St, San Francisco, CA 94114',
    'Castro',
    5800,
    6,
    'DM',
    { wednesday: ['2pm'], thursday: ['3pm'] },
    '2027-01-01',
  ],
  [
    'letterman-lodge',
    'Letterman Lodge',
    '1 Letterman Dr, San Francisco, CA 94129',
    'Presidio',
    11200,
    14,
    'PDAM',
    { tuesday: ['10am'], thursday: ['1pm'] },
    '2027-03-01',
  ],
  [
    'maiden-lane',
    'Maiden Lane Studio',
    '140 Maiden Ln, San Francisco, CA 94108',
    'Union Square',
    7400,
    8,
    'AM',
    { monday: ['11am'], thursday: ['4pm'] },
    '2027-02-01',
  ],
];

function detailsFor(amenities: SpaceAmenities, desks: number, rate: number): DetailedAmenities {
  return {
    ...(amenities.parking
      ? { parking: { type: 'garage', costMonthly: 250, spotsAvailable: Math.max(2, Math.floor(desks / 4)) } }
      : {}),
    ...(amenities.dogFriendly ? { dogPolicy: { allowed: true, sizeLimit: 'under 40 lb' } } : {}),
    access: {
      system: 'Key card',
      hours: amenities.afterHours ? '24/7' : '8am-7pm weekdays',
      afterHours: amenities.afterHours,
    },
    ...(amenities.meetingRooms
      ? { meetingRooms: { count: desks >= 14 ? 2 : 1, sizes: desks >= 14 ? [6, 12] : [6] } }
      : {}),
    rentInclusions: {
      utilities: true,
      internet: rate >= 9000 ? '1 Gbps fiber' : '500 Mbps',
      janitorial: 'nightly',
    },
  };
}

export const inventorySpaces: SeedSpace[] = rows.map(
  ([key, name, address, neighborhood, monthlyRate, desks, flags, availability, availableFrom]) => {
    const amenities: SpaceAmenities = {
      parking: flags.includes('P'),
      dogFriendly: flags.includes('D'),
      afterHours: flags.includes('A'),
      meetingRooms: flags.includes('M'),
    };
    return {
      key,
      name,
      address,
      neighborhood,
      hostCompany: `${name.split(' ')[0]} Holdings`,
      hostEmail: `leasing@${key}.example`,
      hostContext: `Direct sublease of ${desks} desks on one floor.`,
      amenities,
      availability,
      monthlyRate,
      detailedAmenities: detailsFor(amenities, desks, monthlyRate),
      desks,
      squareFeet: desks * 150,
      availableFrom,
    };
  },
);

/** The new inquiry of the demo: what a seeker writes first, and what matching makes of it. */
export const newInquiry = {
  seekerName: 'Maya Lindqvist',
  seekerEmail: 'maya@fieldnote.example',
  companyName: 'Fieldnote',
  subject: 'Office for our team',
  body: 'Hi, we are a team of 8 looking for an office in Hayes Valley or the Mission from March, budget around $9,000 a month. Is there parking, and could we tour Thursday afternoon?\n\nThanks,\nMaya',
  hoursAgo: 0.5,
};

/**
 * Seeds the new inquiry as the inbound pipeline would take it: a new deal in inquiry, its email, the
 * requirements read from it, and the offline draft proposing the best matches (nothing attached).
 */
export async function seedNewInquiry(
  tx: Transaction,
  org: { id: string; inboundAddress: string },
  now: Date,
) {
  const sentAt = new Date(now.getTime() - newInquiry.hoursAgo * 3_600_000);
  const [deal] = await tx
    .insert(deals)
    .values({
      organizationId: org.id,
      seekerName: newInquiry.seekerName,
      seekerEmail: newInquiry.seekerEmail,
      companyName: newInquiry.companyName,
      teamSize: 1,
      monthlyBudget: 0,
      stage: 'inquiry',
      // Last in the inquiry column, after the seeded pipeline's cards.
      position: 1_024 * 100,
      stageChangedAt: sentAt,
      lastActivityAt: sentAt,
      createdAt: sentAt,
    })
    .returning({ id: deals.id });
  if (!deal) throw new Error('Seeding the new inquiry returned no deal');
  const [email] = await tx
    .insert(emails)
    .values({
      organizationId: org.id,
      dealId: deal.id,
      direction: 'inbound',
      fromAddress: newInquiry.seekerEmail,
      fromName: newInquiry.seekerName,
      toAddress: org.inboundAddress,
      subject: newInquiry.subject,
      body: newInquiry.body,
      bodyClean: newInquiry.body.replace(/\n\nThanks,\nMaya$/, ''),
      messageId: '<seed-new-inquiry@tandem.echo.test>',
      sentAt,
      replyDeadlineAt: new Date(sentAt.getTime() + 4 * 3_600_000),
    })
    .returning({ id: emails.id });
  if (!email) throw new Error('Seeding the new inquiry returned no email');
  await recordAudit(tx, {
    organizationId: org.id,
    actor: AI,
    action: 'deal.created',
    entityType: 'deal',
    entityId: deal.id,
    details: { from: newInquiry.seekerEmail, reason: 'inbound email from a new sender' },
  });
  await readRequirementsFromEmail(tx, {
    organizationId: org.id,
    dealId: deal.id,
    emailId: email.id,
    text: `${newInquiry.subject}\n${newInquiry.body}`,
    sentAt,
  });
  const request = { organizationId: org.id, inboundEmailId: email.id };
  const generated = await createDraftGenerator({ openai: null, now: () => now }).generate(tx, request);
  await createFirstDraft(tx, { ...request, generated, generatedAt: new Date(sentAt.getTime() + 60_000) });
  return { dealId: deal.id, emailId: email.id };
}
