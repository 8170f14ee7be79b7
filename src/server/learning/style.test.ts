import { describe, expect, it } from 'vitest';
import { carriesAvoided, observeStyle, styleProfile } from './style';

const SIGNATURE = 'Best,\nAlex Agent';
const draft = `Hi Dana,\n\nThanks for your note about Mission Loft.\n\nParking is $275/month.\n\nLet me know what works, and I will confirm with the host.\n\n${SIGNATURE}`;

describe('observeStyle', () => {
  it('reads the greeting, closing line, length and the phrases deleted and added', () => {
    const sent = `Hello Dana,\n\nParking is $275/month. Happy to set up a call if that is easier.\n\nTalk soon,\n\n${SIGNATURE}`;
    const found = observeStyle(draft, sent, {
      signature: SIGNATURE,
      seekerName: 'Dana Lee',
      spaceNames: ['Mission Loft'],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        { kind: 'greeting', phrase: 'Hello {name},' },
        { kind: 'signOff', phrase: 'Talk soon,' },
        { kind: 'length', phrase: '~25 words' },
        { kind: 'deleted', phrase: 'thanks for your note about spaceplaceholder' },
        { kind: 'added', phrase: 'happy to set up a call if that is easier' },
      ]),
    );
  });

  it.each([
    ['an unedited send', draft],
    ['a send that only changed whitespace', draft.replace(/\n\n/g, '\n\n\n')],
  ])('learns nothing from %s', (_, sent) => {
    expect(observeStyle(draft, sent, { signature: SIGNATURE, seekerName: 'Dana' })).toEqual([]);
  });

  it('never counts a figure as style', () => {
    const sent = draft.replace('Parking is $275/month.', 'Parking is $300/month in the garage next door.');
    const found = observeStyle(draft, sent, { signature: SIGNATURE, seekerName: 'Dana' });
    expect(found.filter((item) => /\d/.test(item.phrase) && item.kind !== 'length')).toEqual([]);
  });
});

describe('styleProfile', () => {
  it('uses items seen twice that no admin removed, the most seen first', () => {
    const profile = styleProfile([
      { kind: 'greeting', phrase: 'Hello {name},', count: 3, isRemoved: false },
      { kind: 'greeting', phrase: 'Hi {name},', count: 5, isRemoved: true },
      { kind: 'signOff', phrase: 'Talk soon,', count: 1, isRemoved: false },
      { kind: 'deleted', phrase: 'let me know what works', count: 2, isRemoved: false },
      { kind: 'length', phrase: '~75 words', count: 4, isRemoved: false },
    ]);
    expect(profile).toEqual({
      greeting: 'Hello {name},',
      signOff: null,
      typicalWords: 75,
      avoid: ['let me know what works'],
      add: [],
    });
    expect(carriesAvoided('Let me know what works, and I will confirm.', profile.avoid)).toBe(true);
    expect(carriesAvoided('Let me know.', profile.avoid)).toBe(false);
  });
});
