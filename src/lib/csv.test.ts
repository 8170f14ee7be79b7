import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from './csv';

describe('parseCsv', () => {
  const cases: Array<[string, string, string[][]]> = [
    ['an empty document', '', []],
    ['one record without a line break', 'a,b,c', [['a', 'b', 'c']]],
    [
      'LF line ends',
      'a,b\nc,d\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'CRLF line ends',
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['a lone CR as a line end', 'a\rb', [['a'], ['b']]],
    ['empty fields', ',a,,\n', [['', 'a', '', '']]],
    ['a quoted comma', '"a,b",c', [['a,b', 'c']]],
    ['an escaped quote', '"say ""hi""",x', [['say "hi"', 'x']]],
    [
      'a line break inside quotes',
      '"line 1\r\nline 2",x\r\ny,z',
      [
        ['line 1\r\nline 2', 'x'],
        ['y', 'z'],
      ],
    ],
    ['an empty quoted field', '"",a', [['', 'a']]],
    ['a byte-order mark', '\uFEFFname\nA', [['name'], ['A']]],
    ['a blank line in the middle', 'a\n\nb', [['a'], [''], ['b']]],
    ['a quote inside an unquoted field', 'ab"c,d', [['ab"c', 'd']]],
    ['unicode', 'Café ☕,"naïve, 東京"', [['Café ☕', 'naïve, 東京']]],
    ['a trailing comma at the end', 'a,', [['a', '']]],
  ];
  it.each(cases)('reads %s', (_name, text, expected) => {
    expect(parseCsv(text)).toEqual(expected);
  });

  it('refuses a quote that never closes, naming the line it opened on', () => {
    expect(() => parseCsv('a\n"open,b\nc')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"open,b\nc')).toThrow('CSV line 2');
  });

  it('refuses text after a closing quote', () => {
    expect(() => parseCsv('"a"b,c')).toThrow('text after a closing quote');
  });

  it('reads 5,000 records quickly', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `ref-${i},"Name ${i}, SF",${i}`).join('\r\n');
    const started = performance.now();
    const records = parseCsv(text);
    expect(records).toHaveLength(5000);
    expect(records[4999]).toEqual(['ref-4999', 'Name 4999, SF', '4999']);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
