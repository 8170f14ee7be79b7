import { managerProcedure, router } from '../trpc';
import { getMetricsSummary } from './queries';
import { metricsSummaryInput } from './schemas';

export const metricsRouter = router({
  summary: managerProcedure
    .input(metricsSummaryInput)
    .query(({ ctx, input }) =>
      getMetricsSummary(ctx.db, { ...input, organizationId: ctx.viewer.organizationId }),
    ),
});
