/**
 * Server validation errors (tRPC BAD_REQUEST with zod's field errors) as sentences that say what to
 * do: "Reply target must be at least 1 hour", never "Too small: expected number to be >=1".
 * One mapping for every form; a form names its fields (and their units) once.
 */
export type FieldText = { label: string /** singular: "hour" → "1 hour", "24 hours" */; unit?: string };

const count = (n: number, unit: string | undefined) =>
  unit ? `${n.toLocaleString('en-US')} ${unit}${n === 1 ? '' : 's'}` : n.toLocaleString('en-US');

/** Zod's message for one field, said for people. Messages already written for people pass through. */
export function fieldErrorSentence(message: string, field: FieldText): string {
  const { label, unit } = field;
  const number = /expected (?:number|int|bigint) to be ([<>]=?)\s*(-?[\d.]+)/.exec(message);
  if (number) {
    const [, operator, raw] = number;
    const n = Number(raw);
    if (operator === '>=') return `${label} must be at least ${count(n, unit)}`;
    if (operator === '>') return `${label} must be more than ${count(n, unit)}`;
    if (operator === '<=') return `${label} can be at most ${count(n, unit)}`;
    return `${label} must be less than ${count(n, unit)}`;
  }
  const length = /expected (string|array|set) to have ([<>]=?)\s*(\d+)/.exec(message);
  if (length) {
    const [, kind, operator = '>=', raw] = length;
    const n = Number(raw);
    const noun = kind === 'string' ? 'character' : 'item';
    if (operator.startsWith('>'))
      return n <= 1 && operator === '>='
        ? `${label} is required`
        : `${label} needs at least ${count(n, noun)}`;
    return `${label} can be at most ${count(n, noun)} long`;
  }
  if (/expected int, received number|expected an integer/i.test(message))
    return `${label} must be a whole number`;
  if (/expected number, received (NaN|string|undefined|null)/i.test(message))
    return `Enter a number for ${label.toLowerCase()}`;
  if (/received undefined|required/i.test(message)) return `${label} is required`;
  if (/invalid email/i.test(message)) return `${label} must be an email address, like name@example.com`;
  if (/invalid url/i.test(message)) return `${label} must be a web address, like https://example.com`;
  if (/invalid (option|enum)|expected one of/i.test(message))
    return `Choose one of the options for ${label.toLowerCase()}`;
  if (/invalid (date|iso)/i.test(message)) return `${label} must be a date`;
  if (/^(invalid|too small|too big)\b/i.test(message)) return `${label} is not valid: check it and try again`;
  // A predicate written for people ("must be a time like 2pm"): the field's name goes before it.
  if (/^(must|can|needs|is|should)\b/.test(message)) return `${label} ${message}`;
  return message;
}

type ErrorShape = {
  message?: string;
  data?: {
    code?: string;
    zodError?: { fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[] } | null;
  };
};

/** "replyTargetHours" → "Reply target hours": for a field a form did not name. */
function fallbackLabel(key: string) {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The sentences for a failed mutation: one per named field (to show under its input) and a
 * summary for the toast. Errors that are not validation errors keep the server's message, which
 * is written for people.
 */
export function formErrors<K extends string>(
  error: unknown,
  fields: Record<K, FieldText>,
): { fields: Partial<Record<K, string>>; summary: string } {
  const shape = (error ?? {}) as ErrorShape;
  const zod = shape.data?.zodError;
  if (!zod) {
    const message = error instanceof Error || shape.message ? shape.message : undefined;
    return { fields: {}, summary: message || 'Something went wrong. Try again.' };
  }
  const mapped: Partial<Record<K, string>> = {};
  const sentences: string[] = [];
  for (const [key, messages] of Object.entries(zod.fieldErrors ?? {})) {
    const first = messages?.[0];
    if (!first) continue;
    const known = key in fields ? fields[key as K] : undefined;
    const sentence = fieldErrorSentence(first, known ?? { label: fallbackLabel(key) });
    if (known) mapped[key as K] = sentence;
    sentences.push(sentence);
  }
  for (const message of zod.formErrors ?? [])
    sentences.push(fieldErrorSentence(message, { label: 'The form' }));
  // When the sentences also show under their inputs, the summary names the first and counts the
  // rest; when the form shows only the summary, it names every field, or one would go unsaid.
  const summary =
    sentences.length === 0
      ? 'Some values are not valid. Check the form and try again.'
      : sentences.length === 1 || Object.keys(mapped).length === 0
        ? `${sentences.join('. ')}.`
        : `${sentences[0]}, and ${sentences.length - 1} more ${sentences.length === 2 ? 'field needs' : 'fields need'} a change.`;
  return { fields: mapped, summary: summary.replace(/\.\.$/, '.') };
}

/** The toast or form-level sentence for a failed mutation, fields named from their keys. */
export function formErrorText(error: unknown): string {
  return formErrors(error, {}).summary;
}
