import { router } from '../trpc';

export const inboundRouter = router({});
