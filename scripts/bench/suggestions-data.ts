import { sql } from 'drizzle-orm';
import { db } from '../../src/server/db';

/** The bench inventory of `bench:suggestions`, also used by the query-plan guard test. */
export const BENCH_ORGANIZATION = 'org_tandem_demo';
const NEIGHBORHOODS = [
  'Mission',
  'Hayes Valley',
  'SoMa',
  'Financial District',
  'Dogpatch',
  'Potrero Hill',
  'North Beach',
  'Mission Bay',
  'Castro',
  'Presidio',
  'Union Square',
  'Jackson Square',
];

/** 10,000 spaces in the demo brokerage, varied in rate, desks, neighbourhood and must-haves; idempotent. */
export async function addSuggestionBenchSpaces(count: number) {
  await db.execute(sql`
    insert into spaces (organization_id, reference, name, address, neighborhood, host_company, host_email, amenities,
      availability, monthly_rate, detailed_amenities, desks, square_feet, available_from)
    select ${BENCH_ORGANIZATION}, 'bench-suggest-' || n, 'Bench Space ' || n, n || ' Market St, San Francisco, CA',
      (${`{${NEIGHBORHOODS.map((h) => `"${h}"`).join(',')}}`}::text[])[1 + n % ${NEIGHBORHOODS.length}],
      'Bench Host ' || (n % 97), 'host' || (n % 97) || '@bench.example',
      jsonb_build_object('parking', n % 3 = 0, 'dogFriendly', n % 4 = 0, 'afterHours', n % 2 = 0, 'meetingRooms', n % 5 <> 0),
      '{"tuesday":["2pm"],"thursday":["3pm"]}'::jsonb,
      3000 + (n * 37) % 22000, '{}'::jsonb, 2 + (n * 13) % 60, 400 + (n * 29) % 9000,
      date '2027-01-01' + (n % 180)
    from generate_series(1, ${count}) as n
    on conflict do nothing`);
  await db.execute(sql`vacuum analyze spaces`);
}
