import { seedContext } from '../fixtures';
import { family } from './cases';

// Northstar asked for "about 6 cars": that excuses 6 spots, never 6 meeting rooms. Potrero Yard: 4 rooms, 10 spots, 28 desks.
family(
  'counts excused only by the same thing',
  {
    pass: [
      'Potrero Yard has 4 meeting rooms.',
      'Potrero Yard has room for your 6 cars.',
      'Potrero Yard has 10 parking spots.',
      'Potrero Yard has 28 desks.',
    ],
    fail: [
      ['Potrero Yard has 6 meeting rooms.', '6 meeting rooms'],
      ['Potrero Yard has 6 desks.', '6 desks'],
      ['Potrero Yard has 12 parking spots.', '12 parking spots'],
    ],
  },
  seedContext('northstar'),
);
