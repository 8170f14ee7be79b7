import { env } from '../env';
import { publicProcedure, router } from '../trpc';
import { hasAnyOrganization } from './queries';
import { acceptInvitationInput, createOrganizationInput, invitationIdInput } from './schemas';
import { acceptInvitation, invitationOverview, setUpFirstOrganization, signUpOrganization } from './service';

/** Getting in without an account: first-run setup, open sign-up, accepting an invitation. */
export const joiningRouter = router({
  status: publicProcedure.query(async ({ ctx }) => ({
    needsSetup: !(await hasAnyOrganization(ctx.db)),
    isSignupOpen: env.isOpenSignup,
  })),
  setup: publicProcedure
    .input(createOrganizationInput)
    .mutation(({ ctx, input }) => setUpFirstOrganization(ctx.db, input)),
  signup: publicProcedure
    .input(createOrganizationInput)
    .mutation(({ ctx, input }) => signUpOrganization(ctx.db, input)),
  invitation: publicProcedure
    .input(invitationIdInput)
    .query(({ ctx, input }) => invitationOverview(ctx.db, input.id)),
  acceptInvitation: publicProcedure
    .input(acceptInvitationInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, input)),
});
