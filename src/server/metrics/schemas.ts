import { z } from 'zod';

const day = z.iso.date({ message: 'a day as YYYY-MM-DD' });

/** Whole UTC days, both ends included; the last 14 days when left out. */
export const metricsSummaryInput = z.object({ from: day.optional(), to: day.optional() }).default({});
export type MetricsSummaryInput = z.infer<typeof metricsSummaryInput>;
