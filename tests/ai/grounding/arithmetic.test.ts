import { family } from './cases';

// Mission Loft: $12,500/month, parking $275/month (4 spots), 20 desks, 3,200 sq ft; team of 12, budget $13,000.
family('arithmetic', {
  pass: [
    'Two spots at Mission Loft would be $550/month.',
    'All-in, Mission Loft comes to $13,050/month with two parking spots.',
    'Mission Loft is $12,775 a month all-in, including one parking spot.',
    'Rent plus 3 spots at Mission Loft totals $13,325/month.',
    'Over a year, Mission Loft comes to $150,000.',
    'That is $625 per desk at Mission Loft.',
    'Mission Loft works out to $3.91 per square foot per month.',
    'Parking for your 4 cars at Mission Loft would be $1,100/month.',
  ],
  fail: [
    ['Two spots at Mission Loft would be $600/month.', '$600/month'],
    ['All-in, Mission Loft comes to $13,150/month with two parking spots.', '$13,150/month'],
    ['Mission Loft is $12,875 a month all-in, including one parking spot.', '$12,875 a month'],
    ['Over a year, Mission Loft comes to $160,000.', '$160,000'],
    ['That is $700 per desk at Mission Loft.', '$700'],
    // $9,800 − $275 is $9,525, but no sentence says so: two unrelated records do not excuse a figure.
    ['Parking at Mission Loft is $9,525/month.', '$9,525/month'],
    ['Parking at Mission Loft is $550/month.', '$550/month'],
  ],
});
