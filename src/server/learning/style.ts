/**
 * Style memory, as counts: what a sent edit says about how an organization writes (its greeting,
 * its closing line, its length, the phrases agents delete from drafts and the ones they add), and
 * the profile those counts add up to. Pure; the table and its upserts live in `style-service.ts`.
 */
import type { StyleObservationKind } from '../../../db/schema';
import { normaliseBody, wordRuns } from './similarity';

export type StyleObservation = { kind: StyleObservationKind; phrase: string };

/** An item is used once agents did it this many times (one edit is an accident, two a habit). */
export const MIN_STYLE_COUNT = 2;
const MAX_PHRASE_WORDS = 20;
const MIN_PHRASE_WORDS = 3;
const MAX_GREETING_WORDS = 6;
const MAX_SIGN_OFF_WORDS = 16;
/** Lengths are counted in buckets of this many words: "about 100 words" is a habit, 97 is not. */
const LENGTH_BUCKET = 25;

const NAME = '{name}';

/** The lines the sender wrote: no signature, no quoted history, no blank lines. */
function ownLines(body: string, signature: string): string[] {
  let text = body.replace(/\r\n?/g, '\n');
  const sig = signature.replace(/\r\n?/g, '\n').trim();
  if (sig) {
    const at = text.lastIndexOf(sig);
    if (at >= 0) text = text.slice(0, at);
  }
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (
      /^--\s?$/.test(trimmed) ||
      /^on\s.{0,200}\swrote:$/i.test(trimmed) ||
      /^-{2,}\s*original message/i.test(trimmed)
    )
      break;
    if (trimmed.startsWith('>') || !trimmed) continue;
    lines.push(trimmed.replace(/\s+/g, ' '));
  }
  return lines;
}

const wordCount = (text: string) => (text ? text.split(/\s+/).filter(Boolean).length : 0);

/** "Hello Dana," → "Hello {name},"; null when the first line is not a greeting. */
export function greetingOf(line: string | undefined, firstName: string): string | null {
  if (!line || wordCount(line) > MAX_GREETING_WORDS || /\d/.test(line)) return null;
  const isGreeting =
    /^(hi|hello|hey|dear|good (morning|afternoon|evening)|greetings|morning|afternoon|thanks|thank you)\b/i.test(
      line,
    ) ||
    (firstName.length > 1 && line.includes(firstName) && line.endsWith(','));
  if (!isGreeting) return null;
  if (firstName.length > 1) return line.split(firstName).join(NAME);
  return line;
}

/** The closing line before the signature ("Talk soon,", "Happy to set up a call if easier."). */
export function signOffOf(lines: string[]): string | null {
  if (lines.length < 2) return null;
  const last = lines[lines.length - 1] ?? '';
  if (wordCount(last) > MAX_SIGN_OFF_WORDS || /\d|\$/.test(last)) return null;
  return last;
}

/** Words as phrases are compared: lower case, no punctuation at either end. */
export function phraseWords(text: string): string[] {
  return normaliseBody(text)
    .toLowerCase()
    .split(' ')
    .map((word) => word.replace(/^[^\p{L}\p{N}$]+|[^\p{L}\p{N}%]+$/gu, ''))
    .filter(Boolean);
}

export const normalisePhrase = (text: string) => phraseWords(text).join(' ');

const isStylePhrase = (phrase: string) => {
  const words = phrase.split(' ');
  // A run with a figure in it is a fact, not style: the knowledge proposals take those.
  return words.length >= MIN_PHRASE_WORDS && words.length <= MAX_PHRASE_WORDS && !/\d/.test(phrase);
};

/**
 * What one sent edit teaches: the greeting and closing line the sender kept or wrote, the length
 * bucket, and the runs of words deleted from and added to the AI version (three to twenty words,
 * no figures). Nothing when the reply was sent as drafted: an unedited send teaches nothing new.
 */
export function observeStyle(
  draftBody: string,
  sentBody: string,
  options: { signature?: string; seekerName?: string; spaceNames?: string[] } = {},
): StyleObservation[] {
  const signature = options.signature ?? '';
  const spaces = options.spaceNames ?? [];
  const firstName = (options.seekerName ?? '').trim().split(/\s+/)[0] ?? '';
  const sentLines = ownLines(sentBody, signature);
  const draftLines = ownLines(draftBody, signature);
  if (sentLines.join('\n') === draftLines.join('\n')) return [];
  const found: StyleObservation[] = [];

  const greeting = greetingOf(sentLines[0], firstName);
  if (greeting) found.push({ kind: 'greeting', phrase: greeting });
  const signOff = signOffOf(sentLines);
  if (signOff) found.push({ kind: 'signOff', phrase: signOff });
  const words = wordCount(sentLines.join(' '));
  if (words > 0) {
    const bucket = Math.max(LENGTH_BUCKET, Math.round(words / LENGTH_BUCKET) * LENGTH_BUCKET);
    found.push({ kind: 'length', phrase: `~${bucket} words` });
  }

  // Phrases from the middle only: the greeting and closing lines are counted above.
  const middle = (lines: string[]) => {
    const from = greetingOf(lines[0], firstName) ? 1 : 0;
    const to = signOffOf(lines) ? lines.length - 1 : lines.length;
    return phraseWords(withSpacePlaceholder(lines.slice(from, Math.max(from, to)).join(' '), spaces));
  };
  const runs = wordRuns(middle(draftLines), middle(sentLines));
  const seen = new Set<string>();
  for (const [kind, list] of [
    ['deleted', runs.deleted],
    ['added', runs.added],
  ] as const) {
    for (const phrase of list) {
      const key = `${kind}:${phrase}`;
      if (!isStylePhrase(phrase) || seen.has(key)) continue;
      seen.add(key);
      found.push({ kind, phrase });
    }
  }
  return found;
}

export type StyleItem = {
  id: number;
  kind: StyleObservationKind;
  phrase: string;
  count: number;
  isRemoved: boolean;
};

/** What the drafters use: each item seen at least twice and not removed by an admin. */
export type StyleProfile = {
  greeting: string | null;
  signOff: string | null;
  typicalWords: number | null;
  avoid: string[];
  add: string[];
};

export const EMPTY_STYLE: StyleProfile = {
  greeting: null,
  signOff: null,
  typicalWords: null,
  avoid: [],
  add: [],
};

const MAX_PHRASES = 8;

export function styleProfile(items: Array<Omit<StyleItem, 'id'>>): StyleProfile {
  const live = items
    .filter((item) => !item.isRemoved && item.count >= MIN_STYLE_COUNT)
    .sort((a, b) => b.count - a.count || a.phrase.localeCompare(b.phrase));
  const top = (kind: StyleObservationKind) => live.find((item) => item.kind === kind)?.phrase ?? null;
  const length = top('length');
  return {
    greeting: top('greeting'),
    signOff: top('signOff'),
    typicalWords: length ? Number(length.replace(/\D/g, '')) || null : null,
    avoid: live
      .filter((item) => item.kind === 'deleted')
      .slice(0, MAX_PHRASES)
      .map((item) => item.phrase),
    add: live
      .filter((item) => item.kind === 'added')
      .slice(0, MAX_PHRASES)
      .map((item) => item.phrase),
  };
}

/** "Hello {name}," for Dana → "Hello Dana,". */
export function fillGreeting(template: string, firstName: string) {
  return template.split(NAME).join(firstName);
}

/** "Thanks for your note about SoMa Studio" and "… about Castro Flat" are one habit: `{space}`. */
export function withSpacePlaceholder(text: string, spaceNames: string[]) {
  let result = text;
  for (const name of [...spaceNames].sort((a, b) => b.length - a.length))
    if (name.trim()) result = result.split(name).join(' spaceplaceholder ');
  return result;
}

/** Whether a sentence of a template carries a phrase agents keep deleting. */
export function carriesAvoided(sentence: string, avoid: string[], spaceNames: string[] = []) {
  if (avoid.length === 0) return false;
  const words = ` ${normalisePhrase(withSpacePlaceholder(sentence, spaceNames))} `;
  return avoid.some((phrase) => words.includes(` ${phrase} `));
}

/** "happy to set up a call" → "Happy to set up a call." */
export function asSentence(phrase: string) {
  const text = phrase.charAt(0).toUpperCase() + phrase.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
