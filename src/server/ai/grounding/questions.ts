import type { ContextMessage, DraftContext } from '../context';

/**
 * The questions of an email, however they are asked: a question mark, a numbered or bulleted list
 * without one, "I'd like to understand…", "wondering whether the pups can come along", a P.S., the
 * subject line, forwarded text. One question per sentence (listed once, whatever topics it holds),
 * each with the topics it is about and any figure it takes for granted (a premise to check).
 * Shared by the completeness check and the offline drafter.
 */

export const questionTopics = [
  'price',
  'total',
  'parking',
  'dogs',
  'access',
  'meetingRooms',
  'booking',
  'moveIn',
  'internet',
  'utilities',
  'kitchen',
  'cleaning',
  'desks',
  'lease',
  'negotiation',
  'tour',
  'other',
] as const;
export type QuestionTopic = (typeof questionTopics)[number];

/** What each topic sounds like, in a seeker's question and in a broker's answer alike. */
export const TOPIC_PATTERNS: Record<Exclude<QuestionTopic, 'other'>, RegExp> = {
  price:
    /\b(rent|rents|cost|costs|price|pricing|priced|how much|per month|monthly|rate|asking|charge|pay|\$\d[\d,.]*k?)\b|\$\d/i,
  total: /\b(all[- ]in|in total|total|altogether|combined|all together|everything included|grand total)\b/i,
  parking: /\b(parking|park|garage|cars?|spots?|stalls?|vehicles?)\b/i,
  dogs: /\b(dogs?|pets?|pups?|puppy|puppies|beagles?|corgis?|labradors?|doodles?|terriers?|spaniels?|retrievers?|four-legged)\b/i,
  access:
    /\b(24\/7|after[- ]hours|access|late nights?|open late|stay late|that early|early start|overnight|weekends?|on-call|key ?cards?|fobs?|opening hours|building hours|get in|evenings?|early mornings?)\b/i,
  meetingRooms: /\b(meeting|conference|board)\s?rooms?\b/i,
  booking:
    /\b(book(?:ed|ing|able)?|reserv(?:e|ed|ation|ations|ing))\b[^.?!\n]{0,40}\brooms?\b|\brooms?\b[^.?!\n]{0,40}\b(book(?:ed|ing|able)?|reserv\w*|limits?|cap|how long|max(?:imum)?)\b|\bper booking\b/i,
  moveIn:
    /\b(move[- ]in|moving in|move in|move into|moving into|available from|availability date|start date|free from|earliest|ready by|get the keys|start on|be available|is available|available by|date it frees up)\b/i,
  internet: /\b(internet|wi-?fi|bandwidth|fib(?:er|re)|broadband|connection|upload|download|mbps|gbps)\b/i,
  utilities:
    /\b(utilities|utility|electric(?:ity)?|power bills?|water|hvac|heating|air ?con(?:ditioning)?|a\/c)\b/i,
  kitchen: /\b(kitchens?|kitchenette|coffee|espresso|fridge|microwave|pantry|snacks)\b/i,
  cleaning: /\b(clean(?:ing|ed|ers?)?|janitor(?:ial)?|trash|tidy)\b/i,
  desks:
    /\b(desks?|workstations?|seats?|headcount|fit (?:us|the team|everyone|our team|all of us|\d+)|room for (?:us|\d+(?! ?(?:cars?|vehicles?|spots?|bikes?))|everyone|the team)|big enough|enough (?:space|room)|square (?:feet|footage)|sq\.? ?ft|how big|size of the (?:space|office)|squeeze)\b/i,
  lease:
    /\b(lease (?:term|length)|length of the lease|term length|minimum term|how long (?:a|the) (?:lease|term|commitment)|commitment|contract length|months? minimum|minimum (?:stay|commitment)|sign for|sign (?:a|an) \d+[- ]month|\d+[- ]month (?:deal|lease|term|agreement|contract|commitment)|lease terms?|term|lease|leases|sublease|sublet\w*|renew(?:al)?)\b/i,
  negotiation:
    /\b(discounts?|knock (?:anything|something|\$?[\d,]+k?) off|negotiat\w*|flexib\w* on (?:the )?(?:price|rent)|come down|lower the (?:rent|price)|free months?|rent[- ]free|waive\w*|concessions?|better (?:price|deal|rate))\b/i,
  tour: /\b(tours?|visit|see (?:it|the (?:space|office|place|floor))|come by|stop by|swing by|pop by|pop in|viewing|walk ?through|look at it|look around|check it out|come see)\b/i,
};

const DAYS = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)\b/i;

const ASKING_START =
  /^(?:(?:and|also|so|but|plus|oh|ok|okay|lastly|finally|first|second|third|then|one more thing|quick one|quick question|separately|besides|oh and)[,:;]?\s+)*(?:is|isn't|are|aren't|can|can't|could|do|does|did|what|what's|whats|when|when's|where|how|how's|which|who|would|will|any|has|have|should|may|might|shall)\b/i;

const ASKING_PHRASE =
  /\b(whether|if (?:we|i|you|it|there|the \w+) (?:can|could|is|are|has|have|do|does|would|will|allow|allows)|on my mind|i'?d (?:like|love) to (?:understand|know|hear|find out|check|confirm|get a sense|learn)|i would (?:like|love) to (?:understand|know|hear|find out|check|confirm)|wondering|wonder (?:if|whether)|curious|let me know|tell me|need to (?:know|understand|confirm)|want(?:ed)? to (?:know|check|confirm|understand|ask)|please (?:confirm|advise|share|send|clarify)|keen to (?:know|understand|hear)|any (?:idea|info|word|news|chance)|still (?:right|correct|the case|accurate|valid|true|hold)|is that right|does that (?:still )?hold|remind me|clarify|would love to know|interested to (?:know|hear)|not sure (?:if|whether)|unclear (?:on|about)|can you (?:confirm|check|tell)|could you (?:confirm|check|tell))\b/i;

export type Question = {
  /** The sentence (or list item) that asks it, as written. */
  text: string;
  topics: QuestionTopic[];
  /** The email it comes from. */
  emailId: number;
  /** A money figure the question takes for granted ("you mentioned $9,500 — still right?"). */
  premise: number | null;
  /** A count the question mentions ("two spots", "6 cars"), for totals. */
  quantity: number | null;
};

const WORD_COUNTS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  a: 1,
  'a couple': 2,
  couple: 2,
};

/** The part of an email a person wrote now: quoted replies and headers of forwarded mail dropped. */
export function ownWords(text: string): string {
  const lines = text.split(/\r?\n/);
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    // "On Tue, Alex wrote:" starts the quoted history of a reply.
    if (/^on\b.{0,120}\bwrote:\s*$/i.test(trimmed)) break;
    if (/^-{2,}\s*original message\s*-{2,}$/i.test(trimmed)) break;
    if (trimmed.startsWith('>')) continue;
    if (/^(from|to|sent|date|subject|cc):\s/i.test(trimmed)) continue;
    if (/^-{2,}\s*forwarded message\s*-{2,}$/i.test(trimmed) || /^begin forwarded message:?$/i.test(trimmed))
      continue;
    kept.push(line);
  }
  return kept.join('\n');
}

function segments(text: string): Array<{ text: string; isListItem: boolean; isPostscript: boolean }> {
  const out: Array<{ text: string; isListItem: boolean; isPostscript: boolean }> = [];
  for (const rawLine of text.split(/\n+/)) {
    let line = rawLine.trim();
    if (!line) continue;
    const list = /^(?:\d{1,2}[.)]|[-*•–]|\(\w\)|[a-h][.)])\s+/.exec(line);
    const postscript = /^p\.?\s?s\.?[:,-]?\s+/i.exec(line);
    if (list) line = line.slice(list[0].length);
    if (postscript) line = line.slice(postscript[0].length);
    // Sentences end at . ! ? followed by space (never inside "$12.5k" or "e.g.").
    const parts = line
      .replace(/\b(e\.g|i\.e|approx|vs|st|ave)\./gi, (m) => m.replace('.', '\u2024'))
      .split(/(?<=[?!.])\s+(?=["'(A-Z0-9])/)
      .map((part) => part.replace(/\u2024/g, '.').trim())
      .filter(Boolean);
    for (const part of parts)
      out.push({ text: part, isListItem: Boolean(list), isPostscript: Boolean(postscript) });
  }
  return out;
}

/** The topics one sentence is about, with the overlaps settled ("what does parking cost" is parking). */
export function topicsOf(sentence: string): QuestionTopic[] {
  const found = (Object.keys(TOPIC_PATTERNS) as Array<keyof typeof TOPIC_PATTERNS>).filter((topic) =>
    TOPIC_PATTERNS[topic].test(sentence),
  );
  let topics: QuestionTopic[] = found;
  const has = (t: QuestionTopic) => topics.includes(t);
  // A cost word beside another priced thing is about that thing, not the rent.
  const pricedElsewhere = [
    'parking',
    'access',
    'dogs',
    'internet',
    'utilities',
    'kitchen',
    'cleaning',
    'booking',
  ];
  const asksRent =
    /\brent\b/i.test(sentence) &&
    !/\b(?:included|inclusive|covered|part of)\s+(?:in\s+|with\s+|by\s+)?(?:the\s+)?rent\b/i.test(sentence);
  // "What Mission Loft costs, and is the wifi decent?": a cost word in a clause of its own, not
  // pointing back at the thing before it ("…parking, and what does it cost?"), asks the rent.
  const clauses = sentence.split(
    /,\s*(?:and|or|but|plus)?\s*|;\s*|\s+and\s+(?=(?:is|are|can|could|do|does|what|how|when|will|would)\b)/i,
  );
  const rentClause = clauses.some(
    (clause) =>
      TOPIC_PATTERNS.price.test(clause) &&
      !/\b(?:it|that|they|those|them|this)\b/i.test(clause) &&
      !pricedElsewhere.some((t) => TOPIC_PATTERNS[t as keyof typeof TOPIC_PATTERNS].test(clause)),
  );
  if (has('price') && topics.some((t) => pricedElsewhere.includes(t)) && !asksRent && !rentClause)
    topics = topics.filter((t) => t !== 'price');
  // An all-in total covers the rent and the parking it adds up.
  if (has('total')) topics = topics.filter((t) => t !== 'price' && t !== 'parking');
  if (has('booking')) topics = topics.filter((t) => t !== 'meetingRooms');
  // "after hours" and "weekends" are access; a weekday in a request is a tour.
  if (DAYS.test(sentence) && !has('tour') && !has('access') && !has('moveIn')) topics.push('tour');
  if (has('negotiation')) topics = topics.filter((t) => t !== 'price' && t !== 'lease');
  if (/\bsub(?:let|leas)/i.test(sentence)) topics = topics.filter((t) => t !== 'desks');
  // Bike parking is not car parking: no record answers it.
  if (/\bbike\b/i.test(sentence) && has('parking') && !/\bcars?\b/i.test(sentence))
    topics = [...topics.filter((t) => t !== 'parking'), 'other'];
  if (has('lease') && has('moveIn') && !/\b(move|start|available)/i.test(sentence))
    topics = topics.filter((t) => t !== 'moveIn');
  // "Is the garage shared" is parking, "conference room" is meeting rooms, not desks.
  if (has('desks') && has('meetingRooms') && !/\bdesks?\b/i.test(sentence))
    topics = topics.filter((t) => t !== 'desks');
  if (
    has('lease') &&
    /\b(?:included|inclusive|comes?) (?:in|with) the lease\b/i.test(sentence) &&
    !/\b(?:term|length|how long|months)\b/i.test(sentence)
  )
    topics = topics.filter((t) => t !== 'lease');
  return [...new Set(topics)];
}

function isAsking(
  segment: { text: string; isListItem: boolean; isPostscript: boolean },
  topics: QuestionTopic[],
) {
  const text = segment.text;
  if (text.includes('?')) return true;
  if (ASKING_START.test(text) && !/^(?:i|we)\b/i.test(text)) return true;
  if (ASKING_PHRASE.test(text)) return true;
  // A list item or a P.S. that names a topic, or starts like a question, is asking ("1. Parking costs").
  if (!(segment.isListItem || segment.isPostscript)) return false;
  return (
    topics.length > 0 ||
    /^(?:whether|if|how|what|when|where|which|can|could|do|does|is|are|any)\b/i.test(text)
  );
}

function premiseOf(text: string): number | null {
  const match = /\$\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s?(k\b)?/i.exec(text);
  if (!match?.[1]) return null;
  const value = Number(`${match[1].replace(/,/g, '')}${match[2] ? `.${match[2]}` : ''}`);
  return Math.round(match[3] ? value * 1000 : value);
}

function quantityOf(text: string): number | null {
  const match =
    /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a couple|couple of)\s+(?:\w+\s)?(?:cars?|spots?|parking spots?|parking spaces|vehicles?|stalls?)\b/i.exec(
      text,
    );
  if (!match?.[1]) return null;
  const word = match[1].toLowerCase().replace(/ of$/, '');
  return /^\d/.test(word) ? Number(word) : (WORD_COUNTS[word] ?? null);
}

/** The questions one message asks: its subject (when it is a question) and its own words. */
export function questionsIn(message: Pick<ContextMessage, 'id' | 'subject' | 'text'>): Question[] {
  const found: Question[] = [];
  const seen = new Set<string>();
  const subject = message.subject.replace(/^(?:(?:re|fwd?|fw)\s*:\s*)+/i, '').trim();
  const sources = [
    // A subject asks only when it names a topic ("Parking at Mission Loft?"), not as a heading.
    ...(subject &&
    (subject.includes('?') || ASKING_PHRASE.test(subject)) &&
    topicsOf(subject).some((t) => t !== 'other')
      ? [{ text: subject, isListItem: false, isPostscript: false }]
      : []),
    ...segments(ownWords(message.text)),
  ];
  for (const segment of sources) {
    const text = segment.text;
    let topics = topicsOf(text);
    if (!isAsking(segment, topics)) continue;
    // A sentence that only thanks or greets is not a question even with a "?" ("How are you?").
    if (topics.length === 0 && /^(?:hi|hello|hey|how are you|how's it going|hope)\b/i.test(text)) continue;
    if (
      topics.length === 0 &&
      !text.includes('?') &&
      !ASKING_PHRASE.test(text) &&
      !segment.isListItem &&
      !segment.isPostscript
    )
      continue;
    if (topics.length === 0) topics = ['other'];
    const key = text.toLowerCase().replace(/\W+/g, ' ').trim();
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ text, topics, emailId: message.id, premise: premiseOf(text), quantity: quantityOf(text) });
  }
  return found;
}

/**
 * The questions a reply must answer: the inbound email's and those of the thread's earlier inbound
 * emails that no outbound message has answered yet (the thread is newest first).
 */
const questionCache = new WeakMap<object, Question[]>();

export function questionsToAnswer(context: Pick<DraftContext, 'inbound' | 'thread'>): Question[] {
  const cached = questionCache.get(context);
  if (cached) return cached;
  const found = readQuestions(context);
  questionCache.set(context, found);
  return found;
}

function readQuestions(context: Pick<DraftContext, 'inbound' | 'thread'>): Question[] {
  const unanswered: ContextMessage[] = [];
  for (const message of context.thread) {
    if (message.direction === 'outbound') break;
    unanswered.push(message);
  }
  const all = [context.inbound, ...unanswered].flatMap(questionsIn);
  const seen = new Set<string>();
  return all.filter((q) => {
    const key = q.text.toLowerCase().replace(/\W+/g, ' ').trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const STOPWORDS = new Set(
  'about after again also any anything are around able floor building street outside people does lot lots give idea back been before being both bring but can could does doing done else even ever from have here hope how into just know like look make many maybe more most much need nice only other ours over please quick really same should some still such sure than that their them then there these they thing think this those though through very want well were what when where which while will with would your yours yourselves team office space place thanks thank great'.split(
    ' ',
  ),
);

/** The words a question is about, for topics no pattern knows ("Is the roof deck shared?" → roof, deck, shared). */
export function keywordsOf(text: string, names: string[] = []): string[] {
  const named = new Set(names.flatMap((name) => name.toLowerCase().split(/\W+/)));
  return [
    ...new Set(
      (text.toLowerCase().match(/[a-z][a-z'-]{3,}/g) ?? [])
        .map((w) => w.replace(/'s$/, ''))
        .filter((w) => !STOPWORDS.has(w) && !named.has(w))
        .map((w) => w.slice(0, 6)),
    ),
  ];
}
