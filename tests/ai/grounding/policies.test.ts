import { family } from './cases';

// Mission Loft: dogs allowed, 24/7, utilities included, parking $275. SoMa Studio: no dogs, 6am–11pm, street-only.
family('policies', {
  pass: [
    'Dogs are welcome at Mission Loft.',
    'SoMa Studio does not allow dogs.',
    'Mission Loft has 24/7 access.',
    'SoMa Studio is open 6am–11pm.',
    'SoMa Studio has no dedicated parking: street parking only.',
    'Utilities are included at Mission Loft.',
  ],
  fail: [
    ['Dogs are welcome at SoMa Studio.', 'Dogs are welcome'],
    ['Mission Loft does not allow dogs.', 'does not allow dogs'],
    ['SoMa Studio has 24/7 access.', '24/7'],
    ['SoMa Studio is open 7am–8pm.', '7am–8pm'],
    ['SoMa Studio has dedicated parking.', 'dedicated parking'],
    ['Parking is included at Mission Loft.', 'Parking is included'],
  ],
});
