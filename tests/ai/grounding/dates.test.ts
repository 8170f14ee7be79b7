import { family } from './cases';

// Mission Loft available from 2027-01-01, SoMa Studio from 2026-12-15 (a Tuesday); the email came 2026-11-29.
family('dates', {
  pass: [
    'Mission Loft is available from January 1, 2027.',
    'Mission Loft is available from Jan 1.',
    'SoMa Studio is available from Dec. 15.',
    'SoMa Studio frees up on Tuesday, December 15.',
    'You could move in to Mission Loft on January 10.',
    'SoMa Studio is available from 2026-12-15.',
    'We could see SoMa Studio tomorrow at 9am.',
  ],
  fail: [
    ['Mission Loft is available from December 15.', 'December 15'],
    ['Mission Loft is available from Dec 1.', 'Dec 1'],
    ['SoMa Studio frees up on Wednesday, December 15.', 'Wednesday, December 15'],
    ['You could move in to Mission Loft on December 20.', 'December 20'],
    ['We could see SoMa Studio tomorrow at 10am.', 'tomorrow at 10am'],
  ],
});
