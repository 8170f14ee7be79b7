import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csvCell', () => {
  it.each([
    ['plain', 'Acme Analytics', 'Acme Analytics'],
    ['comma', 'Acme, Inc.', '"Acme, Inc."'],
    ['quote', 'The "Loft"', '"The ""Loft"""'],
    ['newline', 'line one\nline two', '"line one\nline two"'],
    ['formula', '=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['plus', '+1 555 0100', "'+1 555 0100"],
    ['minus', '-2+3', "'-2+3"],
    ['at', '@SUM(A1)', "'@SUM(A1)"],
    ['tab', '\t=1', "'\t=1"],
    ['unicode', 'Café Zürich 東京', 'Café Zürich 東京'],
    ['empty', '', ''],
  ])('writes %s text safely', (_name, input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes numbers as numbers (a negative number is data, not a formula)', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(new Date('2026-01-10T09:00:00Z'))).toBe('2026-01-10T09:00:00.000Z');
  });
});

describe('toCsv', () => {
  it('joins a header and rows with CRLF line ends', () => {
    expect(
      toCsv(
        ['company', 'budget'],
        [
          ['Acme', 13000],
          ['B, C', null],
        ],
      ),
    ).toBe('company,budget\r\nAcme,13000\r\n"B, C",\r\n');
  });
});
