import { router } from '../trpc';

export const spacesRouter = router({});
