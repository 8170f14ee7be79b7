import { router } from '../trpc';

export const dealsRouter = router({});
