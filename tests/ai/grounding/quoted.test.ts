import { SIGNATURE } from '../fixtures';
import { family } from './cases';

const quoted = (text: string) =>
  `Mission Loft is $12,500/month.\n\nOn Sun, Nov 29, 2026 at 10:00 AM Priya wrote:\n> ${text}`;

family('quoted, forwarded and signature text', {
  pass: [
    quoted('Is it still $9,500 with 9 meeting rooms and free parking?'),
    'Mission Loft is $12,500/month.\n\n> You said 3 meeting rooms and $11k?',
    `Mission Loft is $12,500/month.\n\n---------- Forwarded message ----------\nFrom: Sam\nSubject: office\nWe heard it is $8,000 with 5 meeting rooms.`,
    `Mission Loft is $12,500/month.\n\n${SIGNATURE}`,
  ],
  fail: [
    [quoted('Is it still $9,500?').replace('$12,500/month', '$9,500/month'), '$9,500/month'],
    ['Mission Loft has 3 meeting rooms.\n\n> You said 3 meeting rooms?', '3 meeting rooms'],
  ],
});
