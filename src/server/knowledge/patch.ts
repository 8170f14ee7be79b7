import type { DetailedAmenities, KnowledgeValue } from '../../../db/schema';
import { BadInputError } from '../errors';
import { detailedAmenitiesSchema, type UpdateSpaceInput } from '../spaces/schemas';
import { isKnowledgeField } from './extract';

/** The update of a space that writes one learned fact, checked by the same rules as the space form. */
export function factPatch(
  space: { detailedAmenities: DetailedAmenities },
  field: string,
  value: KnowledgeValue,
): Partial<
  Pick<UpdateSpaceInput, 'monthlyRate' | 'desks' | 'squareFeet' | 'neighborhood' | 'detailedAmenities'>
> {
  if (!isKnowledgeField(field)) throw new BadInputError(`field: ${field} is not a field Echo can learn`);
  const [group, section, key] = field.split('.');
  if (!section) {
    if (field === 'neighborhood') return { neighborhood: String(value) };
    if (typeof value !== 'number') throw new BadInputError(`value: ${field} must be a number`);
    return { [field]: value };
  }
  if (group !== 'detailedAmenities' || !key)
    throw new BadInputError(`field: ${field} is not a field Echo can learn`);
  const detailed = structuredClone(space.detailedAmenities) as Record<
    string,
    Record<string, unknown> | undefined
  >;
  const base: Record<string, unknown> =
    section === 'meetingRooms' ? { count: 0, sizes: [] } : section === 'dogPolicy' ? { allowed: false } : {};
  detailed[section] = { ...base, ...(detailed[section] ?? {}), [key]: value };
  const parsed = detailedAmenitiesSchema.safeParse(detailed);
  if (!parsed.success) {
    throw new BadInputError(`value: ${parsed.error.issues[0]?.message ?? 'does not fit the space record'}`);
  }
  return { detailedAmenities: parsed.data };
}
