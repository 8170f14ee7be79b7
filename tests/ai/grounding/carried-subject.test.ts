import { family } from './cases';

// Mission Loft: 2 meeting rooms, 20 desks, $275 parking. SoMa Studio: 1 meeting room, 14 desks, street parking.
family('the space a sentence is about', {
  pass: [
    'Mission Loft is $12,500/month. It has 2 meeting rooms.',
    'SoMa Studio is $9,800/month. It has 1 meeting room and 14 desks.',
    'Mission Loft is in the Mission. Parking there is $275/month.',
    'The monthly rent for Union Square 14th Floor is not on this deal, but Mission Loft is $12,500/month.',
  ],
  fail: [
    ['SoMa Studio is $9,800/month. It has 2 meeting rooms.', '2 meeting rooms'],
    ['Mission Loft is $12,500/month. It has 14 desks.', '14 desks'],
    ['SoMa Studio is $9,800/month. Parking there is $275/month.', '$275/month'],
  ],
});
