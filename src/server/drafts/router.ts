import { draftGenerator } from '../ai';
import { listDevMailbox } from '../mail/dev-mailbox';
import { authedProcedure, router } from '../trpc';
import { requestOverride } from './attention';
import { archiveDrafts, assignDrafts } from './ownership';
import { getDraft, listDrafts } from './queries';
import {
  approveDraftInput,
  archiveDraftInput,
  archiveDraftsInput,
  assignDraftsInput,
  editDraftInput,
  getDraftInput,
  listDraftsInput,
  regenerateDraftInput,
  requestOverrideInput,
  restoreDraftInput,
  retryDeliveryInput,
  sendDraftInput,
  switchVersionInput,
  undoSendInput,
} from './schemas';
import {
  approveDraft,
  archiveDraft,
  editDraft,
  regenerateDraft,
  restoreDraft,
  retryDelivery,
  sendDraft,
  switchDraftVersion,
  undoSend,
} from './service';

export const draftsRouter = router({
  list: authedProcedure.input(listDraftsInput).query(({ ctx, input }) =>
    listDrafts(ctx.db, {
      ...input,
      organizationId: ctx.viewer.organizationId,
      viewerId: ctx.viewer.userId,
      role: ctx.viewer.role,
    }),
  ),
  get: authedProcedure.input(getDraftInput).query(({ ctx, input }) =>
    getDraft(ctx.db, {
      id: input.id,
      organizationId: ctx.viewer.organizationId,
      role: ctx.viewer.role,
      viewerId: ctx.viewer.userId,
    }),
  ),
  edit: authedProcedure
    .input(editDraftInput)
    .mutation(({ ctx, input }) => editDraft(ctx.db, { ...input, actor: ctx.viewer })),
  regenerate: authedProcedure
    .input(regenerateDraftInput)
    .mutation(({ ctx, input }) =>
      regenerateDraft(ctx.db, { ...input, actor: ctx.viewer, generator: draftGenerator() }),
    ),
  switchVersion: authedProcedure
    .input(switchVersionInput)
    .mutation(({ ctx, input }) => switchDraftVersion(ctx.db, { ...input, actor: ctx.viewer })),
  approve: authedProcedure
    .input(approveDraftInput)
    .mutation(({ ctx, input }) => approveDraft(ctx.db, { ...input, actor: ctx.viewer })),
  send: authedProcedure
    .input(sendDraftInput)
    .mutation(({ ctx, input }) => sendDraft(ctx.db, { ...input, actor: ctx.viewer })),
  undoSend: authedProcedure
    .input(undoSendInput)
    .mutation(({ ctx, input }) => undoSend(ctx.db, { id: input.id, actor: ctx.viewer })),
  retryDelivery: authedProcedure
    .input(retryDeliveryInput)
    .mutation(({ ctx, input }) => retryDelivery(ctx.db, { id: input.id, actor: ctx.viewer })),
  archive: authedProcedure
    .input(archiveDraftInput)
    .mutation(({ ctx, input }) => archiveDraft(ctx.db, { ...input, actor: ctx.viewer })),
  restore: authedProcedure
    .input(restoreDraftInput)
    .mutation(({ ctx, input }) => restoreDraft(ctx.db, { id: input.id, actor: ctx.viewer })),
  /** Sets the deals' owner (a draft's assignee is its deal's owner); agents may only take drafts for themselves. */
  assign: authedProcedure
    .input(assignDraftsInput)
    .mutation(({ ctx, input }) => assignDrafts(ctx.db, { ...input, actor: ctx.viewer })),
  /** The bulk bar's Archive: the selection in one transaction, an audit event per draft. */
  archiveMany: authedProcedure
    .input(archiveDraftsInput)
    .mutation(({ ctx, input }) => archiveDrafts(ctx.db, { ...input, actor: ctx.viewer })),
  /** An agent's "Ask a manager" on a failed draft; it shows in the managers' Attention view. */
  requestOverride: authedProcedure
    .input(requestOverrideInput)
    .mutation(({ ctx, input }) => requestOverride(ctx.db, { ...input, actor: ctx.viewer })),
  /** What was "sent" without Resend (the /dev/mailbox page); NOT_FOUND where Resend does the sending. */
  devMailbox: authedProcedure.query(({ ctx }) =>
    listDevMailbox(ctx.db, {
      organizationId: ctx.viewer.organizationId,
      includeAccountMail: ctx.viewer.role === 'admin',
    }),
  ),
});
