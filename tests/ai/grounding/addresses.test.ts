import { family } from './cases';

family('addresses and internet', {
  pass: [
    'Mission Loft is at 2180 Bryant St in the Mission.',
    'SoMa Studio, 650 Townsend St, has 500 Mbps internet.',
    'Mission Loft has 1 Gbps fiber.',
  ],
  fail: [
    ['Mission Loft is at 500 Market St.', '500 Market St'],
    ['SoMa Studio is at 650 Brannan St.', '650 Brannan St'],
    ['Mission Loft has 10 Gbps internet.', '10 Gbps'],
    ['SoMa Studio has 1 Gbps internet.', '1 Gbps'],
  ],
});
