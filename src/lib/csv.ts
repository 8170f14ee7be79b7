/**
 * Reads a CSV document (RFC 4180): fields split by commas, records by CRLF or LF; a field in
 * double quotes may hold commas, line breaks and `""` for a quote. A leading byte-order mark is
 * dropped, and a last line break does not start an empty record. Throws `CsvSyntaxError` with the
 * line of the problem for a quote that never closes or text after a closing quote.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let atFieldStart = true;

  const endField = () => {
    record.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };

  while (i < text.length) {
    const char = text[i];
    if (atFieldStart && char === '"') {
      const startLine = line;
      i += 1;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError('a quoted field is never closed', startLine);
        const inner = text[i];
        if (inner === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (inner === '\n') line += 1;
        field += inner;
        i += 1;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
        throw new CsvSyntaxError('text after a closing quote', line);
      atFieldStart = false;
      continue;
    }
    atFieldStart = false;
    if (char === ',') {
      endField();
      i += 1;
    } else if (char === '\r' || char === '\n') {
      endRecord();
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
    } else {
      field += char;
      i += 1;
    }
  }
  // A document that ends without a line break still has its last record.
  if (!atFieldStart || field !== '' || record.length > 0) endRecord();
  return records;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
  ) {
    super(`CSV line ${line}: ${reason}`);
  }
}
