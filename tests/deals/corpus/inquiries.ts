import type { RequirementValue } from '../../../db/schema';

/**
 * Inquiry emails as seekers write them (typos, numbers in words, several asks per sentence,
 * negations), each with the requirements a broker would read from it. A field left out means the
 * email does not state it. Dates are read relative to `sentAt` (default 2027-01-12, a Tuesday).
 */
export type CorpusEmail = {
  id: string;
  sentAt?: string;
  body: string;
  expected: Partial<Record<string, RequirementValue>>;
};

export const KNOWN_NEIGHBORHOODS = [
  'Mission',
  'SoMa',
  'Financial District',
  'Dogpatch',
  'Hayes Valley',
  'North Beach',
  'Potrero Hill',
  'Jackson Square',
  'Mission Bay',
  'Castro',
  'Presidio',
  'Union Square',
  'West Oakland',
];

export const DEFAULT_SENT_AT = '2027-01-12T16:00:00Z';

export const corpus: CorpusEmail[] = [
  {
    id: 'issue-example',
    body: 'Hi, we are a team of 8 looking for an office in Hayes Valley or the Mission from March, budget around $9,000 a month. Is there parking, and could we tour Thursday afternoon?',
    expected: {
      teamSize: 8,
      monthlyBudget: 9000,
      neighborhoods: ['Hayes Valley', 'Mission'],
      moveInDate: '2027-03-01',
      parking: true,
    },
  },
  {
    id: 'numbers-in-words',
    body: "Hello! We're twelve people, mostly engineers. Looking for something in SoMa, up to $15k/month. We'd like to move in April and sign a two-year lease.",
    expected: {
      teamSize: 12,
      monthlyBudget: 15000,
      neighborhoods: ['SoMa'],
      moveInDate: '2027-04-01',
      leaseMonths: 24,
    },
  },
  {
    id: 'negated-parking',
    body: "Hey there, team of 6, we don't need parking (we all bike) but our office dog Biscuit comes every day. Budget is $7,500/mo. FiDi or Jackson Square would be ideal.",
    expected: {
      teamSize: 6,
      monthlyBudget: 7500,
      neighborhoods: ['Financial District', 'Jackson Square'],
      parking: false,
      dogFriendly: true,
    },
  },
  {
    id: 'per-desk',
    body: 'We are 10 people and can spend about $650 per desk. Need a conference room for client meetings. Anywhere near Union Square works.',
    expected: { teamSize: 10, monthlyBudget: 6500, meetingRooms: true, neighborhoods: ['Union Square'] },
  },
  {
    id: 'range-budget',
    body: "Looking for space for 15 ppl, budget $12-14k per month, ideally Mission Bay or Dogpatch. We'll need parking for 3 cars and 24/7 access since we run experiments overnight.",
    expected: {
      teamSize: 15,
      monthlyBudget: 14000,
      neighborhoods: ['Mission Bay', 'Dogpatch'],
      parking: true,
      parkingSpots: 3,
      afterHours: true,
    },
  },
  {
    id: 'asap',
    body: 'Our lease fell through and we need a place ASAP. 5 of us. Max $5k. Month-to-month would be perfect.',
    expected: { teamSize: 5, monthlyBudget: 5000, moveInDate: '2027-01-12', leaseMonths: 1 },
  },
  {
    id: 'quarter',
    body: 'Hi Tandem, we are planning a move in Q2 for our 20 person team. Budget is roughly 18,000/mo. We need meeting rooms and after-hours access. 3 year term preferred.',
    expected: {
      teamSize: 20,
      monthlyBudget: 18000,
      moveInDate: '2027-04-01',
      meetingRooms: true,
      afterHours: true,
      leaseMonths: 36,
    },
  },
  {
    id: 'typos',
    body: 'hi im looking for an offce for my team of 7 poeple in the misson or hayes, budjet is $8k a month, we have 2 dogs so needs to be dog frendly. parkng would be nice too',
    expected: {
      teamSize: 7,
      monthlyBudget: 8000,
      neighborhoods: ['Mission', 'Hayes Valley'],
      dogFriendly: true,
      parking: true,
    },
  },
  {
    id: 'short-no-budget',
    body: 'Do you have anything for 4 people in North Beach? Starting next month.',
    expected: { teamSize: 4, neighborhoods: ['North Beach'], moveInDate: '2027-02-01' },
  },
  {
    id: 'dozen',
    body: "We're a dozen designers looking for a bright studio in the Castro or Hayes Valley. Budget up to $11,000 monthly. Pets are a must, our founder's corgi runs the place.",
    expected: {
      teamSize: 12,
      monthlyBudget: 11000,
      neighborhoods: ['Castro', 'Hayes Valley'],
      dogFriendly: true,
    },
  },
  {
    id: 'no-dogs-no-parking',
    body: 'Team of 9. No parking needed and no pets. We do need a boardroom. Around $10k/mo in FiDi. Lease of 12 months.',
    expected: {
      teamSize: 9,
      parking: false,
      dogFriendly: false,
      meetingRooms: true,
      monthlyBudget: 10000,
      neighborhoods: ['Financial District'],
      leaseMonths: 12,
    },
  },
  {
    id: 'mid-month',
    body: 'Hi, our 3 person startup wants to move mid-February. Can pay up to $3,500 a month. Happy anywhere in SoMa.',
    expected: { teamSize: 3, moveInDate: '2027-02-15', monthlyBudget: 3500, neighborhoods: ['SoMa'] },
  },
  {
    id: 'several-per-sentence',
    body: 'We need room for 25 people, 4 parking spots, meeting rooms and late night access, in Potrero or Dogpatch, for under $20k/month starting May 1st.',
    expected: {
      teamSize: 25,
      parkingSpots: 4,
      parking: true,
      meetingRooms: true,
      afterHours: true,
      neighborhoods: ['Potrero Hill', 'Dogpatch'],
      monthlyBudget: 20000,
      moveInDate: '2027-05-01',
    },
  },
  {
    id: 'yearly-budget',
    body: 'Our budget is $120,000 a year for a team of 8. We want to be in Jackson Square.',
    expected: { monthlyBudget: 10000, teamSize: 8, neighborhoods: ['Jackson Square'] },
  },
  {
    id: 'fidi-abbrev',
    body: 'Looking in FiDi, 14 employees, $16k budget, we need it from the beginning of March. 18 month lease ok.',
    expected: {
      neighborhoods: ['Financial District'],
      teamSize: 14,
      monthlyBudget: 16000,
      moveInDate: '2027-03-01',
      leaseMonths: 18,
    },
  },
  {
    id: 'currently-in',
    body: "We're currently in SoMa but want to move to the Mission. 11 people, about $13,000 per month. We don't need after-hours access.",
    expected: { neighborhoods: ['Mission'], teamSize: 11, monthlyBudget: 13000, afterHours: false },
  },
  {
    id: 'late-month',
    body: 'Hello - 6-person team, looking for late March move in. Budget: $6,000/mo. Dog friendly please!',
    expected: { teamSize: 6, moveInDate: '2027-03-31', monthlyBudget: 6000, dogFriendly: true },
  },
  {
    id: 'nine-thousand-words',
    body: 'We can do nine thousand dollars a month for eight people in Hayes Valley. Parking is not important.',
    expected: { monthlyBudget: 9000, teamSize: 8, neighborhoods: ['Hayes Valley'], parking: false },
  },
  {
    id: 'k-decimal',
    body: 'Hi! Team of 5, budget is $6.5k/mo, we need to be in Union Square near our clients. Move in June 1.',
    expected: { teamSize: 5, monthlyBudget: 6500, neighborhoods: ['Union Square'], moveInDate: '2027-06-01' },
  },
  {
    id: 'only-questions',
    body: 'Is the Mission Loft still available? What does parking cost there?',
    expected: { neighborhoods: ['Mission'], parking: true },
  },
  {
    id: 'growing',
    body: "We're 10 now, with a couple more hires planned. Budget around 12k. Need a meeting room and 2 parking spaces. Presidio would be a dream.",
    expected: {
      teamSize: 10,
      monthlyBudget: 12000,
      meetingRooms: true,
      parkingSpots: 2,
      parking: true,
      neighborhoods: ['Presidio'],
    },
  },
  {
    id: 'in-weeks',
    body: 'Need an office in 3 weeks for 4 people, budget up to $4,000. Any area is fine.',
    expected: { moveInDate: '2027-02-02', teamSize: 4, monthlyBudget: 4000 },
  },
  {
    id: 'six-month-lease',
    body: 'A 6 month lease for a 7 person team in Dogpatch, $7k max, dogs welcome is a must.',
    expected: {
      leaseMonths: 6,
      teamSize: 7,
      neighborhoods: ['Dogpatch'],
      monthlyBudget: 7000,
      dogFriendly: true,
    },
  },
  {
    id: 'mission-bay-not-mission',
    body: 'We want Mission Bay specifically, near the hospital. 30 researchers. Budget $28k. We work weekends so after hours access matters.',
    expected: { neighborhoods: ['Mission Bay'], teamSize: 30, monthlyBudget: 28000, afterHours: true },
  },
  {
    id: 'signature-numbers',
    body: 'Hi, looking for space for our team of 9 in North Beach or Jackson Square from April, budget $9.5k.\n\nThanks,\nDana\n415-555-0199',
    expected: {
      teamSize: 9,
      neighborhoods: ['North Beach', 'Jackson Square'],
      moveInDate: '2027-04-01',
      monthlyBudget: 9500,
    },
  },
  {
    id: 'per-seat-words',
    body: 'We are fifteen people and our CFO says $700 a seat is the ceiling. SoMa or FiDi. Need a conference room.',
    expected: {
      teamSize: 15,
      monthlyBudget: 10500,
      neighborhoods: ['SoMa', 'Financial District'],
      meetingRooms: true,
    },
  },
  {
    id: 'no-meeting-rooms',
    body: "Team of 4, we don't need meeting rooms, just desks. Around $3,800/month. Castro.",
    expected: { teamSize: 4, meetingRooms: false, monthlyBudget: 3800, neighborhoods: ['Castro'] },
  },
  {
    id: 'end-of-quarter',
    body: 'We are looking to move by the end of February with our 16 engineers. Budget is 20k/mo. Must have 24/7 access and parking for 5 cars.',
    expected: {
      moveInDate: '2027-02-28',
      teamSize: 16,
      monthlyBudget: 20000,
      afterHours: true,
      parking: true,
      parkingSpots: 5,
    },
  },
  {
    id: 'year-lease-words',
    body: "We'd commit to a one year lease. 8 people. $8,800/month. Hayes or Mission.",
    expected: {
      leaseMonths: 12,
      teamSize: 8,
      monthlyBudget: 8800,
      neighborhoods: ['Hayes Valley', 'Mission'],
    },
  },
  {
    id: 'headcount',
    body: 'Headcount is 22. We need two meeting rooms and space in Union Square or the Financial District. Monthly budget $25,000. Starting Q3.',
    expected: {
      teamSize: 22,
      meetingRooms: true,
      neighborhoods: ['Union Square', 'Financial District'],
      monthlyBudget: 25000,
      moveInDate: '2027-07-01',
    },
  },
  {
    id: 'bike-no-parking',
    body: "Hi! Small team (3 of us), we're all cyclists so parking isn't needed. $3k budget, Potrero Hill preferred, from Feb 1st.",
    expected: {
      teamSize: 3,
      parking: false,
      monthlyBudget: 3000,
      neighborhoods: ['Potrero Hill'],
      moveInDate: '2027-02-01',
    },
  },
  {
    id: 'allergy-no-dogs',
    body: 'Team of 10 with a colleague who is allergic, so no dogs please. Budget around 11k. SoMa.',
    expected: { teamSize: 10, dogFriendly: false, monthlyBudget: 11000, neighborhoods: ['SoMa'] },
  },
  {
    id: 'plain-12',
    body: 'We have 12 employees and are looking for an office in the Presidio with parking. Around $14,500 per month. Lease for 2 years.',
    expected: {
      teamSize: 12,
      neighborhoods: ['Presidio'],
      parking: true,
      monthlyBudget: 14500,
      leaseMonths: 24,
    },
  },
  {
    id: 'may-verb',
    body: 'We may need space for 6 people soon. Budget $6,000. Dogpatch or Potrero.',
    expected: { teamSize: 6, monthlyBudget: 6000, neighborhoods: ['Dogpatch', 'Potrero Hill'] },
  },
  {
    id: 'may-month',
    body: 'Looking to move in May. 5 person team, $5,500 a month, need after-hours access.',
    expected: { moveInDate: '2027-05-01', teamSize: 5, monthlyBudget: 5500, afterHours: true },
  },
  {
    id: 'next-year-dec',
    sentAt: '2026-11-20T10:00:00Z',
    body: 'We want to start in January, 8 people, up to 9k per month, in the Mission.',
    expected: { moveInDate: '2027-01-01', teamSize: 8, monthlyBudget: 9000, neighborhoods: ['Mission'] },
  },
  {
    id: 'weekend-work',
    body: 'We often work nights and weekends. Team of 13. Need a space with meeting rooms in SoMa, budget $14k.',
    expected: {
      afterHours: true,
      teamSize: 13,
      meetingRooms: true,
      neighborhoods: ['SoMa'],
      monthlyBudget: 14000,
    },
  },
  {
    id: 'between-range',
    body: 'Our budget is between 7 and 9k monthly for a team of 7. Hayes Valley, ideally.',
    expected: { monthlyBudget: 9000, teamSize: 7, neighborhoods: ['Hayes Valley'] },
  },
  {
    id: 'desks-for',
    body: 'Need desks for 18 in the Financial District. $19,000/month max. Parking for 2.',
    expected: {
      teamSize: 18,
      neighborhoods: ['Financial District'],
      monthlyBudget: 19000,
      parking: true,
      parkingSpots: 2,
    },
  },
  {
    id: 'lease-term-words',
    body: 'We are a team of five and want a short term: 6 months. Budget five thousand. North Beach.',
    expected: { teamSize: 5, leaseMonths: 6, monthlyBudget: 5000, neighborhoods: ['North Beach'] },
  },
  {
    id: 'dog-and-parking-negated-one',
    body: "We have a golden retriever who comes to work. Parking is not required. We're 7 people, $8k/month. Move in early April.",
    expected: {
      dogFriendly: true,
      parking: false,
      teamSize: 7,
      monthlyBudget: 8000,
      moveInDate: '2027-04-01',
    },
  },
  {
    id: 'three-neighborhoods',
    body: 'Looking in SoMa, Mission Bay or Dogpatch for 20 people. Budget $22,000. We need 24/7 access and a couple of meeting rooms.',
    expected: {
      neighborhoods: ['SoMa', 'Mission Bay', 'Dogpatch'],
      teamSize: 20,
      monthlyBudget: 22000,
      afterHours: true,
      meetingRooms: true,
    },
  },
  {
    id: 'fi-di-lowercase',
    body: 'hey - fidi, 4 ppl, 5k, asap',
    expected: {
      neighborhoods: ['Financial District'],
      teamSize: 4,
      monthlyBudget: 5000,
      moveInDate: '2027-01-12',
    },
  },
  {
    id: 'forty',
    body: 'We are forty people moving from the East Bay. Need 35+ desks, 6 parking spots, after hours access. Mission Bay. $40k/month.',
    expected: {
      teamSize: 40,
      parkingSpots: 6,
      parking: true,
      afterHours: true,
      neighborhoods: ['Mission Bay'],
      monthlyBudget: 40000,
    },
  },
  {
    id: 'march-fifteenth',
    body: 'Team of 6. Move-in March 15th. $7,200 per month. Conference room needed.',
    expected: { teamSize: 6, moveInDate: '2027-03-15', monthlyBudget: 7200, meetingRooms: true },
  },
  {
    id: 'eight-person',
    body: 'Eight-person design studio looking at Hayes Valley. Budget about $8,500 a month. Our studio dog needs to come along.',
    expected: { teamSize: 8, neighborhoods: ['Hayes Valley'], monthlyBudget: 8500, dogFriendly: true },
  },
  {
    id: 'no-budget-yet',
    body: "Hi there, we're 9 people and starting to look for an office in Jackson Square. We haven't set a budget yet. Could we see something next week?",
    expected: { teamSize: 9, neighborhoods: ['Jackson Square'] },
  },
  {
    id: 'union-sq-abbrev',
    body: 'Union Sq area, 11 staff, $12k, 3 year lease, meeting rooms essential.',
    expected: {
      neighborhoods: ['Union Square'],
      teamSize: 11,
      monthlyBudget: 12000,
      leaseMonths: 36,
      meetingRooms: true,
    },
  },
  {
    id: 'south-of-market',
    body: 'We are looking South of Market for 17 people. Up to $18,500 per month, starting June.',
    expected: { neighborhoods: ['SoMa'], teamSize: 17, monthlyBudget: 18500, moveInDate: '2027-06-01' },
  },
  {
    id: 'two-cars',
    body: "Small team of 2, but we'll need parking for 2 cars. $2,500/mo. Presidio or Castro.",
    expected: {
      teamSize: 2,
      parking: true,
      parkingSpots: 2,
      monthlyBudget: 2500,
      neighborhoods: ['Presidio', 'Castro'],
    },
  },
  {
    id: 'hayes-only-nickname',
    body: 'Anything in Hayes for a team of 5? Budget around $6,000, from February.',
    expected: { neighborhoods: ['Hayes Valley'], teamSize: 5, monthlyBudget: 6000, moveInDate: '2027-02-01' },
  },
  {
    id: 'after-hours-negated',
    body: 'Team of 8, regular 9-5 so no after-hours access needed. $9,000 budget. Mission.',
    expected: { teamSize: 8, afterHours: false, monthlyBudget: 9000, neighborhoods: ['Mission'] },
  },
  {
    id: 'in-two-months',
    body: 'We need to move in two months. 10 people, $10k/mo, meeting room please.',
    expected: { moveInDate: '2027-03-01', teamSize: 10, monthlyBudget: 10000, meetingRooms: true },
  },
  {
    id: 'people-typo',
    body: 'Were 6 peple looking for a space in North Beach, with parking, $6k a month, 12-month lease.',
    expected: {
      teamSize: 6,
      neighborhoods: ['North Beach'],
      parking: true,
      monthlyBudget: 6000,
      leaseMonths: 12,
    },
  },
  {
    id: 'usd',
    body: 'Budget USD 9,500 per month. Team size: 9. Location: Financial District. Need a board room.',
    expected: { monthlyBudget: 9500, teamSize: 9, neighborhoods: ['Financial District'], meetingRooms: true },
  },
  {
    id: 'avoid-neighborhood',
    body: "We'd like to avoid SoMa; Hayes Valley or the Castro instead. Team of 7, $7,500 max.",
    expected: { neighborhoods: ['Hayes Valley', 'Castro'], teamSize: 7, monthlyBudget: 7500 },
  },
  {
    id: 'long-rambling',
    body: "Hello Tandem team,\n\nI hope this finds you well. I'm the office manager at a small architecture practice. We've been in a shared space in West Oakland for three years and are ready for our own place in the city. There are 14 of us today.\n\nWhat matters: natural light, a couple of meeting rooms for client reviews, and parking for 3 cars for site visits. We don't need 24/7 access. Budget is $15,000 a month, give or take. We'd like to move in by April 1 and sign for 2 years.\n\nThanks so much,\nRuth",
    expected: {
      teamSize: 14,
      meetingRooms: true,
      parking: true,
      parkingSpots: 3,
      afterHours: false,
      monthlyBudget: 15000,
      moveInDate: '2027-04-01',
      leaseMonths: 24,
    },
  },
  {
    id: 'dogs-welcome-question',
    body: 'Are dogs allowed? We are 4 people and need something from March in the Castro for under $4,500.',
    expected: {
      dogFriendly: true,
      teamSize: 4,
      moveInDate: '2027-03-01',
      neighborhoods: ['Castro'],
      monthlyBudget: 4500,
    },
  },
  {
    id: 'seats',
    body: 'Looking for 20 seats in Mission Bay, must be available Q2, $1,000 per seat budget.',
    expected: {
      teamSize: 20,
      neighborhoods: ['Mission Bay'],
      moveInDate: '2027-04-01',
      monthlyBudget: 20000,
    },
  },
  {
    id: 'in-q1-same-quarter',
    body: 'Team of 3 looking for something this quarter, ideally Q1, at $3,200/month, Potrero Hill.',
    expected: { teamSize: 3, moveInDate: '2027-01-12', monthlyBudget: 3200, neighborhoods: ['Potrero Hill'] },
  },
  {
    id: 'thirty-five-k',
    body: 'We are 32 people. Budget $35k per month. Parking for 8 cars. 5 year lease. Financial District or Jackson Square.',
    expected: {
      teamSize: 32,
      monthlyBudget: 35000,
      parking: true,
      parkingSpots: 8,
      leaseMonths: 60,
      neighborhoods: ['Financial District', 'Jackson Square'],
    },
  },
  {
    id: 'no-requirements',
    body: 'Thanks for the tour yesterday! We will get back to you soon.',
    expected: {},
  },
];
