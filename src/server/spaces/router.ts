import { userActor } from '../audit';
import { authedProcedure, managerProcedure, router } from '../trpc';
import { spaceToCsvRow } from './csv-columns';
import { importSpaces } from './import';
import { allSpaces, getSpace, listNeighborhoods, listSpaces } from './queries';
import {
  createSpaceInput,
  importSpacesInput,
  listSpacesInput,
  MAX_IMPORT_CHARS,
  spaceIdInput,
  updateSpaceInput,
} from './schemas';
import { archiveSpace, createSpace, restoreSpace, updateSpace } from './service';

/** Everyone reads the inventory; managers and admins keep it. */
export const spacesRouter = router({
  list: authedProcedure
    .input(listSpacesInput)
    .query(({ ctx, input }) => listSpaces(ctx.db, { ...input, organizationId: ctx.viewer.organizationId })),
  neighborhoods: authedProcedure.query(({ ctx }) =>
    listNeighborhoods(ctx.db, { organizationId: ctx.viewer.organizationId }),
  ),
  /** The export's rows, in the CSV's column order (GET /api/export/spaces writes them). */
  exportRows: authedProcedure.query(async ({ ctx }) =>
    (await allSpaces(ctx.db, { organizationId: ctx.viewer.organizationId })).map(spaceToCsvRow),
  ),
  get: authedProcedure
    .input(spaceIdInput)
    .query(({ ctx, input }) => getSpace(ctx.db, { id: input.id, organizationId: ctx.viewer.organizationId })),
  create: managerProcedure.input(createSpaceInput).mutation(({ ctx, input }) =>
    createSpace(ctx.db, {
      ...input,
      organizationId: ctx.viewer.organizationId,
      actor: userActor(ctx.viewer.userId),
    }),
  ),
  update: managerProcedure.input(updateSpaceInput).mutation(({ ctx, input }) =>
    updateSpace(ctx.db, {
      ...input,
      organizationId: ctx.viewer.organizationId,
      actor: userActor(ctx.viewer.userId),
    }),
  ),
  archive: managerProcedure.input(spaceIdInput).mutation(({ ctx, input }) =>
    archiveSpace(ctx.db, {
      id: input.id,
      organizationId: ctx.viewer.organizationId,
      actor: userActor(ctx.viewer.userId),
    }),
  ),
  restore: managerProcedure.input(spaceIdInput).mutation(({ ctx, input }) =>
    restoreSpace(ctx.db, {
      id: input.id,
      organizationId: ctx.viewer.organizationId,
      actor: userActor(ctx.viewer.userId),
    }),
  ),
  import: managerProcedure
    .meta({ maxStringLength: MAX_IMPORT_CHARS })
    .input(importSpacesInput)
    .mutation(({ ctx, input }) =>
      importSpaces(ctx.db, {
        ...input,
        organizationId: ctx.viewer.organizationId,
        actor: userActor(ctx.viewer.userId),
      }),
    ),
});
