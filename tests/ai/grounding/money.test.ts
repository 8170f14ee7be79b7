import { family } from './cases';

// Mission Loft $12,500, parking $275/month, key cards $25, dog deposit $500; SoMa Studio $9,800.
family('money', {
  pass: [
    'The rent at Mission Loft is $12,500/mo.',
    'Mission Loft is 12.5k a month.',
    'SoMa Studio is 9800 dollars a month.',
    'Parking at Mission Loft costs USD 275 monthly.',
    'Key cards at Mission Loft are $25 each.',
    'The dog deposit at Mission Loft is $500.',
    'Mission Loft, with its garage parking, is $12,500/month.',
  ],
  fail: [
    ['Mission Loft is $11,500/month.', '$11,500/month'],
    ['Parking at Mission Loft is $265/month.', '$265/month'],
    ['Key cards at Mission Loft are $35 each.', '$35'],
    ['The dog deposit at Mission Loft is $400.', '$400'],
    ['Parking at Mission Loft is $9,800/month.', '$9,800/month'],
  ],
});
