import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { createCaller } from '@/server/root';
import { spaceCsvHeader } from '@/server/spaces/csv-columns';
import { createTRPCContext } from '@/server/trpc';
import { csvResponse, toCsv } from '../csv';

export const dynamic = 'force-dynamic';

/** The organization's whole inventory (archived spaces too) as the CSV `spaces.import` reads back. */
export async function GET(request: Request) {
  try {
    const api = createCaller(await createTRPCContext({ headers: request.headers }));
    const rows = await api.spaces.exportRows();
    return csvResponse(
      toCsv(spaceCsvHeader, rows),
      `echo-spaces-${new Date().toISOString().slice(0, 10)}.csv`,
    );
  } catch (error) {
    if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') {
      return Response.json({ error: error.message }, { status: getHTTPStatusCodeFromError(error) });
    }
    throw error;
  }
}
