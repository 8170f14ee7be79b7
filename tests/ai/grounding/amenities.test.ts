import { family } from './cases';

// Mission Loft: full kitchen, nightly cleaning, 1 Gbps fiber, in the Mission. SoMa Studio: no kitchen on record,
// weekly cleaning, 500 Mbps, in SoMa.
family('qualitative amenities', {
  pass: [
    'Mission Loft has a full kitchen.',
    'Cleaning at Mission Loft is nightly.',
    'SoMa Studio gets weekly cleaning.',
    'Mission Loft has fiber internet.',
    'Mission Loft is in the Mission.',
    'SoMa Studio is right in SoMa.',
    'Utilities are included at Mission Loft.',
  ],
  fail: [
    ['Mission Loft has a kitchenette.', 'kitchenette'],
    ['Cleaning at Mission Loft is weekly.', 'Cleaning at Mission Loft is weekly'],
    ['SoMa Studio gets nightly cleaning.', 'nightly cleaning'],
    ['SoMa Studio has fiber internet.', 'fiber'],
    ['Mission Loft is in Dogpatch.', 'Dogpatch'],
  ],
});
