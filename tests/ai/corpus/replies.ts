/**
 * Broker-written reply fragments, as brokers write them: grounded ones (each true to the seeded
 * records of its deal) and wrong ones (each with exactly one planted error of a named family, the
 * rest of the sentence true). `bodies()` assembles the reply bodies the benchmark and the corpus
 * test check: every grounded fragment alone and paired with the next one of its deal, and every
 * wrong fragment beside a grounded one, with greetings, sign-offs and quoted history around them.
 */

export type Family =
  | 'money'
  | 'arithmetic'
  | 'hypothetical'
  | 'budget'
  | 'concession'
  | 'date'
  | 'time-list'
  | 'slot'
  | 'carried-subject'
  | 'amenity'
  | 'count'
  | 'policy'
  | 'address'
  | 'quoted';

export type Grounded = { deal: string; text: string };
export type Planted = { deal: string; family: Family; text: string; claim: string };

export const grounded: Grounded[] = [
  // Acme: Mission Loft and SoMa Studio, budget $13,000, team of 12.
  {
    deal: 'acme',
    text: 'Mission Loft is $12,500/month, and parking in the garage under the building is $275 a month per spot.',
  },
  {
    deal: 'acme',
    text: 'Quick recap on Mission Loft: $12.5k a month, 20 desks, 3,200 sq ft, and it has 2 meeting rooms.',
  },
  { deal: 'acme', text: 'Two spots at Mission Loft would run you $550/month on top of rent.' },
  { deal: 'acme', text: 'All-in with two parking spots, Mission Loft comes to $13,050/month.' },
  { deal: 'acme', text: 'At $12,500/month, Mission Loft comes in under your $13k budget.' },
  {
    deal: 'acme',
    text: 'SoMa Studio is the cheaper one at $9,800/month, which is $2,700 less than Mission Loft.',
  },
  {
    deal: 'acme',
    text: 'Dogs are welcome at Mission Loft (under 50 lb, with a $500 deposit). SoMa Studio does not allow dogs, unfortunately.',
  },
  { deal: 'acme', text: 'Mission Loft has 24/7 access by key card, and key cards are $25 each.' },
  { deal: 'acme', text: 'SoMa Studio is open 6am–11pm, and overnight access needs 24 hours notice.' },
  { deal: 'acme', text: 'I can show you Mission Loft Tuesday at 2pm or 4pm, or Wednesday at 10am.' },
  { deal: 'acme', text: 'Tour slots at SoMa Studio: Monday 9am/1pm, Wednesday 2pm or Friday at 11am.' },
  { deal: 'acme', text: 'Mission Loft frees up on January 1, 2027; SoMa Studio is available from Dec 15.' },
  {
    deal: 'acme',
    text: 'Utilities are included at Mission Loft, internet is 1 Gbps fiber, and there is a full kitchen.',
  },
  { deal: 'acme', text: 'SoMa Studio has 500 Mbps internet and weekly cleaning.' },
  {
    deal: 'acme',
    text: 'Mission Loft is at 2180 Bryant St. It has 2 meeting rooms, booked through Google Calendar.',
  },
  {
    deal: 'acme',
    text: 'SoMa Studio at 650 Townsend St is street parking only; the Caltrain station is two blocks away.',
  },
  { deal: 'acme', text: 'Over a year, Mission Loft comes to $150,000 in rent.' },
  {
    deal: 'acme',
    text: "Mission Loft works out to $625 per desk. I'll confirm the lease length with the host and come back to you today.",
  },
  { deal: 'acme', text: 'If you need 3 spots at Mission Loft, that would be $825/month.' },
  { deal: 'acme', text: 'Mission Loft is in the Mission, with nightly cleaning included.' },
  // Northstar: Potrero Yard and Dogpatch Works, budget $16,000, team of 25.
  {
    deal: 'northstar',
    text: 'Potrero Yard is $15,200/month and parking is included with the lease: 10 spots in the private lot behind the building.',
  },
  {
    deal: 'northstar',
    text: 'Potrero Yard has 4 meeting rooms (seating 4, 6, 8 and 16), bookable up to 3 hours at a time.',
  },
  { deal: 'northstar', text: 'Potrero Yard fits your team: 28 desks across 4,100 square feet.' },
  { deal: 'northstar', text: 'At $15,200 a month, Potrero Yard is within your $16,000 budget.' },
  {
    deal: 'northstar',
    text: 'Dogpatch Works is $7,400/month; parking is off-site at $180/month per spot, and the spots are shared.',
  },
  { deal: 'northstar', text: 'We could tour Potrero Yard Monday at 10am, or Wednesday at 10am or 4pm.' },
  { deal: 'northstar', text: 'Potrero Yard has 24/7 access with Kisi key cards at $20 each.' },
  { deal: 'northstar', text: 'Dogs are welcome at Potrero Yard, with a $250 deposit.' },
  { deal: 'northstar', text: 'Potrero Yard is available from Jan. 1st, 2027, and has a full kitchen.' },
  { deal: 'northstar', text: 'Utilities are not included at Dogpatch Works, and it has 300 Mbps internet.' },
  { deal: 'northstar', text: 'Potrero Yard is at 1401 17th St. It has 1 Gbps fiber and nightly cleaning.' },
  { deal: 'northstar', text: 'For your 6 cars, parking at Potrero Yard is included, so nothing extra.' },
  { deal: 'northstar', text: 'Dogpatch Works has 10 desks, so it is short of your team of 25.' },
  { deal: 'northstar', text: 'Two spots at Dogpatch Works would be $360/month.' },
  { deal: 'northstar', text: 'Potrero Yard comes to $182,400 a year.' },
  // Lattice: Union Square 14th Floor, budget $14,000, team of 20.
  {
    deal: 'lattice',
    text: 'Union Square 14th Floor is $13,400/month, which comes in under your $14,000 budget.',
  },
  { deal: 'lattice', text: 'Key cards at Union Square 14th Floor are $30 each, and access is 24/7.' },
  {
    deal: 'lattice',
    text: 'Union Square 14th Floor has 3 meeting rooms booked through Robin, and a kitchenette.',
  },
  { deal: 'lattice', text: 'Parking is at the Union Square Garage for $385/month, with 3 spots available.' },
  { deal: 'lattice', text: 'All-in with one parking spot, Union Square 14th Floor is $13,785/month.' },
  {
    deal: 'lattice',
    text: 'We could see Union Square 14th Floor Monday at 4pm, Tuesday at 1pm or Thursday at 11am.',
  },
  {
    deal: 'lattice',
    text: 'Union Square 14th Floor has 24 desks and 3,400 square feet, so your 20 people fit.',
  },
  {
    deal: 'lattice',
    text: 'Union Square 14th Floor is available from January 1, 2027. Dogs are not allowed there (building policy).',
  },
  { deal: 'lattice', text: 'The space at 233 Geary St has 1 Gbps internet and nightly cleaning.' },
  { deal: 'lattice', text: 'Utilities are included in the rent at Union Square 14th Floor.' },
  // Harbor: Presidio Officers House, budget $9,500, team of 15.
  {
    deal: 'harbor',
    text: 'Parking at the Presidio Officers House is $95/month per spot, with 12 spots in the on-site lot.',
  },
  { deal: 'harbor', text: 'Presidio Officers House is $8,900/month, under your $9,500 budget.' },
  { deal: 'harbor', text: 'All-in with two spots, Presidio Officers House comes to $9,090/month.' },
  { deal: 'harbor', text: 'Presidio Officers House is open 7am–7pm; weekend access is by request.' },
  { deal: 'harbor', text: 'Dogs are welcome at Presidio Officers House, leashed in common areas.' },
  { deal: 'harbor', text: 'Presidio Officers House has 2 meeting rooms, seating 10 and 30.' },
  { deal: 'harbor', text: 'We could tour the Presidio Officers House Wednesday at 10am or Friday at 1pm.' },
  { deal: 'harbor', text: 'Utilities are not included at Presidio Officers House; internet is 300 Mbps.' },
  {
    deal: 'harbor',
    text: 'Presidio Officers House is available from January 10. It has 16 desks, enough for your 15 people.',
  },
  { deal: 'harbor', text: 'Presidio Officers House is at 34 Graham St, in the Presidio.' },
  // Fernwood: Castro Flat and North Beach Attic, budget $5,500, team of 6.
  { deal: 'fernwood', text: 'Castro Flat is $5,200/month, under your $5,500 budget, and dogs are welcome.' },
  { deal: 'fernwood', text: 'North Beach Attic is $4,800/month. It has 6 desks, which fits your team of 6.' },
  { deal: 'fernwood', text: 'Castro Flat has 24/7 access with physical keys and a full kitchen.' },
  { deal: 'fernwood', text: 'We could see Castro Flat Thursday at 5pm or Saturday at 11am.' },
  { deal: 'fernwood', text: 'North Beach Attic tours are Tuesday at 9am or Friday at 4pm.' },
  {
    deal: 'fernwood',
    text: 'Castro Flat has no dedicated parking: street parking only, with the Castro/Market garage nearby.',
  },
  { deal: 'fernwood', text: 'Castro Flat is available from December 20; North Beach Attic from Dec 10.' },
  {
    deal: 'fernwood',
    text: 'North Beach Attic does not allow dogs, since there is a recording studio on site.',
  },
  { deal: 'fernwood', text: 'Utilities are included at Castro Flat, and internet is 500 Mbps.' },
  { deal: 'fernwood', text: 'Castro Flat is at 4100 18th St, in the Castro. It has 7 desks.' },
];

export const planted: Planted[] = [
  // money: a figure no record has, or the wrong record's figure
  { deal: 'acme', family: 'money', text: 'Mission Loft is $11,500/month.', claim: '$11,500/month' },
  {
    deal: 'acme',
    family: 'money',
    text: 'Parking at Mission Loft is $265 a month per spot.',
    claim: '$265 a month',
  },
  { deal: 'acme', family: 'money', text: 'Key cards at Mission Loft are $35 each.', claim: '$35' },
  { deal: 'acme', family: 'money', text: 'The dog deposit at Mission Loft is $400.', claim: '$400' },
  {
    deal: 'northstar',
    family: 'money',
    text: 'Dogpatch Works parking is $150/month per spot.',
    claim: '$150/month',
  },
  { deal: 'northstar', family: 'money', text: 'Potrero Yard is $14,200/month.', claim: '$14,200/month' },
  {
    deal: 'lattice',
    family: 'money',
    text: 'Parking at the Union Square Garage is $350/month.',
    claim: '$350/month',
  },
  {
    deal: 'harbor',
    family: 'money',
    text: 'Presidio Officers House is $9,900/month.',
    claim: '$9,900/month',
  },
  { deal: 'fernwood', family: 'money', text: 'Castro Flat is $5,600/month.', claim: '$5,600/month' },
  // arithmetic
  {
    deal: 'acme',
    family: 'arithmetic',
    text: 'Two spots at Mission Loft would run you $600/month on top of rent.',
    claim: '$600/month',
  },
  {
    deal: 'acme',
    family: 'arithmetic',
    text: 'All-in with two parking spots, Mission Loft comes to $13,150/month.',
    claim: '$13,150/month',
  },
  {
    deal: 'acme',
    family: 'arithmetic',
    text: 'Over a year, Mission Loft comes to $140,000 in rent.',
    claim: '$140,000',
  },
  { deal: 'acme', family: 'arithmetic', text: 'Mission Loft works out to $675 per desk.', claim: '$675' },
  {
    deal: 'northstar',
    family: 'arithmetic',
    text: 'Two spots at Dogpatch Works would be $400/month.',
    claim: '$400/month',
  },
  {
    deal: 'northstar',
    family: 'arithmetic',
    text: 'Potrero Yard comes to $172,400 a year.',
    claim: '$172,400',
  },
  {
    deal: 'lattice',
    family: 'arithmetic',
    text: 'All-in with one parking spot, Union Square 14th Floor is $13,985/month.',
    claim: '$13,985/month',
  },
  {
    deal: 'harbor',
    family: 'arithmetic',
    text: 'All-in with two spots, Presidio Officers House comes to $9,190/month.',
    claim: '$9,190/month',
  },
  {
    deal: 'acme',
    family: 'arithmetic',
    text: 'SoMa Studio is the cheaper one at $9,800/month, which is $3,200 less than Mission Loft.',
    claim: '$3,200',
  },
  // hypothetical quantities priced wrongly
  {
    deal: 'acme',
    family: 'hypothetical',
    text: 'If you need 3 spots at Mission Loft, that would be $800/month.',
    claim: '$800/month',
  },
  {
    deal: 'harbor',
    family: 'hypothetical',
    text: 'Four spots at the Presidio Officers House would be $400/month.',
    claim: '$400/month',
  },
  {
    deal: 'lattice',
    family: 'hypothetical',
    text: 'Two spots at the Union Square Garage would come to $700/month.',
    claim: '$700/month',
  },
  {
    deal: 'northstar',
    family: 'hypothetical',
    text: 'If you take 3 spots at Dogpatch Works, that would be $600/month.',
    claim: '$600/month',
  },
  // budget comparisons
  {
    deal: 'acme',
    family: 'budget',
    text: 'Mission Loft comes in under your $12,000 budget.',
    claim: '$12,000',
  },
  {
    deal: 'acme',
    family: 'budget',
    text: 'At $12,500/month, Mission Loft is over your budget.',
    claim: 'over',
  },
  {
    deal: 'northstar',
    family: 'budget',
    text: 'At $15,200 a month, Potrero Yard is within your $15,000 budget.',
    claim: '$15,000',
  },
  {
    deal: 'lattice',
    family: 'budget',
    text: 'Union Square 14th Floor is $13,400/month, which is above your budget.',
    claim: 'above',
  },
  {
    deal: 'harbor',
    family: 'budget',
    text: 'Presidio Officers House is $8,900/month, over your $9,500 budget.',
    claim: 'over',
  },
  {
    deal: 'fernwood',
    family: 'budget',
    text: 'Castro Flat is $5,200/month, under your $5,000 budget.',
    claim: '$5,000',
  },
  {
    deal: 'fernwood',
    family: 'budget',
    text: 'Castro Flat at $5,200 leaves you $500 under your budget.',
    claim: '$500',
  },
  // concessions and commitments
  {
    deal: 'acme',
    family: 'concession',
    text: 'The host can do a 10% discount on Mission Loft.',
    claim: '10% discount',
  },
  {
    deal: 'acme',
    family: 'concession',
    text: 'Mission Loft comes with the first month free.',
    claim: 'first month free',
  },
  {
    deal: 'acme',
    family: 'concession',
    text: 'Mission Loft is available immediately.',
    claim: 'available immediately',
  },
  {
    deal: 'northstar',
    family: 'concession',
    text: 'There is no deposit at Potrero Yard.',
    claim: 'no deposit',
  },
  {
    deal: 'lattice',
    family: 'concession',
    text: 'Key cards at Union Square 14th Floor are free.',
    claim: 'Key cards at Union Square 14th Floor are free',
  },
  {
    deal: 'harbor',
    family: 'concession',
    text: 'We can get the setup fees waived at Presidio Officers House.',
    claim: 'fees waived',
  },
  {
    deal: 'fernwood',
    family: 'concession',
    text: 'The host has agreed to hold Castro Flat for you.',
    claim: 'The host has agreed',
  },
  {
    deal: 'lattice',
    family: 'concession',
    text: 'The landlord will come down on the rent at Union Square 14th Floor.',
    claim: 'landlord will come down',
  },
  // dates
  { deal: 'acme', family: 'date', text: 'Mission Loft frees up on December 15.', claim: 'December 15' },
  { deal: 'acme', family: 'date', text: 'SoMa Studio is available from Jan 15.', claim: 'Jan 15' },
  {
    deal: 'acme',
    family: 'date',
    text: 'SoMa Studio frees up on Wednesday, December 15.',
    claim: 'Wednesday, December 15',
  },
  {
    deal: 'northstar',
    family: 'date',
    text: 'Potrero Yard is available from Feb. 1st, 2027.',
    claim: 'Feb. 1st, 2027',
  },
  {
    deal: 'lattice',
    family: 'date',
    text: 'Union Square 14th Floor is available from March 1, 2027.',
    claim: 'March 1, 2027',
  },
  {
    deal: 'harbor',
    family: 'date',
    text: 'You could move in to the Presidio Officers House on January 2.',
    claim: 'January 2',
  },
  {
    deal: 'fernwood',
    family: 'date',
    text: 'Castro Flat is available from Friday, December 20.',
    claim: 'Friday, December 20',
  },
  {
    deal: 'acme',
    family: 'date',
    text: 'We could see SoMa Studio tomorrow at 10am.',
    claim: 'tomorrow at 10am',
  },
  // times in lists
  {
    deal: 'acme',
    family: 'time-list',
    text: 'I can show you Mission Loft Tuesday at 2pm or 5pm, or Wednesday at 10am.',
    claim: '5pm',
  },
  {
    deal: 'acme',
    family: 'time-list',
    text: 'Tour slots at SoMa Studio: Monday 9am/11am, Wednesday 2pm or Friday at 11am.',
    claim: '11am',
  },
  {
    deal: 'northstar',
    family: 'time-list',
    text: 'We could tour Potrero Yard Monday at 10am, or Wednesday at 10am or 3pm.',
    claim: '3pm',
  },
  { deal: 'lattice', family: 'time-list', text: 'Union Square 14th Floor: Tuesday 1pm/3pm.', claim: '3pm' },
  {
    deal: 'harbor',
    family: 'time-list',
    text: 'Presidio Officers House has Wednesday 10am, 11am open.',
    claim: '11am',
  },
  // single tour slots
  {
    deal: 'fernwood',
    family: 'slot',
    text: 'We could see Castro Flat Thursday at 4pm.',
    claim: 'Thursday at 4pm',
  },
  {
    deal: 'fernwood',
    family: 'slot',
    text: 'North Beach Attic tours are Tuesday at 10am.',
    claim: 'Tuesday at 10am',
  },
  {
    deal: 'harbor',
    family: 'slot',
    text: 'How about 2pm on Friday at the Presidio Officers House?',
    claim: '2pm on Friday',
  },
  {
    deal: 'lattice',
    family: 'slot',
    text: 'Union Square 14th Floor has a tour Saturday at 11am.',
    claim: 'Saturday at 11am',
  },
  // the space a sentence is about, carried
  {
    deal: 'acme',
    family: 'carried-subject',
    text: 'SoMa Studio is $9,800/month. It has 2 meeting rooms.',
    claim: '2 meeting rooms',
  },
  {
    deal: 'acme',
    family: 'carried-subject',
    text: 'Mission Loft is $12,500/month. It has 14 desks.',
    claim: '14 desks',
  },
  {
    deal: 'acme',
    family: 'carried-subject',
    text: 'SoMa Studio is $9,800/month. Parking there is $275/month.',
    claim: '$275/month',
  },
  {
    deal: 'northstar',
    family: 'carried-subject',
    text: 'Dogpatch Works is $7,400/month. It has 28 desks.',
    claim: '28 desks',
  },
  {
    deal: 'fernwood',
    family: 'carried-subject',
    text: 'North Beach Attic is $4,800/month. It has 7 desks.',
    claim: '7 desks',
  },
  {
    deal: 'northstar',
    family: 'carried-subject',
    text: 'Dogpatch Works is the smaller option. It has 3 meeting rooms.',
    claim: '3 meeting rooms',
  },
  // qualitative amenities with a record
  { deal: 'acme', family: 'amenity', text: 'Mission Loft has a kitchenette.', claim: 'kitchenette' },
  { deal: 'acme', family: 'amenity', text: 'SoMa Studio gets nightly cleaning.', claim: 'nightly cleaning' },
  { deal: 'acme', family: 'amenity', text: 'SoMa Studio has fiber internet.', claim: 'fiber' },
  {
    deal: 'lattice',
    family: 'amenity',
    text: 'Union Square 14th Floor has a full kitchen.',
    claim: 'full kitchen',
  },
  {
    deal: 'harbor',
    family: 'amenity',
    text: 'Presidio Officers House gets nightly cleaning.',
    claim: 'nightly cleaning',
  },
  { deal: 'acme', family: 'amenity', text: 'Mission Loft is in Dogpatch.', claim: 'Dogpatch' },
  {
    deal: 'northstar',
    family: 'amenity',
    text: 'Utilities are included at Dogpatch Works.',
    claim: 'Utilities are included',
  },
  { deal: 'acme', family: 'amenity', text: 'Mission Loft has 10 Gbps internet.', claim: '10 Gbps' },
  // counts
  { deal: 'acme', family: 'count', text: 'Mission Loft has 5 meeting rooms.', claim: '5 meeting rooms' },
  {
    deal: 'acme',
    family: 'count',
    text: 'Mission Loft has 9 parking spots in the garage.',
    claim: '9 parking spots',
  },
  { deal: 'northstar', family: 'count', text: 'Potrero Yard has 6 meeting rooms.', claim: '6 meeting rooms' },
  { deal: 'lattice', family: 'count', text: 'Union Square 14th Floor has 30 desks.', claim: '30 desks' },
  {
    deal: 'harbor',
    family: 'count',
    text: 'Presidio Officers House has 20 parking spots.',
    claim: '20 parking spots',
  },
  {
    deal: 'acme',
    family: 'count',
    text: 'Mission Loft offers 3,500 square feet.',
    claim: '3,500 square feet',
  },
  // policies stated the other way
  { deal: 'acme', family: 'policy', text: 'Dogs are welcome at SoMa Studio.', claim: 'Dogs are welcome' },
  { deal: 'acme', family: 'policy', text: 'SoMa Studio has 24/7 access.', claim: '24/7' },
  {
    deal: 'harbor',
    family: 'policy',
    text: 'Presidio Officers House has after-hours access.',
    claim: 'after-hours access',
  },
  {
    deal: 'lattice',
    family: 'policy',
    text: 'Union Square 14th Floor is dog-friendly.',
    claim: 'dog-friendly',
  },
  {
    deal: 'fernwood',
    family: 'policy',
    text: 'Castro Flat has dedicated parking.',
    claim: 'dedicated parking',
  },
  {
    deal: 'northstar',
    family: 'policy',
    text: 'Utilities are included at Dogpatch Works, and dogs are welcome.',
    claim: 'Utilities are included',
  },
  { deal: 'harbor', family: 'policy', text: 'Presidio Officers House is open 8am–8pm.', claim: '8am–8pm' },
  // addresses
  { deal: 'acme', family: 'address', text: 'Mission Loft is at 500 Market St.', claim: '500 Market St' },
  {
    deal: 'lattice',
    family: 'address',
    text: 'Union Square 14th Floor is at 233 Post St.',
    claim: '233 Post St',
  },
  {
    deal: 'harbor',
    family: 'address',
    text: 'Presidio Officers House is at 34 Lincoln Blvd.',
    claim: '34 Lincoln Blvd',
  },
  // quoted text never excuses the broker's own claim
  {
    deal: 'acme',
    family: 'quoted',
    text: 'Mission Loft has 3 meeting rooms.\n\n> Does it have 3 meeting rooms?',
    claim: '3 meeting rooms',
  },
  {
    deal: 'harbor',
    family: 'quoted',
    text: 'Yes, it is $9,000/month.\n\nOn Sun, Nov 29, 2026 at 9:12 AM Omar wrote:\n> Is the Presidio Officers House $9,000/month?',
    claim: '$9,000/month',
  },
  {
    deal: 'lattice',
    family: 'quoted',
    text: 'Union Square 14th Floor has 4 meeting rooms.\n\n---------- Forwarded message ----------\nFrom: Grace\nI heard it has 4 meeting rooms.',
    claim: '4 meeting rooms',
  },
];

const GREETINGS: Record<string, string> = {
  acme: 'Hi Priya,',
  northstar: 'Hi Marcus,',
  lattice: 'Hi Grace,',
  harbor: 'Hi Omar,',
  fernwood: 'Hey Leo,',
};
const OPENERS = ['', 'Thanks for the quick reply.', 'Good questions, here is what I have.', 'Happy to help.'];
const CLOSERS = ['', 'Let me know what works.', 'Talk soon.', 'Any other questions, just ask.'];
const QUOTES = [
  '',
  '\n\nOn Sun, Nov 29, 2026 at 10:00 AM the seeker wrote:\n> We heard it was $9,999 with 12 meeting rooms and free parking. Is that right?',
];

export type CorpusBody = { deal: string; body: string; planted: Planted | null };

function wrap(deal: string, parts: string[], n: number) {
  const opener = OPENERS[n % OPENERS.length];
  const closer = CLOSERS[(n >> 1) % CLOSERS.length];
  const quote = QUOTES[n % 5 === 0 ? 1 : 0];
  return (
    [
      GREETINGS[deal] ?? 'Hi,',
      '',
      ...(opener ? [opener, ''] : []),
      ...parts.flatMap((p) => [p, '']),
      ...(closer ? [closer, ''] : []),
      'Best,\nAlex Agent\nTandem Brokerage · (415) 555-0142',
    ].join('\n') + (quote ?? '')
  );
}

/** The reply bodies of the corpus: ≥ 100 grounded, ≥ 100 with exactly one planted error. */
export function bodies(): CorpusBody[] {
  const out: CorpusBody[] = [];
  grounded.forEach((g, i) => {
    out.push({ deal: g.deal, body: wrap(g.deal, [g.text], i), planted: null });
    const next = grounded[i + 1];
    if (next && next.deal === g.deal)
      out.push({ deal: g.deal, body: wrap(g.deal, [g.text, next.text], i + 1), planted: null });
  });
  planted.forEach((p, i) => {
    const sameDeal = grounded.filter((g) => g.deal === p.deal);
    const company = sameDeal[(i * 7) % sameDeal.length];
    out.push({ deal: p.deal, body: wrap(p.deal, [p.text], i), planted: p });
    if (company)
      out.push({
        deal: p.deal,
        body: wrap(p.deal, i % 2 ? [company.text, p.text] : [p.text, company.text], i + 3).replace(
          /\n\nOn Sun[\s\S]*$/,
          '',
        ),
        planted: p,
      });
  });
  return out;
}
