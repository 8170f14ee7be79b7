import type { QuestionsSummary, ValidationIssue } from '../../../../db/schema';
import type { DraftContext } from '../context';
import {
  keywordsOf,
  type Question,
  type QuestionTopic,
  questionsToAnswer,
  TOPIC_PATTERNS,
} from './questions';

/**
 * Completeness: every question the seeker asked is answered from the records or deferred in plain
 * words in the body ("I'll confirm the internet speed with the host today"). A question neither
 * answered nor deferred is a warning naming it.
 */

/** Words that put an answer off, in the broker's own voice. */
export const DEFERRAL =
  /\b(?:(?:i'?ll|i will|we'?ll|we will|let me|i'?m going to|i am going to|i can)\s+(?:\w+\s+)?(?:confirm|check|find out|ask|verify|follow up|get back|come back|double-check|look into|chase|get you|get an answer|revert)|(?:get|come|circle) back to you|checking (?:on|with)|confirm(?:ing)? (?:that |this |it )?with the (?:host|landlord|owner|building)|(?:don't|do not) have (?:that|this|it|the [a-z ]{2,30}) (?:on record|on file|yet|to hand|in (?:my|our) (?:notes|records))|not (?:on record|in (?:my|our|the) records)|the records? (?:don't|do not) (?:say|show|cover|mention)|(?:asking|asked) the host|(?:waiting|wait) (?:on|for) the host|to be confirmed|tbc)\b/i;

export type QuestionStatus = 'answered' | 'deferred' | 'missing';

/** The sentences the broker wrote: quoted lines and the signature left out. */
function replySentences(body: string, signature: string): string[] {
  let text = body;
  const sig = signature.trim();
  if (sig) {
    const at = text.lastIndexOf(sig);
    if (at >= 0) text = text.slice(0, at) + text.slice(at + sig.length);
  }
  const own: string[] = [];
  for (const line of text.split(/\n/)) {
    const trimmed = line.trim();
    if (/^on\b.{0,120}\bwrote:\s*$/i.test(trimmed)) break;
    if (/^-{2,}\s*(?:original|forwarded) message/i.test(trimmed)) break;
    if (trimmed.startsWith('>')) continue;
    own.push(trimmed);
  }
  return own
    .join('\n')
    .split(/\n+|(?<=[.!?])\s+(?=[A-Z0-9"'(])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const LIMIT = /\b(limit|cap|how long|max|maximum|whole (?:day|afternoon|morning)|all day)\b/i;

/** A sentence that only greets or signs off answers nothing. */
const SMALL_TALK =
  /^(?:hi|hello|hey|dear|thanks|thank you|best|cheers|regards|let me know what works)\b[^.!?]{0,60}[.!?,]?$/i;

function covers(sentence: string, topic: QuestionTopic, question: Question, names: string[]) {
  if (topic === 'other' || topic === 'negotiation') {
    const lower = sentence.toLowerCase();
    if (topic === 'negotiation' && TOPIC_PATTERNS.negotiation.test(sentence)) return true;
    return keywordsOf(question.text, names).some((word) => lower.includes(word));
  }
  // "Parking is included with the lease" says nothing about the lease's length.
  if (topic === 'lease')
    sentence = sentence.replace(/\b(?:included|inclusive|comes?) (?:in|with) the lease\b/gi, '');
  if (!TOPIC_PATTERNS[topic].test(sentence)) {
    // A total is answered by a sum ("comes to $13,050"), a tour by a day and time.
    if (topic === 'total') return /\b(?:comes? to|works? out to|adds? up to|in all)\b/i.test(sentence);
    if (topic === 'tour')
      return /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i.test(sentence);
    if (topic === 'moveIn') return /\bavailable\b/i.test(sentence);
    if (topic === 'desks') return /\b(?:fits?|room for|square feet)\b/i.test(sentence);
    return false;
  }
  return true;
}

/** How one question fares in the body: every topic it asks about answered or deferred. */
export function questionStatus(
  question: Question,
  sentences: string[],
  names: string[] = [],
): QuestionStatus {
  let anyAnswered = false;
  for (const topic of question.topics) {
    const about = sentences.filter((s) => !SMALL_TALK.test(s) && covers(s, topic, question, names));
    if (about.length === 0) return 'missing';
    let answered = about.some((s) => !DEFERRAL.test(s));
    // A question about a booking limit is answered only by a limit ("up to 3 hours per booking").
    if (topic === 'booking' && LIMIT.test(question.text))
      answered = about.some((s) => !DEFERRAL.test(s) && /\b\d+\s*hours?\b|\bno limit\b/i.test(s));
    if (!answered && !about.some((s) => DEFERRAL.test(s))) return 'missing';
    // A figure the seeker took for granted must be met by the figure on record (or put off).
    if (
      answered &&
      question.premise !== null &&
      (topic === 'price' || topic === 'parking' || topic === 'total')
    ) {
      const hasFigure = about.some((s) => !DEFERRAL.test(s) && /\$\s?\d/.test(s));
      if (!hasFigure && !about.some((s) => DEFERRAL.test(s))) return 'missing';
    }
    if (answered) anyAnswered = true;
  }
  return anyAnswered ? 'answered' : 'deferred';
}

export type Completeness = {
  summary: QuestionsSummary;
  issues: ValidationIssue[];
  statuses: Array<{ question: Question; status: QuestionStatus }>;
};

export function checkCompleteness(body: string, context: DraftContext): Completeness {
  const questions = questionsToAnswer(context);
  const sentences = replySentences(body, context.signature);
  const names = context.spaces.flatMap((space) => [space.name, space.address.split(',')[0] ?? '']);
  const statuses = questions.map((question) => ({
    question,
    status: questionStatus(question, sentences, names),
  }));
  const issues: ValidationIssue[] = statuses
    .filter(({ status }) => status === 'missing')
    .map(({ question }) => ({
      claim: `Unanswered question: “${question.text}”`,
      expected:
        'Answer it from the records, or say in the reply that you will confirm it (for example “I’ll confirm that with the host today”).',
      source: `email:${question.emailId}`,
      severity: 'warning' as const,
      layer: 'grounding' as const,
    }));
  const count = (status: QuestionStatus) => statuses.filter((s) => s.status === status).length;
  return {
    summary: {
      asked: questions.length,
      answered: count('answered'),
      deferred: count('deferred'),
      unanswered: statuses.filter((s) => s.status === 'missing').map((s) => s.question.text),
    },
    issues,
    statuses,
  };
}
