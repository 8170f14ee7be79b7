import { family } from './cases';

// No discount, free rent, deposit waiver, fee waiver or host commitment is on record; key cards are $25.
family('concessions and commitments', {
  pass: [
    'Key cards at Mission Loft are $25 each.',
    "I'll ask the host whether a free first month is possible and come back to you today.",
    'There is no discount on Mission Loft at the moment.',
    'Mission Loft is available from January 1, 2027.',
    'Would a 10% discount change your decision?',
  ],
  fail: [
    ['The host will give you a 10% discount at Mission Loft.', '10% discount'],
    ['Mission Loft comes with the first month free.', 'first month free'],
    ['Mission Loft is available immediately.', 'available immediately'],
    ['There is no deposit at Mission Loft.', 'no deposit'],
    ['We can get the setup fees waived at Mission Loft.', 'fees waived'],
    ['Key cards at Mission Loft are free.', 'Key cards at Mission Loft are free'],
  ],
});
