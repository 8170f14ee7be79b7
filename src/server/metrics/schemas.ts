import { z } from 'zod';
import { EARLIEST_YEAR, isSaneDate, LATEST_YEAR } from '../../lib/input-policy';

const day = z.iso
  .date({ message: 'a day as YYYY-MM-DD' })
  .refine((value) => isSaneDate(new Date(`${value}T00:00:00Z`)), {
    message: `a day between ${EARLIEST_YEAR} and ${LATEST_YEAR}`,
  });

/** Whole UTC days, both ends included; the last 14 days when left out. */
export const metricsSummaryInput = z.object({ from: day.optional(), to: day.optional() }).default({});
export type MetricsSummaryInput = z.infer<typeof metricsSummaryInput>;
