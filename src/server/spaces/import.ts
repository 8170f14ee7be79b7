import { and, eq, inArray, sql } from 'drizzle-orm';
import { spaces } from '../../../db/schema';
import { CsvSyntaxError, parseCsv } from '../../lib/csv';
import { type Actor, recordAudits } from '../audit';
import { type Executor, withTransaction } from '../db';
import { type CsvColumn, requiredCsvHeaders, spaceCsvColumns } from './csv-columns';
import { MAX_IMPORT_ROWS, type SpaceFields, spaceFields } from './schemas';
import { spaceColumns } from './service';

export type ImportError = { row: number; field: string; message: string };
export type ParsedRow = { row: number; fields: SpaceFields };

const byHeader = new Map(spaceCsvColumns.map((c) => [c.header.toLowerCase(), c]));

/** Undoes the export's formula guard (`'=x` → `=x`), so an exported file re-imports as it was. */
const unguard = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

const truthy = new Set(['true', 'yes', 'y', '1']);
const falsy = new Set(['false', 'no', 'n', '0']);

function readCell(raw: string, kind: CsvColumn['kind']): { value: unknown } | { error: string } {
  const text = unguard(raw.trim());
  switch (kind) {
    case 'text':
    case 'date':
      return { value: text };
    case 'int':
    case 'number': {
      const plain = text.replace(/^\$/, '').replace(/,(?=\d{3}(\D|$))/g, '');
      const ok = kind === 'int' ? /^-?\d+$/.test(plain) : /^-?\d+(\.\d+)?$/.test(plain);
      if (!ok) return { error: kind === 'int' ? 'must be a whole number' : 'must be a number' };
      return { value: Number(plain) };
    }
    case 'bool': {
      const lower = text.toLowerCase();
      if (truthy.has(lower)) return { value: true };
      if (falsy.has(lower)) return { value: false };
      return { error: 'must be true or false' };
    }
    case 'slots':
      return {
        value: text
          .split(';')
          .map((slot) => slot.trim())
          .filter(Boolean),
      };
    case 'ints': {
      const parts = text
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean);
      if (parts.some((part) => !/^\d+$/.test(part))) return { error: 'must be whole numbers separated by ;' };
      return { value: parts.map(Number) };
    }
  }
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown) {
  let current = target;
  for (const key of path.slice(0, -1)) {
    const next = current[key];
    if (next && typeof next === 'object') current = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      current[key] = created;
      current = created;
    }
  }
  const last = path.at(-1);
  if (last) current[last] = value;
}

/** A zod path as the CSV header that holds it (`availability.tuesday.1` → `availability.tuesday`). */
function headerOf(path: PropertyKey[]): string {
  const keys = path.filter((key): key is string => typeof key === 'string');
  for (let length = keys.length; length > 0; length -= 1) {
    const candidate = keys.slice(0, length).join('.');
    if (byHeader.has(candidate.toLowerCase())) return candidate;
  }
  return keys.join('.') || 'row';
}

/**
 * Reads a spaces CSV into validated rows and every problem, by row (as a spreadsheet counts them:
 * the header is row 1) and field (the column's header). Pure: nothing is read or written.
 */
export function readSpacesCsv(csv: string): { rows: ParsedRow[]; errors: ImportError[] } {
  let records: string[][];
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      return { rows: [], errors: [{ row: error.line, field: 'csv', message: error.reason }] };
    throw error;
  }
  const errors: ImportError[] = [];
  const [header, ...body] = records;
  if (!header || header.every((cell) => cell.trim() === '')) {
    return {
      rows: [],
      errors: [{ row: 1, field: 'csv', message: 'the file is empty; the first row names the columns' }],
    };
  }

  const columns: Array<CsvColumn | null> = [];
  const seen = new Set<string>();
  header.forEach((cell) => {
    const name = cell.trim();
    const found = byHeader.get(name.toLowerCase()) ?? null;
    if (name === '') columns.push(null);
    else if (!found) {
      errors.push({ row: 1, field: name, message: 'is not a space field' });
      columns.push(null);
    } else if (seen.has(found.header)) {
      errors.push({ row: 1, field: found.header, message: 'appears twice in the header' });
      columns.push(null);
    } else {
      seen.add(found.header);
      columns.push(found);
    }
  });
  for (const required of requiredCsvHeaders)
    if (!seen.has(required)) errors.push({ row: 1, field: required, message: 'column is missing' });
  if (errors.length > 0) return { rows: [], errors };
  if (body.length > MAX_IMPORT_ROWS)
    return { rows: [], errors: [{ row: 1, field: 'csv', message: `has more than ${MAX_IMPORT_ROWS} rows` }] };

  const rows: ParsedRow[] = [];
  const references = new Map<string, number>();
  body.forEach((record, index) => {
    const row = index + 2;
    if (record.every((cell) => cell.trim() === '')) return;
    if (record.length > header.length) {
      errors.push({
        row,
        field: 'row',
        message: `has ${record.length} cells but the header names ${header.length}`,
      });
      return;
    }
    const draft: Record<string, unknown> = {};
    const rowErrors: ImportError[] = [];
    columns.forEach((column, position) => {
      const raw = record[position] ?? '';
      if (!column || raw.trim() === '') return;
      const cell = readCell(raw, column.kind);
      if ('error' in cell) rowErrors.push({ row, field: column.header, message: cell.error });
      else setAt(draft, column.path, cell.value);
    });
    const parsed = spaceFields.safeParse(draft);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = headerOf(issue.path);
        // A cell that failed to read already has its own message.
        if (!rowErrors.some((e) => e.field === field)) rowErrors.push({ row, field, message: issue.message });
      }
    }
    if (parsed.success && parsed.data.reference) {
      const earlier = references.get(parsed.data.reference);
      if (earlier) rowErrors.push({ row, field: 'reference', message: `is also used by row ${earlier}` });
      else references.set(parsed.data.reference, row);
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else if (parsed.success) rows.push({ row, fields: parsed.data });
  });
  return { rows, errors };
}

/** Rows per INSERT: ~20 parameters a row stays far below Postgres's 65,535 per statement. */
const BATCH = 1000;

/**
 * Imports a spaces CSV: every row is written, in one transaction, or none is (any error, or a dry
 * run). A row whose `reference` the organization already has updates that space (its revision
 * bumped), instead of creating a second one.
 */
export async function importSpaces(
  executor: Executor,
  params: { csv: string; dryRun?: boolean; organizationId: string; actor: Actor },
) {
  const { rows, errors } = readSpacesCsv(params.csv);
  if (errors.length > 0 || params.dryRun) {
    const existing =
      params.dryRun && errors.length === 0 ? await countExisting(executor, params.organizationId, rows) : 0;
    return {
      created: errors.length > 0 ? 0 : rows.length - existing,
      updated: errors.length > 0 ? 0 : existing,
      errors,
      dryRun: params.dryRun ?? false,
    };
  }

  // One transaction: an import is all its rows and their audit events, or nothing.
  return withTransaction(executor, async (tx) => {
    let created = 0;
    let updated = 0;
    const now = new Date();
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const written = await tx
        .insert(spaces)
        .values(
          batch.map(({ fields }) => ({ ...spaceColumns(fields), organizationId: params.organizationId })),
        )
        .onConflictDoUpdate({
          target: [spaces.organizationId, spaces.reference],
          set: {
            name: sql`excluded.name`,
            address: sql`excluded.address`,
            neighborhood: sql`excluded.neighborhood`,
            hostCompany: sql`excluded.host_company`,
            hostEmail: sql`excluded.host_email`,
            hostContext: sql`excluded.host_context`,
            monthlyRate: sql`excluded.monthly_rate`,
            desks: sql`excluded.desks`,
            squareFeet: sql`excluded.square_feet`,
            availableFrom: sql`excluded.available_from`,
            amenities: sql`excluded.amenities`,
            availability: sql`excluded.availability`,
            detailedAmenities: sql`excluded.detailed_amenities`,
            revision: sql`${spaces.revision} + 1`,
            updatedAt: now,
          },
        })
        // xmax is 0 only on a freshly inserted row version: tells a create from an update.
        .returning({
          id: spaces.id,
          reference: spaces.reference,
          name: spaces.name,
          isNew: sql<boolean>`xmax = 0`,
        });
      await recordAudits(
        tx,
        written.map((space) => ({
          organizationId: params.organizationId,
          actor: params.actor,
          action: space.isNew ? 'space.created' : 'space.updated',
          entityType: 'space' as const,
          entityId: space.id,
          details: { name: space.name, reference: space.reference, via: 'import' },
        })),
      );
      for (const space of written) {
        if (space.isNew) created += 1;
        else updated += 1;
      }
    }
    return { created, updated, errors, dryRun: false };
  });
}

async function countExisting(db: Executor, organizationId: string, rows: ParsedRow[]) {
  const references = rows.flatMap((row) => (row.fields.reference ? [row.fields.reference] : []));
  if (references.length === 0) return 0;
  const [result] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(spaces)
    .where(and(eq(spaces.organizationId, organizationId), inArray(spaces.reference, references)));
  return result?.count ?? 0;
}
