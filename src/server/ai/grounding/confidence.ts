import type { DraftValidation } from '../../../../db/schema';

/**
 * Confidence from the evidence, the same way for the offline drafter and the model: the share of
 * the seeker's questions answered from the records (a deferral counts for less), minus what the
 * checks found (errors weigh most) and the facts the records lack. The model's own number is one
 * input, weighted a quarter, never the answer. A perfect reply to one question scores 83, to four
 * questions 91; each error costs 30, each warning 8, each unknown 4.
 */
export type ConfidenceInputs = {
  validation: Pick<DraftValidation, 'issues' | 'questions'>;
  /** Facts the records lack or points a person should look at (reasoning.needsHumanReview). */
  unknowns: number;
  /** The model's self-reported confidence, when a model wrote the draft. */
  modelConfidence?: number | null;
};

export function computeConfidence(inputs: ConfidenceInputs): { confidence: number; basis: string } {
  const q = inputs.validation.questions ?? { asked: 0, answered: 0, deferred: 0 };
  const errors = inputs.validation.issues.filter((i) => i.severity === 'error').length;
  const warnings = inputs.validation.issues.filter((i) => i.severity === 'warning').length;
  // The share answered, smoothed by a quarter of a question: one answered question is weaker
  // evidence than four (an unseen question is likelier to hide in a short, sparse email).
  const coverage = q.asked === 0 ? 0.75 : (q.answered + 0.4 * q.deferred) / (q.asked + 0.25);
  let score = 35 + 60 * coverage;
  score -= Math.min(60, errors * 30);
  score -= Math.min(30, warnings * 8);
  score -= Math.min(20, inputs.unknowns * 4);
  const model = inputs.modelConfidence;
  if (model !== undefined && model !== null) score = 0.75 * score + 0.25 * model;
  const confidence = Math.max(5, Math.min(97, Math.round(score)));
  const parts = [
    q.asked === 0
      ? 'no questions to answer'
      : `${q.answered} of ${q.asked} questions answered from the records${q.deferred ? `, ${q.deferred} deferred` : ''}`,
    `${errors} failed check${errors === 1 ? '' : 's'}`,
    `${warnings} warning${warnings === 1 ? '' : 's'}`,
    `${inputs.unknowns} fact${inputs.unknowns === 1 ? '' : 's'} the records lack`,
  ];
  if (model !== undefined && model !== null) parts.push(`the model's own ${model}% weighted a quarter`);
  return { confidence, basis: `${confidence}%: ${parts.join(', ')}` };
}
