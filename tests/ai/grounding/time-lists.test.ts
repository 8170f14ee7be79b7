import { family } from './cases';

// Mission Loft tours: Tuesday 2pm, 4pm; Wednesday 10am, 11am; Thursday 3pm.
family('times in lists', {
  pass: [
    'Mission Loft: Tuesday 2pm/4pm.',
    'We could tour Mission Loft on Wednesday at 10, 11 or Thursday at 3pm.',
    'Mission Loft has Wednesday 10am, 11am open.',
    'For Mission Loft, Tuesday at 2 or 4pm works.',
  ],
  fail: [
    ['Mission Loft: Tuesday 2pm/5pm.', '5pm'],
    ['Mission Loft has Wednesday 10am, 11am, 1pm open.', '1pm'],
    ['For Mission Loft, Tuesday at 2, 3 or 4pm works.', '3'],
  ],
});
