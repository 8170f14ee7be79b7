import { describe, expect, it } from 'vitest';
import { type HighlightableIssue, locateIssues, segmentBody } from './highlight';

const body =
  'Hi Marcus,\n\nThe rent is $16,500/month.\nParking is available at $150/month.\nThere are 4 meeting rooms.';
const parkingAt = body.indexOf('$150/month');

function marked(text: string, issues: HighlightableIssue[]) {
  return segmentBody(text, issues)
    .filter((segment) => segment.issueIndex !== null)
    .map((segment) => [segment.issueIndex, segment.text]);
}

describe('evidence highlighting', () => {
  it.each<[string, string, HighlightableIssue[], Array<[number | null, string]>]>([
    [
      'marks the exact words given by the offsets',
      body,
      [{ claim: '$150/month', severity: 'error', start: parkingAt, end: parkingAt + 10 }],
      [[0, '$150/month']],
    ],
    [
      'searches for the claim when there are no offsets (regex characters in the claim are literal)',
      body,
      [{ claim: '$150/month', severity: 'error' }],
      [[0, '$150/month']],
    ],
    [
      'searches for the claim when the body was edited and the offsets point elsewhere',
      `PS: hello.\n${body}`,
      [{ claim: '$150/month', severity: 'error', start: parkingAt, end: parkingAt + 10 }],
      [[0, '$150/month']],
    ],
    [
      'ignores offsets outside the body',
      body,
      [{ claim: '4 meeting rooms', severity: 'warning', start: 500, end: 515 }],
      [[0, '4 meeting rooms']],
    ],
    [
      'matches regardless of case and of how whitespace was wrapped',
      'Parking is\navailable AT  $150/month.',
      [{ claim: 'available at $150/month', severity: 'error' }],
      [[0, 'available AT  $150/month']],
    ],
    ['leaves out a claim that is not in the body', body, [{ claim: 'dogs welcome', severity: 'error' }], []],
    ['leaves out an empty claim', body, [{ claim: '   ', severity: 'warning' }], []],
    [
      'gives overlapping words to the error, not the warning',
      body,
      [
        { claim: 'available at $150/month', severity: 'warning' },
        { claim: '$150/month', severity: 'error' },
      ],
      [[1, '$150/month']],
    ],
    [
      'marks two issues with the same claim on two occurrences',
      'Tour Tuesday at 2pm or Tuesday at 4pm.',
      [
        { claim: 'Tuesday', severity: 'warning' },
        { claim: 'Tuesday', severity: 'warning' },
      ],
      [
        [0, 'Tuesday'],
        [1, 'Tuesday'],
      ],
    ],
    [
      'handles unicode around the claim (emoji are two code units)',
      '🐶 Dogs: ✅ welcome — café on site',
      [{ claim: 'café', severity: 'warning' }],
      [[0, 'café']],
    ],
    [
      'orders highlights by position, not by issue order',
      body,
      [
        { claim: '4 meeting rooms', severity: 'error' },
        { claim: '$16,500/month', severity: 'error' },
      ],
      [
        [1, '$16,500/month'],
        [0, '4 meeting rooms'],
      ],
    ],
  ])('%s', (_name, text, issues, expected) => {
    expect(marked(text, issues)).toEqual(expected);
  });

  it('cuts the body into runs that join back into exactly the body', () => {
    const issues: HighlightableIssue[] = [
      { claim: '$150/month', severity: 'error' },
      { claim: 'Hi', severity: 'warning' },
      { claim: 'rooms.', severity: 'warning' },
    ];
    const segments = segmentBody(body, issues);
    expect(segments.map((segment) => segment.text).join('')).toBe(body);
    for (const segment of segments)
      expect(body.slice(segment.start, segment.start + segment.text.length)).toBe(segment.text);
  });

  it('returns one plain run for an empty body', () => {
    expect(segmentBody('', [{ claim: 'x', severity: 'error' }])).toEqual([
      { text: '', start: 0, issueIndex: null },
    ]);
  });

  it('finds a claim at the end of a huge body', () => {
    const huge = `${'lorem ipsum dolor '.repeat(20_000)}parking is $150/month`;
    const [located] = locateIssues(huge, [{ claim: '$150/month', severity: 'error' }]);
    expect(located && huge.slice(located.start, located.end)).toBe('$150/month');
  });
});
