import { describe, expect, it } from 'vitest';
import {
  bodyFromParts,
  guessSeeker,
  MAX_BODY_CHARS,
  normalizeMessageId,
  parseAddress,
  parseMessageIdList,
  sanitizeSubject,
  sanitizeText,
  stripQuotedAndSignature,
} from './clean';

describe('stripQuotedAndSignature', () => {
  it.each([
    ['plain text stays', 'Can we tour Tuesday?', 'Can we tour Tuesday?'],
    [
      'Gmail history',
      'Tuesday works.\n\nOn Mon, Nov 3, 2026 at 9:00 AM Alex <a@x.com> wrote:\n> old',
      'Tuesday works.',
    ],
    [
      'Gmail history wrapped over two lines',
      'Yes.\n\nOn Mon, Nov 3, 2026 at 9:00 AM Alex Agent <\na@x.com> wrote:\n> old',
      'Yes.',
    ],
    [
      'interleaved quotes are dropped',
      '> Is parking included?\nYes please.\n> Dogs?\nNo dog.',
      'Yes please.\nNo dog.',
    ],
    [
      'Outlook header block',
      'Sounds good\n\nFrom: Alex Agent\nSent: Monday\nTo: Priya\nSubject: Re: tour\n\nold',
      'Sounds good',
    ],
    ['a "From:" line in prose stays', 'From: the team, thanks!\nSee you', 'From: the team, thanks!\nSee you'],
    ['original message marker', 'Ok\n-----Original Message-----\nold', 'Ok'],
    ['forwarded marker', 'FYI\n---------- Forwarded message ---------\nold', 'FYI'],
    ['signature delimiter', 'See you then.\n--\nPriya Shah\nCEO', 'See you then.'],
    ['mobile signature', 'Great\n\nSent from my iPhone', 'Great'],
    ['French history', 'Merci\n\nLe lun. 3 nov. 2026, Alex a écrit :\n> old', 'Merci'],
    ['only a quote falls back to everything', '> just a quote', '> just a quote'],
    ['unicode survives', 'Café für 5 Personen 🙂\n\n-- \nÅsa', 'Café für 5 Personen 🙂'],
    ['empty stays empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(stripQuotedAndSignature(sanitizeText(input))).toBe(expected);
  });
});

describe('sanitizeText', () => {
  it('removes NUL and control characters, normalises line endings and trims', () => {
    expect(sanitizeText('  a\u0000b\r\nc\rd\u0007  \n\n\n\n\n\ne  ')).toBe('ab\nc\nd\n\n\ne');
  });

  it('caps a huge body', () => {
    expect(sanitizeText('x'.repeat(MAX_BODY_CHARS + 500))).toHaveLength(MAX_BODY_CHARS);
  });
});

describe('bodyFromParts', () => {
  it('prefers the text part', () => {
    expect(bodyFromParts({ text: 'plain', html: '<p>html</p>' })).toBe('plain');
  });

  it('turns HTML into text without scripts, keeping line breaks and entities', () => {
    expect(
      bodyFromParts({
        text: null,
        html: '<html><head><style>p{}</style></head><body><p>Hi &amp; welcome</p><script>alert(1)</script><div>Line&nbsp;2<br>3 &#x1F600;</div></body></html>',
      }),
    ).toBe('Hi & welcome\nLine 2\n3 😀');
  });

  it('is empty when the email has no body', () => {
    expect(bodyFromParts({ text: '  ', html: null })).toBe('');
  });
});

describe('sanitizeSubject', () => {
  it.each([
    ['Re: Tour\r\n on Tuesday', 'Re: Tour on Tuesday'],
    ['   ', '(no subject)'],
    ['x'.repeat(2000), 'x'.repeat(998)],
  ])('%j', (input, expected) => {
    expect(sanitizeSubject(input)).toBe(expected);
  });
});

describe('parseAddress', () => {
  it.each([
    ['priya@acme.example', { address: 'priya@acme.example', name: null }],
    ['"Priya Shah" <Priya@ACME.example>', { address: 'priya@acme.example', name: 'Priya Shah' }],
    ['Priya Shah <priya@acme.example>', { address: 'priya@acme.example', name: 'Priya Shah' }],
    ['<priya@acme.example>', { address: 'priya@acme.example', name: null }],
    ['not an address', null],
    ['a@b', null],
    ['', null],
  ])('%j', (input, expected) => {
    expect(parseAddress(input)).toEqual(expected);
  });
});

describe('Message-IDs', () => {
  it('normalises one id to angle brackets', () => {
    expect(normalizeMessageId('abc@x')).toBe('<abc@x>');
    expect(normalizeMessageId(' <abc@x> ')).toBe('<abc@x>');
    expect(normalizeMessageId('two words')).toBeNull();
    expect(normalizeMessageId('')).toBeNull();
  });

  it('reads every id of a References header', () => {
    expect(parseMessageIdList('<a@x> <b@y>\n <c@z>')).toEqual(['<a@x>', '<b@y>', '<c@z>']);
    expect(parseMessageIdList('a@x, b@y')).toEqual(['<a@x>', '<b@y>']);
    expect(parseMessageIdList(null)).toEqual([]);
  });
});

describe('guessSeeker', () => {
  it.each([
    [
      { address: 'jordan@brightwave.io', name: 'Jordan Lee' },
      { seekerName: 'Jordan Lee', companyName: 'Brightwave' },
    ],
    [
      { address: 'sam.ortiz@mail.acme.co.uk', name: null },
      { seekerName: 'Sam Ortiz', companyName: 'Acme' },
    ],
    [
      { address: 'kim@gmail.com', name: 'Kim Park' },
      { seekerName: 'Kim Park', companyName: 'Kim Park' },
    ],
    [
      { address: 'first-last@blue-bird.example', name: null },
      { seekerName: 'First Last', companyName: 'Blue Bird' },
    ],
  ])('%j', (sender, expected) => {
    expect(guessSeeker(sender)).toEqual(expected);
  });
});
