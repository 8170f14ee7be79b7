import { family } from './cases';

// Mission Loft has 4 parking spots at $275; a quantity the seeker might take is not an availability claim.
family('hypothetical quantities', {
  pass: [
    'Two parking spots at Mission Loft would be $550/month.',
    'If you need 3 spots at Mission Loft, that would be $825/month.',
    'For your 2 cars, Mission Loft parking comes to $550/month.',
    'Mission Loft has 4 parking spots in the garage.',
  ],
  fail: [
    ['Mission Loft has 9 parking spots in the garage.', '9 parking spots'],
    ['Two parking spots at Mission Loft would be $500/month.', '$500/month'],
    ['If you need 3 spots at Mission Loft, that would be $800/month.', '$800/month'],
  ],
});
