import { family } from './cases';

// Budget $13,000; Mission Loft $12,500, SoMa Studio $9,800.
family('budget comparisons', {
  pass: [
    'Mission Loft comes in under your $13,000 budget.',
    'At $12,500/month, Mission Loft is within your budget.',
    'SoMa Studio is $9,800/month, well below your budget.',
    'With parking, Mission Loft is $12,500/month, under your $13k budget.',
    'Mission Loft at $12,500 leaves you $500 under your budget.',
  ],
  fail: [
    ['Mission Loft comes in under your $12,000 budget.', '$12,000'],
    ['At $12,500/month, Mission Loft is over your budget.', 'over'],
    ['Mission Loft at $12,500 leaves you $700 under your budget.', '$700'],
    ['With parking, Mission Loft is $12,900/month, under your $13k budget.', '$12,900/month'],
  ],
});
