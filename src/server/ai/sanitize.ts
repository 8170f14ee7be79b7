/**
 * Text hygiene at the model's edges. Inbound mail is untrusted: invisible characters can hide
 * instructions from the agent while the model still reads them, so they go before prompting.
 * Model output is shown on a page and sent as email, so it is plain text only.
 */

// Zero-width and word-joiner characters, the BOM, soft hyphen and Mongolian vowel separator.
const ZERO_WIDTH = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/g;
// Bidi embeddings, overrides and isolates (the "Trojan Source" characters) and the LRM/RLM/ALM marks.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// Unicode tag characters (U+E0000–U+E007F) spell ASCII invisibly.
const TAG_CHARACTERS = /[\u{E0000}-\u{E007F}]/gu;
// Variation selectors, including the supplementary ones used to smuggle bytes.
const VARIATION_SELECTORS = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;
// C0/C1 controls other than tab and newline.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Removes characters a reader cannot see but a model can. */
export function stripInvisible(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(ZERO_WIDTH, '')
    .replace(BIDI_CONTROLS, '')
    .replace(TAG_CHARACTERS, '')
    .replace(VARIATION_SELECTORS, '')
    .replace(CONTROL_CHARACTERS, '');
}

/** Inbound text made safe to quote in a prompt: invisible characters gone, NFKC-normalised. */
export function sanitizeInbound(text: string): string {
  return stripInvisible(text.normalize('NFKC'));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** What a model returned, as plain text: no tags, no invisible characters, tidy whitespace. */
export function toPlainText(text: string): string {
  const withoutTags = text
    .replace(/<\s*(script|style)[^>]*>[\s\S]*?<\s*\/\s*\1\s*>/gi, '')
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\s*\/\s*p\s*>/gi, '\n\n')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_match, name: string) => ENTITIES[name] ?? '');
  // A tag rebuilt from decoded entities ("&lt;b&gt;") must not survive either.
  const stillTagged = withoutTags.replace(/<\/?[a-z][^>]*>/gi, '');
  return stripInvisible(stillTagged)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
