import { router } from '../trpc';

export const metricsRouter = router({});
