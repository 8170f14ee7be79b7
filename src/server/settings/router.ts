import { adminProcedure, router } from '../trpc';
import { cancelInvitationInput, changeRoleInput, inviteMemberInput, updateSettingsInput } from './schemas';
import {
  cancelInvitation,
  changeMemberRole,
  inviteMember,
  membersOverview,
  settingsOverview,
  updateSettings,
} from './service';

export const settingsRouter = router({
  /** The organization's settings and the webhook URL to give Resend. */
  get: adminProcedure.query(({ ctx }) => settingsOverview(ctx.db, ctx.viewer.organizationId)),
  update: adminProcedure
    .input(updateSettingsInput)
    .mutation(({ ctx, input }) => updateSettings(ctx.db, ctx.viewer, input)),
  members: adminProcedure.query(({ ctx }) => membersOverview(ctx.db, ctx.viewer.organizationId)),
  changeRole: adminProcedure
    .input(changeRoleInput)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.viewer, input)),
  invite: adminProcedure
    .input(inviteMemberInput)
    .mutation(({ ctx, input }) => inviteMember(ctx.db, ctx.viewer, ctx.headers, input)),
  cancelInvitation: adminProcedure
    .input(cancelInvitationInput)
    .mutation(({ ctx, input }) => cancelInvitation(ctx.db, ctx.viewer, ctx.headers, input.invitationId)),
});
