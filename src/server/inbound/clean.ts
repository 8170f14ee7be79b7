/** Pure text handling for inbound mail: sanitizing, quote and signature stripping, address parsing. */

export const MAX_BODY_CHARS = 100_000;
export const MAX_SUBJECT_CHARS = 998;

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X'))
      return safeCodePoint(Number.parseInt(code.slice(2), 16), whole);
    if (code.startsWith('#')) return safeCodePoint(Number.parseInt(code.slice(1), 10), whole);
    return entities[code.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(point: number, fallback: string) {
  if (!Number.isFinite(point) || point <= 0 || point > 0x10ffff) return fallback;
  return String.fromCodePoint(point);
}

/** Plain text from an HTML body: scripts and styles dropped, blocks become line breaks. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|head)[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|tr|h[1-6]|blockquote)\s*>/gi, '\n')
      .replace(/<blockquote[^>]*>/gi, '\n> ')
      .replace(/<[^>]*>/g, ''),
  );
}

/**
 * What we store as the email's text: line endings normalised, NUL and other control characters
 * removed (PostgreSQL refuses NUL in text), trailing spaces trimmed, capped in size.
 */
export function sanitizeText(text: string, maxChars = MAX_BODY_CHARS): string {
  const cleaned = text
    .replace(/\r\n?/g, '\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[\u200b\u2028\u2029\ufeff]/g, (char) => (char === '\u2028' || char === '\u2029' ? '\n' : ''))
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{4,}/g, '\n\n\n')
    .trim();
  return cleaned.length > maxChars ? cleaned.slice(0, maxChars) : cleaned;
}

/** A subject on one line, sanitized and capped. */
export function sanitizeSubject(subject: string): string {
  const line = sanitizeText(subject.replace(/[\r\n\t]+/g, ' '), MAX_SUBJECT_CHARS).replace(/\s{2,}/g, ' ');
  return line || '(no subject)';
}

/** The email's text: its plain part when there is one, else its HTML turned into text. */
export function bodyFromParts(parts: { text?: string | null; html?: string | null }): string {
  if (parts.text?.trim()) return sanitizeText(parts.text);
  if (parts.html?.trim()) return sanitizeText(htmlToText(parts.html));
  return '';
}

// Where quoted history starts: "On Tue, … wrote:", Outlook's header block, forwarded markers.
const historyStarts: RegExp[] = [
  /^On\s.{1,200}\s(wrote|schrieb|a écrit|escribió):\s*$/i,
  /^Le\s.{1,200}\sa écrit\s?:\s*$/i,
  /^-{2,}\s*(Original Message|Forwarded message)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
  /^From:\s.+$/i,
  /^Begin forwarded message:\s*$/i,
];

const signatureStarts: RegExp[] = [
  /^--$/,
  /^Sent from my (iPhone|iPad|Android|mobile device|Galaxy|phone)\b.*$/i,
  /^Get Outlook for (iOS|Android)\s*$/i,
];

/**
 * The new text of a reply, for drafting: quoted history (`>` lines, "On … wrote:" and everything
 * after it, forwarded/original-message blocks) and the signature (after "-- ", "Sent from my
 * iPhone") are stripped. The full text is kept elsewhere; this is only what the drafter reads.
 * Falls back to the whole text when stripping would leave nothing.
 */
export function stripQuotedAndSignature(body: string): string {
  const lines = body.split('\n');
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const trimmed = line.trim();
    if (historyStarts.some((pattern) => pattern.test(trimmed))) {
      // "From: x" only starts history when a Sent:/Date:/To: line follows (Outlook's header block).
      if (/^From:\s/i.test(trimmed)) {
        const next = lines.slice(index + 1, index + 4).join('\n');
        if (!/^(Sent|Date|To|Subject):\s/im.test(next)) {
          kept.push(line);
          continue;
        }
      }
      break;
    }
    // Gmail wraps a long "On … wrote:" over two lines.
    if (/^On\s.{1,200}$/i.test(trimmed) && /^.{0,200}\bwrote:\s*$/i.test((lines[index + 1] ?? '').trim()))
      break;
    if (signatureStarts.some((pattern) => pattern.test(trimmed))) break;
    if (trimmed.startsWith('>')) continue;
    kept.push(line);
  }
  const clean = kept.join('\n').trim();
  return clean || body.trim();
}

export type ParsedAddress = { address: string; name: string | null };

/** `"Priya Shah" <priya@acme.example>` or a bare address; null when there is no address in it. */
export function parseAddress(value: string): ParsedAddress | null {
  const trimmed = value.trim();
  const angled = /^(.*)<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$/.exec(trimmed);
  const raw = angled ? angled[2] : trimmed;
  if (!raw || !/^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/.test(raw)) return null;
  const name =
    angled?.[1]
      ?.trim()
      .replace(/^"(.*)"$/, '$1')
      .trim() || null;
  return { address: raw.toLowerCase(), name };
}

/** A Message-ID in its canonical form, angle brackets included; null when it is not one. */
export function normalizeMessageId(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (!trimmed) return null;
  const inner = trimmed.replace(/^<|>$/g, '').trim();
  if (!inner || /\s/.test(inner)) return null;
  return `<${inner}>`;
}

/** Every Message-ID in a References / In-Reply-To header. */
export function parseMessageIdList(value: string | null | undefined): string[] {
  if (!value) return [];
  const angled = value.match(/<[^<>\s]+>/g);
  if (angled) return angled;
  return value
    .split(/[\s,]+/)
    .map((part) => normalizeMessageId(part))
    .filter((id): id is string => id !== null);
}

const freeMailDomains = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'fastmail.com',
]);

function titleCase(words: string) {
  return words
    .split(/[\s._-]+/)
    .filter(Boolean)
    .map((word) => `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`)
    .join(' ');
}

/** A first guess at who is writing: the company from the domain, else the person's name. */
export function guessSeeker(sender: ParsedAddress): { seekerName: string; companyName: string } {
  const [local = '', domain = ''] = sender.address.split('@');
  const seekerName = sender.name ?? titleCase(local);
  if (freeMailDomains.has(domain)) return { seekerName, companyName: seekerName };
  const labels = domain.split('.');
  // The registrable label: "mail.acme.co.uk" → "acme".
  const meaningful = labels.length > 2 && labels.at(-2)?.length === 2 ? labels.at(-3) : labels.at(-2);
  return { seekerName, companyName: titleCase(meaningful ?? domain) || seekerName };
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A value PostgreSQL will store as text or jsonb: NUL removed (text and jsonb refuse it) and lone
 * UTF-16 surrogates replaced (jsonb refuses them), at any depth of arrays and plain objects. Anything else is kept as it is.
 */
export function toStorable<T>(value: T): T {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing NUL is the point
  if (typeof value === 'string') return value.replace(/\u0000/g, '').replace(loneSurrogate, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map((item) => toStorable(item)) as T;
  const prototype = typeof value === 'object' && value !== null ? Object.getPrototypeOf(value) : undefined;
  // Plain objects only: a Date (or any class instance) is kept as it is.
  if (prototype === Object.prototype || prototype === null) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [
        toStorable(key),
        toStorable(item),
      ]),
    ) as T;
  }
  return value;
}

/** True when `toStorable` would change the string. */
export function needsRepair(value: string): boolean {
  loneSurrogate.lastIndex = 0;
  return value.includes('\u0000') || loneSurrogate.test(value);
}
