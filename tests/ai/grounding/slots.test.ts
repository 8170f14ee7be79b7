import { family } from './cases';

// Mission Loft tours: Tue 2pm/4pm, Wed 10am/11am, Thu 3pm. SoMa Studio: Mon 9am/1pm, Wed 2pm, Fri 11am.
family('tour slots', {
  pass: [
    'We could tour Mission Loft Tuesday at 2.',
    'How about 2:00 PM Tue at Mission Loft?',
    'We could see Mission Loft at 4pm on Tuesday.',
    'SoMa Studio has a tour slot on Monday at 9am.',
    'Thursday afternoon works for a tour of Mission Loft.',
  ],
  fail: [
    ['We could tour Mission Loft on Tuesday at 10am.', 'Tuesday at 10am'],
    ['Mission Loft: how about 3pm Wed?', '3pm Wed'],
    ['SoMa Studio tours run Saturday at 11am.', 'Saturday at 11am'],
    ['Monday morning works for a tour of Mission Loft.', 'Monday morning'],
  ],
});
