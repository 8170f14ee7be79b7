import type { DraftReasoning } from '../../../db/schema';
import { asSentence, carriesAvoided, EMPTY_STYLE, fillGreeting, normalisePhrase } from '../learning/style';
import { type ContextSpace, type DraftContext, unknownRequirements } from './context';
import {
  checkGrounding,
  computeConfidence,
  type Question,
  type QuestionTopic,
  questionsToAnswer,
  validateDraftBody,
} from './grounding';
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
 * The offline drafter: deterministic, no network. It finds the questions of the inbound email (and
 * of the thread's unanswered earlier ones, the subject and forwarded text) with the same reader the
 * completeness check uses, answers each topic from the records (and only from them), corrects a
 * figure the seeker has wrong, proposes tour slots from the space's availability and says in the
 * body what it will confirm with the host. Its confidence comes from the evidence.
 */

export const OFFLINE_MODEL = 'echo-offline-1';

/** The topics the drafter can answer from the records (the rest it defers). */
export type QuestionKind = Exclude<QuestionTopic, 'other'>;

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const LIMIT_ASK = /\b(limit|cap|how long|max|maximum|whole (?:day|afternoon|morning)|all day)\b/i;
const STATUS_ORDER = ['selected', 'touring', 'interested', 'shown', 'rejected'] as const;

export type FoundQuestion = { kind: QuestionKind; text: string };

/** The questions of a text, one entry per topic with the sentence that asked it first. */
export function findQuestions(text: string): { questions: FoundQuestion[]; unmatched: string[] } {
  const found = questionsToAnswer({
    inbound: { id: 0, direction: 'inbound', from: '', subject: '', sentAt: '', text },
    thread: [],
  });
  const byKind = new Map<QuestionKind, string>();
  const unmatched: string[] = [];
  for (const q of found) {
    for (const topic of q.topics) {
      if (topic === 'other') unmatched.push(q.text);
      else if (!byKind.has(topic)) byKind.set(topic, q.text);
    }
  }
  return { questions: [...byKind].map(([kind, text]) => ({ kind, text })), unmatched };
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
    parking.spotsAvailable !== undefined
      ? `, with ${parking.spotsAvailable} ${parking.sharedSpots ? 'shared spots (not reserved)' : 'spots'} available`
      : '';
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

const ANSWERERS: Record<
  'parking' | 'dogs' | 'access' | 'price' | 'meetingRooms' | 'moveIn',
  (space: ContextSpace) => Answer
> = {
  parking: answerParking,
  dogs: answerDogs,
  access: answerAccess,
  price: answerPrice,
  meetingRooms: answerMeetingRooms,
  moveIn: answerMoveIn,
};

export type OfflineDraft = {
  body: string;
  confidence: number;
  reasoning: DraftReasoning;
  questions: QuestionKind[];
};

function answerTotal(space: ContextSpace, spots: number): Answer {
  const parking = space.detailedAmenities.parking;
  const monthly = parking?.costMonthly;
  const data = [spaceData(space, 'Monthly rate', 'monthlyRate', space.monthlyRate)];
  if (monthly === undefined) {
    return {
      sentence: `All-in, ${space.name} is ${usd(space.monthlyRate)}/month in rent${parking?.costPerDay !== undefined ? `, plus parking at ${usd(parking.costPerDay)}/day` : ''}.`,
      data,
    };
  }
  data.push(spaceData(space, 'Parking', 'detailedAmenities.parking', parking));
  const total = space.monthlyRate + spots * monthly;
  const parts =
    monthly === 0
      ? `parking included`
      : `${usd(space.monthlyRate)} rent plus ${spots} parking ${spots === 1 ? 'spot' : 'spots'} at ${usd(monthly)}/month`;
  return { sentence: `All-in, ${space.name} comes to ${usd(total)}/month (${parts}).`, data };
}

function answerInternet(space: ContextSpace): Answer {
  const internet = space.detailedAmenities.rentInclusions?.internet;
  if (!internet) return null;
  return {
    sentence: `Internet at ${space.name} is ${internet}, included in the rent.`,
    data: [spaceData(space, 'Internet', 'detailedAmenities.rentInclusions.internet', internet)],
  };
}

function answerUtilities(space: ContextSpace): Answer {
  const utilities = space.detailedAmenities.rentInclusions?.utilities;
  if (utilities === undefined) return null;
  const hvac = space.detailedAmenities.rentInclusions?.hvac ? ' HVAC is covered too.' : '';
  return {
    sentence: utilities
      ? `Utilities are included in the rent at ${space.name}.${hvac}`
      : `Utilities are not included at ${space.name}; they are billed separately.`,
    data: [spaceData(space, 'Utilities', 'detailedAmenities.rentInclusions.utilities', utilities)],
  };
}

function answerKitchen(space: ContextSpace): Answer {
  const kitchen = space.detailedAmenities.rentInclusions?.kitchen;
  if (!kitchen) return null;
  return {
    sentence: `${space.name} has a ${kitchen}.`,
    data: [spaceData(space, 'Kitchen', 'detailedAmenities.rentInclusions.kitchen', kitchen)],
  };
}

function answerCleaning(space: ContextSpace): Answer {
  const janitorial = space.detailedAmenities.rentInclusions?.janitorial;
  if (!janitorial) return null;
  return {
    sentence: `Cleaning at ${space.name} is ${janitorial}, included in the rent.`,
    data: [spaceData(space, 'Cleaning', 'detailedAmenities.rentInclusions.janitorial', janitorial)],
  };
}

function answerDesks(space: ContextSpace, teamSize: number): Answer {
  if (space.desks === null && space.squareFeet === null) return null;
  const size = [
    space.desks !== null ? `${space.desks} desks` : null,
    space.squareFeet !== null ? `${space.squareFeet.toLocaleString('en-US')} square feet` : null,
  ]
    .filter(Boolean)
    .join(' and ');
  const fit =
    space.desks === null
      ? ''
      : space.desks >= teamSize
        ? `, room for your team of ${teamSize}`
        : `, which is short of your team of ${teamSize}`;
  return {
    sentence: `${space.name} has ${size}${fit}.`,
    data: [
      ...(space.desks !== null ? [spaceData(space, 'Desks', 'desks', space.desks)] : []),
      ...(space.squareFeet !== null ? [spaceData(space, 'Square feet', 'squareFeet', space.squareFeet)] : []),
    ],
  };
}

function answerBooking(space: ContextSpace, question: string): Answer {
  const rooms = space.detailedAmenities.meetingRooms;
  if (!rooms || (!rooms.bookingSystem && rooms.maxHoursPerBooking === undefined)) return null;
  const how = rooms.bookingSystem ? ` are booked through ${rooms.bookingSystem}` : ' can be booked';
  const asksLimit = LIMIT_ASK.test(question);
  const limit =
    rooms.maxHoursPerBooking !== undefined
      ? `, up to ${rooms.maxHoursPerBooking} hours per booking`
      : asksLimit
        ? `, and I'll confirm any limit per booking with the host and come back to you today`
        : '';
  return {
    sentence: `Meeting rooms at ${space.name}${how}${limit}.`,
    data: [spaceData(space, 'Meeting rooms', 'detailedAmenities.meetingRooms', rooms)],
  };
}

const DEFER_WORDS: Record<QuestionTopic, string> = {
  price: 'the pricing',
  total: 'the all-in monthly total',
  parking: 'the parking details',
  dogs: 'the dog policy',
  access: 'the access hours',
  meetingRooms: 'the meeting rooms',
  booking: 'the meeting-room booking limits',
  moveIn: 'the move-in date',
  internet: 'the internet speed',
  utilities: 'whether utilities are included',
  kitchen: 'the kitchen setup',
  cleaning: 'the cleaning schedule',
  desks: 'the desk count and square footage',
  lease: 'the lease length',
  negotiation: 'any flexibility on the terms',
  tour: 'tour times',
  other: '',
};

const QUESTION_LABELS: Record<QuestionTopic, string> = {
  price: 'Price',
  total: 'All-in total',
  parking: 'Parking',
  dogs: 'Dogs',
  access: 'Access hours',
  meetingRooms: 'Meeting rooms',
  booking: 'Meeting-room booking',
  moveIn: 'Move-in date',
  internet: 'Internet',
  utilities: 'Utilities',
  kitchen: 'Kitchen',
  cleaning: 'Cleaning',
  desks: 'Desks and size',
  lease: 'Lease terms',
  negotiation: 'Price flexibility',
  tour: 'Tour times',
  other: 'Other question',
};

/** "I'll confirm the lease length with the host and come back to you today." */
function deferral(topic: QuestionTopic, question: Question, spaceName: string | null) {
  const where = spaceName ? ` for ${spaceName}` : '';
  if (topic === 'other') {
    const asked = question.text.replace(/\s+/g, ' ').replace(/[?.!\s]+$/, '');
    return `I'll confirm your question “${asked}” with the host and come back to you today.`;
  }
  return `I'll confirm ${DEFER_WORDS[topic]}${where} with the host and come back to you today.`;
}

/** The figure on record for what a premise is about, when it differs from what the seeker wrote. */
function correction(question: Question, space: ContextSpace): string | null {
  if (question.premise === null) return null;
  const parkingCost = space.detailedAmenities.parking?.costMonthly;
  if (question.topics.includes('parking') && parkingCost !== undefined) {
    return parkingCost === question.premise
      ? null
      : `To correct the figure you had: parking at ${space.name} is ${usd(parkingCost)}/month per spot on our records.`;
  }
  if (question.topics.includes('price') || question.topics.includes('total')) {
    return space.monthlyRate === question.premise
      ? null
      : `To correct the figure you had: the rent at ${space.name} is ${usd(space.monthlyRate)}/month on our records.`;
  }
  return null;
}

const UNKNOWN_WORDS = {
  monthlyBudget: 'your monthly budget',
  teamSize: 'how many people the space is for',
  moveInDate: 'when you would like to move in',
} as const;

const MUST_HAVE_WORDS = {
  parking: ['parking on site', 'no parking on site'],
  dogFriendly: ['dogs welcome', 'no dogs'],
  afterHours: ['after-hours access', 'no after-hours access'],
  meetingRooms: ['meeting rooms', 'no meeting rooms'],
} as const;

/**
 * For a new inquiry: the best matches of the inventory, each with its rate, its desks and the
 * must-haves it meets and misses, then what the seeker has not told us yet.
 */
function proposalParagraphs(context: DraftContext, proposed: ContextSpace[]): string[] {
  const { requirements } = context.deal;
  const musts = (Object.keys(MUST_HAVE_WORDS) as Array<keyof typeof MUST_HAVE_WORDS>).filter(
    (must) => requirements[must],
  );
  const lines = proposed.map((space) => {
    const where = space.neighborhood ? ` in ${space.neighborhood}` : '';
    const desks = space.desks ? `, ${space.desks} desks` : '';
    const needs = musts.map((must) => MUST_HAVE_WORDS[must][space.amenities[must] ? 0 : 1]);
    return `- ${space.name}${where}: ${usd(space.monthlyRate)}/month${desks}${needs.length ? `; ${needs.join(', ')}` : ''}`;
  });
  const missing = unknownRequirements(context.deal).map((field) => UNKNOWN_WORDS[field]);
  return [
    `From our inventory, these spaces fit what you describe best:\n${lines.join('\n')}`,
    ...(missing.length ? [`To narrow it down, could you tell me ${missing.join(' and ')}?`] : []),
  ];
}

export const DEFAULT_CLOSING = 'Let me know what works, and I will confirm with the host.';

/**
 * The template's greeting, closing line and phrases as the organization writes them (learned from
 * sent edits): a learned greeting and closing replace the defaults, a sentence carrying a phrase
 * agents keep deleting is left out, and a phrase they keep adding is said when the records back it.
 */
function templateStyle(context: DraftContext) {
  const style = context.style ?? EMPTY_STYLE;
  const signatureStart = normalisePhrase(context.signature.split('\n')[0] ?? '');
  const closing =
    style.signOff && normalisePhrase(style.signOff) !== signatureStart ? style.signOff : DEFAULT_CLOSING;
  const added = style.add
    .slice(0, 1)
    .map(asSentence)
    .filter((sentence) => checkGrounding(sentence, context).length === 0);
  return {
    greeting: (firstName: string) =>
      style.greeting ? fillGreeting(style.greeting, firstName) : `Hi ${firstName},`,
    closing,
    added,
    keeps: (sentence: string) =>
      !carriesAvoided(
        sentence,
        style.avoid,
        context.spaces.map((space) => space.name),
      ),
  };
}

/** A reply to the context's inbound email from the records alone. `instruction` steers a regeneration. */
export function draftOffline(
  context: DraftContext,
  options: { instruction?: string | null } = {},
): OfflineDraft {
  const inbound = context.inbound;
  const instruction = options.instruction?.trim() ?? '';
  const questions = questionsToAnswer(context);
  const spaces = spacesInQuestion(
    context,
    `${inbound.subject}\n${inbound.text}\n${questions.map((q) => q.text).join('\n')}\n${instruction}`,
  );
  const reasoning: DraftReasoning = {
    questionsAddressed: [],
    dataUsed: [],
    schedulingLogic: [],
    needsHumanReview: [],
  };
  const paragraphs: string[] = [];
  const primary = spaces[0] ?? null;
  const conversation = `${inbound.subject}\n${inbound.text}\n${instruction}`.toLowerCase();
  if (primary && context.spaces.length > 1 && !nameKeys(primary).some((key) => conversation.includes(key)))
    reasoning.needsHumanReview?.push(
      `The email names no space: answered for ${primary.name}, the deal's most advanced one`,
    );
  const done = new Map<QuestionTopic, string>();
  const kinds: QuestionKind[] = [];

  const answerTopic = (topic: QuestionTopic, question: Question): { text: string; isAnswer: boolean } => {
    const known = topic === 'booking' && LIMIT_ASK.test(question.text) ? undefined : done.get(topic);
    if (known !== undefined) return { text: known, isAnswer: true };
    if (topic === 'tour' || topic === 'other' || topic === 'lease' || topic === 'negotiation') {
      const text = deferral(topic, question, primary?.name ?? null);
      reasoning.needsHumanReview?.push(
        `${QUESTION_LABELS[topic]}: the records do not say ("${question.text}")`,
      );
      paragraphs.push(text);
      return { text, isAnswer: false };
    }
    const answers = spaces
      .map((space) => {
        switch (topic) {
          case 'total':
            return answerTotal(space, question.quantity ?? context.deal.requirements.parkingSpots ?? 1);
          case 'internet':
            return answerInternet(space);
          case 'utilities':
            return answerUtilities(space);
          case 'kitchen':
            return answerKitchen(space);
          case 'cleaning':
            return answerCleaning(space);
          case 'desks':
            return answerDesks(space, context.deal.teamSize);
          case 'booking':
            return answerBooking(space, question.text);
          default:
            return ANSWERERS[topic](space);
        }
      })
      .filter((a): a is NonNullable<Answer> => a !== null);
    if (answers.length === 0) {
      const text = deferral(topic, question, primary?.name ?? null);
      reasoning.needsHumanReview?.push(
        `${QUESTION_LABELS[topic]}: the records do not say ("${question.text}")`,
      );
      paragraphs.push(text);
      done.set(topic, text);
      return { text, isAnswer: false };
    }
    const corrections = spaces
      .map((space) => correction(question, space))
      .filter((c): c is string => c !== null);
    const text = [...corrections, ...answers.map((a) => a.sentence)].join(' ');
    paragraphs.push(text);
    for (const answer of answers) reasoning.dataUsed.push(...answer.data);
    done.set(topic, text);
    return { text, isAnswer: true };
  };

  let tourQuestion: Question | null = null;
  for (const question of questions) {
    const answered: string[] = [];
    for (const topic of question.topics) {
      if (topic === 'tour') {
        tourQuestion ??= question;
        continue;
      }
      if (topic !== 'other' && !kinds.includes(topic)) kinds.push(topic);
      const { text, isAnswer } = answerTopic(topic, question);
      if (isAnswer) answered.push(text);
    }
    if (answered.length > 0) {
      reasoning.questionsAddressed.push({
        question: question.text,
        answer: answered.join(' '),
        sourceEmailId: question.emailId,
        sourceText: question.text,
      });
    }
  }

  if (primary) {
    const request = requestedDay(`${instruction}\n${tourQuestion?.text ?? ''}`);
    const tour = proposeTour(primary, request);
    reasoning.schedulingLogic?.push(...tour.logic);
    if (
      tour.sentence &&
      tourQuestion &&
      request.day &&
      tour.logic.some((line) => line.includes('offered the next slots'))
    )
      reasoning.needsHumanReview?.push(
        `Tour: the requested ${request.day} is not in ${primary.name}'s availability; other slots offered`,
      );
    if (tour.sentence) {
      paragraphs.push(tour.sentence);
      reasoning.dataUsed.push(spaceData(primary, 'Tour availability', 'availability', primary.availability));
    }
    if (tourQuestion) {
      if (!kinds.includes('tour')) kinds.push('tour');
      if (tour.isAnswered) {
        reasoning.questionsAddressed.push({
          question: tourQuestion.text,
          answer: tour.sentence ?? '',
          sourceEmailId: tourQuestion.emailId,
          sourceText: tourQuestion.text,
        });
      } else {
        paragraphs.push(`I'll confirm tour times with the host and come back to you today.`);
        reasoning.needsHumanReview?.push(`Tour times: no availability on record for ${primary.name}`);
      }
    }
  } else {
    if (tourQuestion) paragraphs.push(`I'll confirm tour times with the host and come back to you today.`);
    reasoning.needsHumanReview?.push('No space is linked to this deal');
  }

  const proposed = context.spaces.filter((space) => space.suggestion);
  if (proposed.length > 0) {
    paragraphs.unshift(...proposalParagraphs(context, proposed));
    for (const space of proposed)
      reasoning.dataUsed.push(
        spaceData(space, 'Proposed from the inventory', 'monthlyRate', space.monthlyRate),
      );
  }

  const isShort = /\b(short|shorter|brief|concise)\b/i.test(instruction);
  const firstName = context.deal.seekerName.split(/\s+/)[0] ?? context.deal.seekerName;
  const style = templateStyle(context);
  const opening = isShort
    ? []
    : [
        primary && !primary.suggestion
          ? `Thanks for your note about ${primary.name}.`
          : 'Thanks for your note.',
      ].filter(style.keeps);
  const lines = [
    style.greeting(firstName),
    '',
    ...opening,
    ...(opening.length ? [''] : []),
    ...paragraphs.flatMap((p) => [p, '']),
    ...style.added.flatMap((sentence) => [sentence, '']),
  ];
  if (!isShort) lines.push(...[style.closing].filter(style.keeps), '');
  if (context.signature) lines.push(context.signature);
  if (instruction) reasoning.schedulingLogic?.push(`Instruction applied: ${instruction}`);

  const body = lines.join('\n').trim();
  const { confidence, basis } = computeConfidence({
    validation: validateDraftBody(body, context),
    unknowns: reasoning.needsHumanReview?.length ?? 0,
  });
  reasoning.confidenceBasis = basis;
  // Topics in the order the drafter's topic list gives them, so callers can compare sets.
  const order: QuestionKind[] = [
    'parking',
    'dogs',
    'access',
    'price',
    'total',
    'tour',
    'meetingRooms',
    'booking',
    'moveIn',
    'internet',
    'utilities',
    'kitchen',
    'cleaning',
    'desks',
    'lease',
  ];
  return { body, confidence, reasoning, questions: order.filter((k) => kinds.includes(k)) };
}
