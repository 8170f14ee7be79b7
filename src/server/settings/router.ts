import { adminProcedure, authedProcedure, router } from '../trpc';
import {
  cancelInvitation,
  changeMemberRole,
  inviteMember,
  membersOverview,
  removeMember,
  resendInvitation,
} from './members';
import {
  cancelInvitationInput,
  changeRoleInput,
  invitationInput,
  inviteMemberInput,
  memberInput,
  signatureInput,
  updateSettingsInput,
} from './schemas';
import { settingsOverview, updateSettings } from './service';
import { mySignature, updateMySignature } from './signature';

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
  removeMember: adminProcedure
    .input(memberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.viewer, input.memberId)),
  invite: adminProcedure
    .input(inviteMemberInput)
    .mutation(({ ctx, input }) => inviteMember(ctx.db, ctx.viewer, input)),
  resendInvitation: adminProcedure
    .input(invitationInput)
    .mutation(({ ctx, input }) => resendInvitation(ctx.db, ctx.viewer, input.invitationId)),
  cancelInvitation: adminProcedure
    .input(cancelInvitationInput)
    .mutation(({ ctx, input }) => cancelInvitation(ctx.db, ctx.viewer, input.invitationId)),
  /** Every member's own signature, whatever their role. */
  mySignature: authedProcedure.query(({ ctx }) => mySignature(ctx.db, ctx.viewer)),
  updateMySignature: authedProcedure
    .input(signatureInput)
    .mutation(({ ctx, input }) => updateMySignature(ctx.db, ctx.viewer, input.signature)),
});
