import type { DraftReasoning } from '../../../db/schema';
import type { ContextSpace, DraftContext } from './context';
import {
  type DayPart,
  inDayPart,
  listJoin,
  longDate,
  slotMinutes,
  title,
  money as usd,
} from './grounding/text';

/**
 * The offline drafter: deterministic, no network. It finds the questions in the inbound email,
 * answers each from the records (and only from them), proposes tour slots from the space's
 * availability and says how sure it is by the share of questions it could answer.
 */

export const OFFLINE_MODEL = 'echo-offline-1';

export const questionKinds = [
  'parking',
  'dogs',
  'access',
  'price',
  'tour',
  'meetingRooms',
  'moveIn',
] as const;
export type QuestionKind = (typeof questionKinds)[number];

const QUESTION_PATTERNS: Record<QuestionKind, RegExp> = {
  parking: /\b(parking|park|garage|cars?|spots?)\b/,
  dogs: /\b(dogs?|pets?|pups?|puppy|beagle|corgi|labrador)\b/,
  access:
    /\b(24\/7|after[- ]hours|access|late|overnight|weekends?|on-call|key ?cards?|fobs?|opening hours|get in)\b/,
  price: /\b(rent|cost|costs|price|pricing|how much|per month|monthly|rate)\b/,
  tour: /\b(tours?|visit|see it|see the (?:space|office)|come by|viewing|walk ?through|time on|look at it)\b/,
  meetingRooms: /\b(meeting|conference|board)\s?rooms?\b/,
  moveIn: /\b(move[- ]in|available from|availability|when is [^?]* available|start date|free from)\b/,
};

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const STATUS_ORDER = ['selected', 'touring', 'interested', 'shown', 'rejected'] as const;
export type FoundQuestion = { kind: QuestionKind; text: string };

/** The questions in an email, one per kind, with the sentence that asked it. */
export function findQuestions(text: string): { questions: FoundQuestion[]; unmatched: string[] } {
  const sentences = text
    .split(/(?<=[?.!])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const found = new Map<QuestionKind, string>();
  const unmatched: string[] = [];
  for (const sentence of sentences) {
    const lower = sentence.toLowerCase();
    const kinds = questionKinds.filter((kind) => QUESTION_PATTERNS[kind].test(lower));
    const isAsking =
      sentence.includes('?') ||
      /^(\d+[.)]\s*)?((and|also|so|but|plus)\s+)?(is|are|can|could|do|does|what|when|how|which|would|will|any)\b/.test(
        lower,
      ) ||
      /\b(let me know|wondering|tell me)\b/.test(lower);
    // "What does parking cost?" is a parking question; "cost" alone is about the rent.
    const priced = kinds.filter((kind) => kind !== 'price');
    const effective =
      kinds.includes('price') && priced.some((k) => k === 'parking' || k === 'access' || k === 'dogs')
        ? priced
        : kinds;
    // A weekday in a request is a tour question ("Could we see it Wednesday?").
    if (isAsking && DAY_NAMES.some((day) => lower.includes(day)) && !effective.includes('tour'))
      effective.push('tour');
    if (!isAsking) continue;
    if (effective.length === 0 && sentence.includes('?')) unmatched.push(sentence);
    for (const kind of effective) if (!found.has(kind)) found.set(kind, sentence);
  }
  const questions = questionKinds
    .filter((kind) => found.has(kind))
    .map((kind) => ({ kind, text: found.get(kind) ?? '' }));
  return { questions, unmatched };
}

function nameKeys(space: ContextSpace) {
  const words = space.name.toLowerCase().split(/\s+/);
  return [
    space.name.toLowerCase(),
    words.slice(0, 2).join(' '),
    space.address.split(',')[0]?.toLowerCase() ?? space.name,
  ];
}

/** The spaces the email is about: the ones it names, else the deal's most advanced one. */
export function spacesInQuestion(context: DraftContext, text: string): ContextSpace[] {
  const lower = text.toLowerCase();
  const named = context.spaces.filter((space) => nameKeys(space).some((key) => lower.includes(key)));
  if (named.length > 0) return named.slice(0, 2);
  const ranked = [...context.spaces].sort(
    (a, b) => STATUS_ORDER.indexOf(a.dealStatus) - STATUS_ORDER.indexOf(b.dealStatus),
  );
  return ranked.slice(0, 1);
}

type Answer = { sentence: string; data: DraftReasoning['dataUsed'] } | null;

const spaceData = (space: ContextSpace, dataPoint: string, fieldPath: string, value: unknown) => ({
  dataPoint,
  sourceType: 'space' as const,
  sourceId: space.id,
  fieldPath,
  value,
});

function answerParking(space: ContextSpace): Answer {
  const parking = space.detailedAmenities.parking;
  if (!parking) return null;
  const data = [spaceData(space, 'Parking', 'detailedAmenities.parking', parking)];
  const where = parking.location ? ` (${parking.location})` : '';
  const spots =
    parking.spotsAvailable !== undefined ? `, with ${parking.spotsAvailable} spots available` : '';
  if (parking.costMonthly === 0) {
    return { sentence: `Parking at ${space.name} is included with the lease${where}${spots}.`, data };
  }
  if (parking.costMonthly !== undefined) {
    return {
      sentence: `Parking at ${space.name} is ${usd(parking.costMonthly)}/month per spot${where}${spots}.`,
      data,
    };
  }
  if (parking.costPerDay !== undefined) {
    return {
      sentence: `Parking for ${space.name} is off-site${where} at ${usd(parking.costPerDay)}/day.`,
      data,
    };
  }
  if (parking.type === 'street-only') {
    return {
      sentence: `${space.name} has no dedicated parking: street parking only${parking.note ? ` (${parking.note})` : ''}.`,
      data,
    };
  }
  return null;
}

function answerDogs(space: ContextSpace): Answer {
  const policy = space.detailedAmenities.dogPolicy;
  if (!policy) return null;
  const data = [spaceData(space, 'Dog policy', 'detailedAmenities.dogPolicy', policy)];
  if (policy.allowed) {
    const terms = [
      policy.sizeLimit,
      policy.deposit !== undefined ? `${usd(policy.deposit)} deposit` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    return {
      sentence: `Dogs are welcome at ${space.name}${terms ? ` (${terms})` : ''}.${policy.note ? ` ${policy.note}.` : ''}`,
      data,
    };
  }
  return {
    sentence: `Unfortunately ${space.name} does not allow dogs${policy.reason ? ` (${policy.reason.toLowerCase()})` : ''}.${policy.alternative ? ` An option nearby: ${policy.alternative}.` : ''}`,
    data,
  };
}

function answerAccess(space: ContextSpace): Answer {
  const access = space.detailedAmenities.access;
  if (!access) return null;
  const data = [spaceData(space, 'Access', 'detailedAmenities.access', access)];
  const parts: string[] = [];
  if (access.hours && /24\/7/.test(access.hours)) {
    parts.push(`${space.name} has 24/7 access${access.system ? ` by ${access.system}` : ''}.`);
  } else if (access.hours) {
    const after = access.afterHours
      ? ` After-hours access is possible${access.advanceNotice ? ` (${access.advanceNotice})` : ''}.`
      : ' There is no after-hours access.';
    parts.push(
      `${space.name} is open ${access.hours}${access.system ? `, by ${access.system}` : ''}.${after}`,
    );
  } else if (access.afterHours !== undefined) {
    parts.push(
      access.afterHours
        ? `${space.name} offers after-hours access.`
        : `${space.name} has no after-hours access.`,
    );
  }
  if (access.costPerCard !== undefined) parts.push(`Key cards are ${usd(access.costPerCard)} each.`);
  if (parts.length === 0) return null;
  return { sentence: parts.join(' '), data };
}

function answerPrice(space: ContextSpace): Answer {
  return {
    sentence: `The rent at ${space.name} is ${usd(space.monthlyRate)}/month.`,
    data: [spaceData(space, 'Monthly rate', 'monthlyRate', space.monthlyRate)],
  };
}

function answerMeetingRooms(space: ContextSpace): Answer {
  const rooms = space.detailedAmenities.meetingRooms;
  if (rooms) {
    const sizes = rooms.sizes.length > 0 ? ` (seating ${listJoin(rooms.sizes.map(String))})` : '';
    const booking = rooms.bookingSystem ? `, booked through ${rooms.bookingSystem}` : '';
    const noun = rooms.count === 1 ? 'meeting room' : 'meeting rooms';
    return {
      sentence: `${space.name} has ${rooms.count} ${noun}${sizes}${booking}.`,
      data: [spaceData(space, 'Meeting rooms', 'detailedAmenities.meetingRooms', rooms)],
    };
  }
  if (space.amenities.meetingRooms === false) {
    return {
      sentence: `${space.name} has no meeting rooms of its own.`,
      data: [spaceData(space, 'Meeting rooms', 'amenities.meetingRooms', false)],
    };
  }
  return null;
}

function answerMoveIn(space: ContextSpace): Answer {
  const from = space.availableFrom;
  if (!from) return null;
  return {
    sentence: `${space.name} is available from ${longDate(from)}.`,
    data: [spaceData(space, 'Available from', 'availableFrom', from)],
  };
}

function requestedDay(text: string): { day: string | null; part: DayPart | null; minutes: number | null } {
  const lower = text.toLowerCase();
  const day = DAY_NAMES.find((name) => lower.includes(name)) ?? null;
  const part = (/\b(morning|afternoon|evening)\b/.exec(lower)?.[1] ?? null) as DayPart | null;
  const time = /\b(\d{1,2}(?::\d{2})?\s*(?:am|pm))\b/.exec(lower)?.[1];
  return { day, part, minutes: time ? slotMinutes(time) : null };
}

function inPart(minutes: number | null, part: DayPart | null) {
  return minutes === null || part === null || inDayPart(minutes, part);
}

/** Tour slots: the requested day (and part of day, or time) when the space has one; else the first two. */
function proposeTour(space: ContextSpace, request: ReturnType<typeof requestedDay>) {
  const logic: string[] = [];
  const days = DAY_NAMES.filter((day) => (space.availability[day] ?? []).length > 0);
  if (days.length === 0) {
    logic.push(`${space.name} has no tour slots on record`);
    return { sentence: null, logic, isAnswered: false };
  }
  if (request.day) {
    const slots = (space.availability[request.day] ?? []).filter((slot) => {
      const minutes = slotMinutes(slot);
      return request.minutes !== null ? minutes === request.minutes : inPart(minutes, request.part);
    });
    if (slots.length > 0) {
      logic.push(
        `Requested ${request.day}${request.part ? ` ${request.part}` : ''}: ${space.name} has ${slots.join(', ')}`,
      );
      const times = slots.map((slot, index) =>
        index === 0 ? `${title(request.day ?? '')} at ${slot}` : slot,
      );
      return { sentence: `We could tour ${space.name} on ${times.join(' or ')}.`, logic, isAnswered: true };
    }
    logic.push(
      `Requested ${request.day} is not in ${space.name}'s availability; offered the next slots instead`,
    );
  }
  const picked = days
    .flatMap((day) => (space.availability[day] ?? []).map((slot) => ({ day, slot })))
    .slice(0, 2);
  const offers = picked.map(({ day, slot }, index) =>
    index > 0 && picked[index - 1]?.day === day ? slot : `${title(day)} at ${slot}`,
  );
  logic.push(`Offered ${offers.join(' and ')} from ${space.name}'s availability`);
  const lead = request.day
    ? `${space.name} has no tour slot then; the nearest options are ${offers.join(' or ')}.`
    : `We could tour ${space.name} on ${offers.join(' or ')}.`;
  return { sentence: lead, logic, isAnswered: true };
}

export type OfflineDraft = {
  body: string;
  confidence: number;
  reasoning: DraftReasoning;
  questions: QuestionKind[];
};

const ANSWERERS: Record<Exclude<QuestionKind, 'tour'>, (space: ContextSpace) => Answer> = {
  parking: answerParking,
  dogs: answerDogs,
  access: answerAccess,
  price: answerPrice,
  meetingRooms: answerMeetingRooms,
  moveIn: answerMoveIn,
};

const QUESTION_LABELS: Record<QuestionKind, string> = {
  parking: 'Parking',
  dogs: 'Dogs',
  access: 'Access hours',
  price: 'Price',
  tour: 'Tour times',
  meetingRooms: 'Meeting rooms',
  moveIn: 'Move-in date',
};

/** A reply to the context's inbound email from the records alone. `instruction` steers a regeneration. */
export function draftOffline(
  context: DraftContext,
  options: { instruction?: string | null } = {},
): OfflineDraft {
  const inbound = context.inbound;
  const instruction = options.instruction?.trim() ?? '';
  const { questions, unmatched } = findQuestions(`${inbound.text}`);
  const spaces = spacesInQuestion(context, `${inbound.subject}\n${inbound.text}\n${instruction}`);
  const reasoning: DraftReasoning = {
    questionsAddressed: [],
    dataUsed: [],
    schedulingLogic: [],
    needsHumanReview: [],
  };
  const paragraphs: string[] = [];
  let answered = 0;

  for (const question of questions) {
    const kind = question.kind;
    if (kind === 'tour') continue;
    const answers = spaces
      .map((space) => ANSWERERS[kind](space))
      .filter((a): a is NonNullable<Answer> => a !== null);
    if (answers.length === 0) {
      reasoning.needsHumanReview?.push(
        `${QUESTION_LABELS[question.kind]}: the records do not say ("${question.text}")`,
      );
      continue;
    }
    answered += 1;
    const sentence = answers.map((a) => a.sentence).join(' ');
    paragraphs.push(sentence);
    reasoning.questionsAddressed.push({
      question: question.text,
      answer: sentence,
      sourceEmailId: inbound.id,
      sourceText: question.text,
    });
    for (const answer of answers) reasoning.dataUsed.push(...answer.data);
  }

  const primary = spaces[0];
  const tourQuestion = questions.find((q) => q.kind === 'tour');
  if (primary) {
    const request = requestedDay(`${instruction}\n${tourQuestion?.text ?? ''}`);
    const tour = proposeTour(primary, request);
    reasoning.schedulingLogic?.push(...tour.logic);
    if (tour.sentence) {
      paragraphs.push(tour.sentence);
      reasoning.dataUsed.push(spaceData(primary, 'Tour availability', 'availability', primary.availability));
    }
    if (tourQuestion) {
      if (tour.isAnswered) {
        answered += 1;
        reasoning.questionsAddressed.push({
          question: tourQuestion.text,
          answer: tour.sentence ?? '',
          sourceEmailId: inbound.id,
          sourceText: tourQuestion.text,
        });
      } else {
        reasoning.needsHumanReview?.push(`Tour times: no availability on record for ${primary.name}`);
      }
    }
  } else {
    reasoning.needsHumanReview?.push('No space is linked to this deal');
  }
  for (const sentence of unmatched)
    reasoning.needsHumanReview?.push(`Not answered from the records: "${sentence}"`);

  const asked = questions.length + unmatched.length;
  const confidence = asked === 0 ? 50 : Math.round(35 + (60 * answered) / asked);
  const isShort = /\b(short|shorter|brief|concise)\b/i.test(instruction);
  const firstName = context.deal.seekerName.split(/\s+/)[0] ?? context.deal.seekerName;
  const opening = isShort
    ? []
    : [primary ? `Thanks for your note about ${primary.name}.` : 'Thanks for your note.'];
  const lines = [
    `Hi ${firstName},`,
    '',
    ...opening,
    ...(opening.length ? [''] : []),
    ...paragraphs.flatMap((p) => [p, '']),
  ];
  if (!isShort) lines.push('Let me know what works, and I will confirm with the host.', '');
  if (context.signature) lines.push(context.signature);
  if (instruction) reasoning.schedulingLogic?.push(`Instruction applied: ${instruction}`);

  return {
    body: lines.join('\n').trim(),
    confidence,
    reasoning,
    questions: questions.map((q) => q.kind),
  };
}
