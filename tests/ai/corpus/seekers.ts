/**
 * Seeker emails, written by hand as seekers write them, each with the questions planted in it:
 * `cue` is a piece of the sentence that asks, `answerable` whether the deal's records hold the
 * answer (the drafter must answer those, and defer the others in words).
 */
export type SeekerEmail = {
  deal: string;
  subject: string;
  text: string;
  questions: Array<{ cue: string; answerable: boolean }>;
};

export const seekerEmails: SeekerEmail[] = [
  {
    deal: 'acme',
    subject: 'Re: Mission Loft',
    text: 'Hi Alex,\n\nThanks for sending this over. Is there parking at Mission Loft, and what does it run per month?\n\nPriya',
    questions: [{ cue: 'Is there parking', answerable: true }],
  },
  {
    deal: 'acme',
    subject: 'Couple of things',
    text: 'Hey! A couple of things before we commit to a tour:\n\n1. Internet speed\n2. Whether utilities are on top of rent\n3. Kitchen situation\n\nThanks,\nPriya',
    questions: [
      { cue: 'Internet speed', answerable: true },
      { cue: 'utilities', answerable: true },
      { cue: 'Kitchen situation', answerable: true },
    ],
  },
  {
    deal: 'acme',
    subject: 'Mission Loft',
    text: "Morning Alex. I'd like to understand how the cleaning works at Mission Loft, is it included or do we hire our own people?\n\nAlso wondering whether the pups can come along on day one.\n\nBest, P",
    questions: [
      { cue: 'cleaning works', answerable: true },
      { cue: 'pups can come along', answerable: true },
    ],
  },
  {
    deal: 'acme',
    subject: 'Re: Options',
    text: 'You mentioned $9,500 a month for Mission Loft when we spoke — still right?\n\nPriya',
    questions: [{ cue: '$9,500', answerable: true }],
  },
  {
    deal: 'acme',
    subject: 'Quick one',
    text: "What's the all-in monthly at Mission Loft if we take two parking spots?",
    questions: [{ cue: 'all-in monthly', answerable: true }],
  },
  {
    deal: 'acme',
    subject: 'Lease',
    text: 'Hi Alex, how long a lease is the host after? We would rather not sign for more than a year.\n\nPriya',
    questions: [{ cue: 'how long a lease', answerable: false }],
  },
  {
    deal: 'acme',
    subject: 'Re: Mission Loft',
    text: 'Looks great. Will it fit the whole team, and can we get in at 2am when we ship?\n\nP.S. is there a bike room?',
    questions: [
      { cue: 'fit the whole team', answerable: true },
      { cue: 'get in at 2am', answerable: true },
      { cue: 'bike room', answerable: false },
    ],
  },
  {
    deal: 'acme',
    subject: 'SoMa Studio?',
    text: 'Could you tell me what SoMa Studio costs and when it becomes available? We are flexible on the date.',
    questions: [{ cue: 'SoMa Studio costs', answerable: true }],
  },
  {
    deal: 'acme',
    subject: 'Meeting rooms',
    text: 'How many meeting rooms does Mission Loft have? And is there a cap on how long we can book a room for? We do long workshops.',
    questions: [
      { cue: 'How many meeting rooms', answerable: true },
      { cue: 'how long we can book', answerable: false },
    ],
  },
  {
    deal: 'acme',
    subject: 'Fwd: office questions',
    text: 'Forwarding from our ops lead, can you help with her question?\n\n---------- Forwarded message ----------\nFrom: Dana <dana@acmeanalytics.example>\nSubject: office\nDoes Mission Loft have a full kitchen or just a coffee machine?',
    questions: [{ cue: 'full kitchen', answerable: true }],
  },
  {
    deal: 'acme',
    subject: 'Tour',
    text: 'Any chance we could swing by Mission Loft Wednesday morning? Also curious whether signage on the door is allowed.',
    questions: [
      { cue: 'swing by Mission Loft Wednesday', answerable: true },
      { cue: 'signage', answerable: false },
    ],
  },
  {
    deal: 'acme',
    subject: 'Deposit',
    text: "What's the dog deposit at Mission Loft? And would the host knock anything off the rent for an 18-month term?",
    questions: [
      { cue: 'dog deposit', answerable: true },
      { cue: 'knock anything off', answerable: false },
    ],
  },
  {
    deal: 'northstar',
    subject: 'Re: Potrero Yard',
    text: "Hi Alex,\n\nI'd like to know whether parking at Potrero Yard costs extra. We have six cars most days.\n\nMarcus",
    questions: [{ cue: 'parking at Potrero Yard', answerable: true }],
  },
  {
    deal: 'northstar',
    subject: 'Rooms',
    text: 'Can meeting rooms at Potrero Yard be booked for a whole afternoon, or is there a limit?',
    questions: [{ cue: 'booked for a whole afternoon', answerable: true }],
  },
  {
    deal: 'northstar',
    subject: 'Dogpatch',
    text: 'Out of curiosity — are the spots at Dogpatch Works shared or reserved? And are utilities included there?',
    questions: [
      { cue: 'spots at Dogpatch Works shared', answerable: true },
      { cue: 'utilities included', answerable: true },
    ],
  },
  {
    deal: 'northstar',
    subject: 'Potrero Yard next steps',
    text: "We're keen. A few questions:\n- move-in date\n- how many desks\n- the internet\n- whether we can paint the walls\n\nCheers, Marcus",
    questions: [
      { cue: 'move-in date', answerable: true },
      { cue: 'how many desks', answerable: true },
      { cue: 'the internet', answerable: true },
      { cue: 'paint the walls', answerable: false },
    ],
  },
  {
    deal: 'northstar',
    subject: 'Access',
    text: 'Do we get 24/7 access at Potrero Yard? What do the key cards cost?',
    questions: [
      { cue: '24/7 access', answerable: true },
      { cue: 'key cards cost', answerable: true },
    ],
  },
  {
    deal: 'northstar',
    subject: 'Re: rent',
    text: 'Just to confirm, the rent at Potrero Yard is $14,000/month, correct?',
    questions: [{ cue: '$14,000', answerable: true }],
  },
  {
    deal: 'northstar',
    subject: 'Cleaning + kitchen',
    text: 'Is Potrero Yard cleaned every night? And is there a proper kitchen for the team lunches?',
    questions: [
      { cue: 'cleaned every night', answerable: true },
      { cue: 'proper kitchen', answerable: true },
    ],
  },
  {
    deal: 'northstar',
    subject: 'Tour on Thursday',
    text: 'Could we come see Potrero Yard on Thursday? Would love to bring our CFO.',
    questions: [{ cue: 'come see Potrero Yard on Thursday', answerable: true }],
  },
  {
    deal: 'northstar',
    subject: 'Dogs',
    text: "Not urgent, but is Potrero Yard ok with dogs? Our designer's spaniel is basically staff.",
    questions: [{ cue: 'ok with dogs', answerable: true }],
  },
  {
    deal: 'northstar',
    subject: 'Insurance',
    text: 'What insurance does the host require from subtenants? Our broker at the insurer is asking.',
    questions: [{ cue: 'insurance', answerable: false }],
  },
  {
    deal: 'lattice',
    subject: 'Union Square',
    text: 'Hi Alex, how much is parking near the Union Square space, and how many spots could we get?\n\nGrace',
    questions: [{ cue: 'how much is parking', answerable: true }],
  },
  {
    deal: 'lattice',
    subject: 'Re: Union Square 14th Floor',
    text: "What's the total per month for Union Square 14th Floor if we add one parking spot?",
    questions: [{ cue: 'total per month', answerable: true }],
  },
  {
    deal: 'lattice',
    subject: 'Kitchen and cleaning',
    text: 'Two things I forgot to ask: is there a kitchen on the 14th floor, and who handles cleaning?',
    questions: [{ cue: 'is there a kitchen', answerable: true }],
  },
  {
    deal: 'lattice',
    subject: 'Dogs?',
    text: 'I suspect the answer is no, but can my corgi come to Union Square 14th Floor?',
    questions: [{ cue: 'can my corgi come', answerable: true }],
  },
  {
    deal: 'lattice',
    subject: 'Room booking',
    text: 'How are meeting rooms booked at Union Square 14th Floor? Is there a limit per booking, we run long planning sessions.',
    questions: [
      { cue: 'How are meeting rooms booked', answerable: true },
      { cue: 'limit per booking', answerable: false },
    ],
  },
  {
    deal: 'lattice',
    subject: 'Timing',
    text: 'When could we move in? Our current lease ends December 31.\n\nP.S. can we sublet a few desks to a partner company?',
    questions: [
      { cue: 'When could we move in', answerable: true },
      { cue: 'sublet a few desks', answerable: false },
    ],
  },
  {
    deal: 'lattice',
    subject: 'Internet',
    text: 'Is the internet at Union Square 14th Floor fast enough for video all day? What speed is it?',
    questions: [{ cue: 'fast enough for video', answerable: true }],
  },
  {
    deal: 'lattice',
    subject: 'Tour Monday',
    text: 'Are you free to show us the space Monday afternoon?',
    questions: [{ cue: 'show us the space Monday', answerable: true }],
  },
  {
    deal: 'lattice',
    subject: 'Fit',
    text: 'We are 20 now and may be 26 by summer. Is the floor big enough for that?',
    questions: [{ cue: 'big enough', answerable: true }],
  },
  {
    deal: 'lattice',
    subject: 'Furniture',
    text: 'Does the 14th floor come furnished, or do we bring our own chairs? Also, is there a shower in the building?',
    questions: [
      { cue: 'come furnished', answerable: false },
      { cue: 'shower', answerable: false },
    ],
  },
  {
    deal: 'harbor',
    subject: 'Re: Presidio',
    text: 'Hello Alex,\n\nWhat does parking cost at the Presidio Officers House, and are the spots on site?\n\nOmar',
    questions: [{ cue: 'What does parking cost', answerable: true }],
  },
  {
    deal: 'harbor',
    subject: 'Hours',
    text: 'Our dispatchers start at 6am. Can they get into the Presidio Officers House that early?',
    questions: [{ cue: 'get into the Presidio Officers House that early', answerable: true }],
  },
  {
    deal: 'harbor',
    subject: 'Utilities',
    text: "I'd like to understand whether utilities are part of the rent at the Presidio, or billed separately.",
    questions: [{ cue: 'whether utilities are part of the rent', answerable: true }],
  },
  {
    deal: 'harbor',
    subject: 'Presidio numbers',
    text: 'You quoted $8,500 a month for the Presidio Officers House, is that still the number? And what would it be all-in with four spots?',
    questions: [
      { cue: '$8,500', answerable: true },
      { cue: 'all-in with four spots', answerable: true },
    ],
  },
  {
    deal: 'harbor',
    subject: 'Tour',
    text: 'Could we do a walkthrough of the Presidio Officers House on Friday?',
    questions: [{ cue: 'walkthrough', answerable: true }],
  },
  {
    deal: 'harbor',
    subject: 'Rooms and desks',
    text: 'How many meeting rooms are there, and will our 15 people fit?',
    questions: [{ cue: 'How many meeting rooms', answerable: true }],
  },
  {
    deal: 'harbor',
    subject: 'Dogs + cleaning',
    text: 'Is the Presidio ok with dogs? And how often do the cleaners come?',
    questions: [
      { cue: 'ok with dogs', answerable: true },
      { cue: 'how often do the cleaners come', answerable: true },
    ],
  },
  {
    deal: 'harbor',
    subject: 'Lease terms',
    text: 'What are the lease terms at the Presidio Officers House? Minimum term, renewal options, that kind of thing.',
    questions: [{ cue: 'lease terms', answerable: false }],
  },
  {
    deal: 'harbor',
    subject: 'Internet',
    text: 'What internet does the Presidio Officers House have? Our routing software is bandwidth-hungry.',
    questions: [{ cue: 'What internet', answerable: true }],
  },
  {
    deal: 'harbor',
    subject: 'Move in',
    text: 'When is the Presidio Officers House available from? We are hoping for early January.',
    questions: [{ cue: 'available from', answerable: true }],
  },
  {
    deal: 'fernwood',
    subject: 'Castro Flat',
    text: 'Hey Alex, is there any parking at Castro Flat? We have one car between us.\n\nLeo',
    questions: [{ cue: 'any parking at Castro Flat', answerable: true }],
  },
  {
    deal: 'fernwood',
    subject: 'Re: Castro Flat',
    text: "Quick q's: rent at Castro Flat, and can Biscuit (small terrier) come to work with us?",
    questions: [{ cue: 'rent at Castro Flat', answerable: true }],
  },
  {
    deal: 'fernwood',
    subject: 'North Beach Attic',
    text: 'Is the North Beach Attic open late? We record podcasts in the evenings. And does it have a meeting room?',
    questions: [
      { cue: 'open late', answerable: true },
      { cue: 'meeting room', answerable: true },
    ],
  },
  {
    deal: 'fernwood',
    subject: 'Saturday',
    text: 'Would Saturday morning work to see Castro Flat? Weekdays are tough for us.',
    questions: [{ cue: 'Saturday morning', answerable: true }],
  },
  {
    deal: 'fernwood',
    subject: 'Kitchen',
    text: "Does Castro Flat have a kitchen? We cook lunch together most days, it's kind of our thing.",
    questions: [{ cue: 'have a kitchen', answerable: true }],
  },
  {
    deal: 'fernwood',
    subject: 'Noise',
    text: 'How noisy is the street outside Castro Flat? We do audio work.',
    questions: [{ cue: 'How noisy', answerable: false }],
  },
  {
    deal: 'fernwood',
    subject: 'Budget check',
    text: 'You said Castro Flat was $4,900 — is that right? It would need to stay under $5,500 for us.',
    questions: [{ cue: '$4,900', answerable: true }],
  },
  {
    deal: 'fernwood',
    subject: 'Internet + utilities',
    text: "What's the internet like at Castro Flat, and are utilities included?",
    questions: [{ cue: 'internet like at Castro Flat', answerable: true }],
  },
  {
    deal: 'fernwood',
    subject: 'Move-in',
    text: 'When could we move into North Beach Attic? And is it big enough for six of us?',
    questions: [
      { cue: 'move into North Beach Attic', answerable: true },
      { cue: 'big enough for six', answerable: true },
    ],
  },
  {
    deal: 'fernwood',
    subject: 'Storage',
    text: 'Is there any storage for our gear at Castro Flat? We have a lot of mic stands.',
    questions: [{ cue: 'storage for our gear', answerable: false }],
  },
  {
    deal: 'acme',
    subject: 'Re: SoMa Studio',
    text: 'Does SoMa Studio have parking? I know you said street parking earlier but want to double check.',
    questions: [{ cue: 'Does SoMa Studio have parking', answerable: true }],
  },
  {
    deal: 'acme',
    subject: 'Heating',
    text: 'It gets cold in our current place. Is heating and air con covered at Mission Loft, or is that on us?',
    questions: [{ cue: 'heating and air con', answerable: true }],
  },
  {
    deal: 'acme',
    subject: 'Cleaning at SoMa',
    text: 'Please confirm how often SoMa Studio is cleaned.',
    questions: [{ cue: 'how often SoMa Studio is cleaned', answerable: true }],
  },
  {
    deal: 'northstar',
    subject: 'Annual',
    text: 'For the board deck: what would Potrero Yard cost us over a full year? And how long is the minimum term?',
    questions: [
      { cue: 'over a full year', answerable: true },
      { cue: 'minimum term', answerable: false },
    ],
  },
  {
    deal: 'lattice',
    subject: 'Key cards',
    text: 'How much are key cards at Union Square 14th Floor? We would need about 20.',
    questions: [{ cue: 'key cards', answerable: true }],
  },
  {
    deal: 'harbor',
    subject: 'Weekend',
    text: 'Can our team come in on weekends at the Presidio Officers House? Peak season is brutal.',
    questions: [{ cue: 'come in on weekends', answerable: true }],
  },
  {
    deal: 'fernwood',
    subject: 'Both options',
    text: 'Between Castro Flat and North Beach Attic, which one allows dogs? Also any idea about bike parking?',
    questions: [
      { cue: 'which one allows dogs', answerable: true },
      { cue: 'bike parking', answerable: false },
    ],
  },
  {
    deal: 'lattice',
    subject: 'Cleaning',
    text: 'Wanted to check whether cleaning is included at the Union Square space and how often.',
    questions: [{ cue: 'cleaning is included', answerable: true }],
  },
  {
    deal: 'northstar',
    subject: 'Dogpatch Works desks',
    text: 'If Potrero falls through, how many desks does Dogpatch Works have?',
    questions: [{ cue: 'how many desks does Dogpatch Works', answerable: true }],
  },
  {
    deal: 'acme',
    subject: 'Thinking it over',
    text: 'Hi Alex — two things on my mind: whether the Mission Loft garage has room for 3 cars, and if we can sign a 6-month deal.\n\nPriya',
    questions: [{ cue: 'two things on my mind', answerable: true }],
  },
  {
    deal: 'acme',
    subject: 'Re: Mission Loft',
    text: 'Can you remind me what Mission Loft costs, and is the wifi decent? Oh and the kitchen — is there one?',
    questions: [
      { cue: 'what Mission Loft costs', answerable: true },
      { cue: 'the kitchen', answerable: true },
    ],
  },
];
