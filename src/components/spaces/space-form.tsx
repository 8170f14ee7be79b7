'use client';

import { Archive, ArchiveRestore, ArrowLeft, Save } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { LabelledInput } from '@/components/ui/labelled-input';
import { NativeSelect } from '@/components/ui/native-select';
import { Skeleton } from '@/components/ui/skeleton';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { formErrorText } from '@/lib/form-errors';
import { api, type RouterOutputs } from '@/trpc/react';
import { emptyValues, type Flag, type SpaceFormValues, toFormValues, toSpaceInput } from './form-values';
import { amenityKeys, amenityLabels, weekdayLabel, weekdays } from './labels';

type Space = RouterOutputs['spaces']['get'];

/** `/spaces/[id]`: the space's every field, for managers to edit and agents to read. */
export function SpaceEditor({ id, canEdit }: { id: number; canEdit: boolean }) {
  const space = api.spaces.get.useQuery({ id });
  if (space.isPending)
    return (
      <div
        className="mx-auto grid w-full max-w-5xl gap-4 p-4 md:p-6"
        role="status"
        aria-busy="true"
        aria-label="Loading the space"
      >
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-64" />
        <Skeleton className="h-64" />
      </div>
    );
  if (space.isError) {
    const isMissing = space.error.data?.code === 'NOT_FOUND';
    return (
      <div role="alert" className="mx-auto grid w-full max-w-3xl justify-items-start gap-3 p-6 text-sm">
        <h1 className="text-lg font-semibold">
          {isMissing ? 'Space not found' : 'Could not load the space'}
        </h1>
        <p className="text-muted-foreground">
          {isMissing ? 'It does not exist, or it belongs to another organization.' : space.error.message}
        </p>
        <Button variant="ghost" size="sm" asChild>
          <Link href="/spaces">Back to spaces</Link>
        </Button>
      </div>
    );
  }
  return <SpaceForm key={space.data.id} space={space.data} canEdit={canEdit} />;
}

/** The form for a new space (`space` null) or an existing one. */
export function SpaceForm({ space, canEdit }: { space: Space | null; canEdit: boolean }) {
  const router = useRouter();
  const utils = api.useUtils();
  const [values, setValues] = useState<SpaceFormValues>(() => (space ? toFormValues(space) : emptyValues()));
  const [revision, setRevision] = useState(space?.revision ?? 0);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const readOnly = !canEdit;

  const kept = {
    hostStatus: space?.detailedAmenities.hostStatus,
    lastContact: space?.detailedAmenities.lastContact,
  };
  const create = api.spaces.create.useMutation({
    onSuccess: async (created) => {
      toast.success(`${created.name} created`);
      await utils.spaces.list.invalidate();
      router.push(`/spaces/${created.id}`);
    },
    onError: (e) => setError(formErrorText(e)),
  });
  const update = api.spaces.update.useMutation({
    onSuccess: async (saved) => {
      setRevision(saved.revision);
      setConflict(false);
      setError(null);
      utils.spaces.get.setData({ id: saved.id }, saved);
      await utils.spaces.list.invalidate();
      toast.success('Saved');
    },
    onError: (e) => {
      if (e.data?.code === 'CONFLICT') {
        setConflict(true);
        setError(null);
      } else setError(formErrorText(e));
    },
  });
  const archive = api.spaces.archive.useMutation({
    onSuccess: (saved) => afterArchive(saved, 'Archived'),
    onError: (e) => toast.error('Could not archive', { description: e.message }),
  });
  const restore = api.spaces.restore.useMutation({
    onSuccess: (saved) => afterArchive(saved, 'Restored'),
    onError: (e) => toast.error('Could not restore', { description: e.message }),
  });
  async function afterArchive(saved: Space, message: string) {
    setRevision(saved.revision);
    utils.spaces.get.setData({ id: saved.id }, saved);
    await utils.spaces.list.invalidate();
    toast.success(message);
  }

  const isSaving = create.isPending || update.isPending;
  function save(atRevision = revision) {
    setError(null);
    const input = toSpaceInput(values, kept);
    if (space) update.mutate({ ...input, id: space.id, revision: atRevision });
    else create.mutate(input);
  }

  /** Keeps the edits and saves them over the other person's version, once the person has seen the warning. */
  async function saveOverTheirs() {
    if (!space) return;
    const latest = await utils.spaces.get.fetch({ id: space.id }, { staleTime: 0 });
    save(latest.revision);
  }

  async function loadTheirs() {
    if (!space) return;
    const latest = await utils.spaces.get.fetch({ id: space.id }, { staleTime: 0 });
    setValues(toFormValues(latest));
    setRevision(latest.revision);
    setConflict(false);
  }

  function set<K extends keyof SpaceFormValues>(key: K, value: SpaceFormValues[K]) {
    setValues((current) => ({ ...current, [key]: value }));
  }
  function setIn<G extends 'parking' | 'dogPolicy' | 'access' | 'meetingRooms' | 'rentInclusions'>(
    group: G,
    key: keyof SpaceFormValues[G],
    value: string,
  ) {
    setValues((current) => ({ ...current, [group]: { ...current[group], [key]: value } }));
  }

  const archived = Boolean(space?.archivedAt);
  return (
    <form
      className="mx-auto grid w-full max-w-5xl gap-6 p-4 md:p-6"
      aria-label={space ? `Space ${space.name}` : 'New space'}
      onSubmit={(event) => {
        event.preventDefault();
        if (canEdit) save();
      }}
    >
      <div className="grid gap-3">
        <Link
          href="/spaces"
          className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
        >
          <ArrowLeft className="size-4" aria-hidden />
          Spaces
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 flex-1 truncate text-2xl font-semibold tracking-tight">
            {space ? space.name : 'New space'}
            {archived ? (
              <Badge variant="outline" className="ml-2 align-middle">
                Archived
              </Badge>
            ) : null}
          </h1>
          {canEdit ? (
            <div className="flex flex-wrap gap-2">
              {space ? (
                archived ? (
                  <Button
                    type="button"
                    variant="outline"
                    disabled={restore.isPending}
                    onClick={() => restore.mutate({ id: space.id })}
                  >
                    <ArchiveRestore aria-hidden />
                    Restore
                  </Button>
                ) : (
                  <Button
                    type="button"
                    variant="outline"
                    disabled={archive.isPending}
                    onClick={() => archive.mutate({ id: space.id })}
                  >
                    <Archive aria-hidden />
                    Archive
                  </Button>
                )
              ) : null}
              <Button type="submit" disabled={isSaving}>
                <Save aria-hidden />
                {isSaving ? 'Saving…' : 'Save'}
              </Button>
            </div>
          ) : (
            <Badge variant="secondary">Read only: managers edit the inventory</Badge>
          )}
        </div>
        {conflict ? (
          <div
            role="alert"
            className="grid gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40"
          >
            <p className="font-medium">Someone else changed this space since you opened it.</p>
            <p className="text-muted-foreground">Your edits are still here and were not saved.</p>
            <div className="flex flex-wrap gap-2">
              <Button type="button" size="sm" variant="outline" onClick={() => void loadTheirs()}>
                Discard mine and load theirs
              </Button>
              <Button type="button" size="sm" onClick={() => void saveOverTheirs()}>
                Save mine over theirs
              </Button>
            </div>
          </div>
        ) : null}
        {error ? (
          <p
            role="alert"
            className="rounded-lg border border-destructive/40 bg-destructive/5 p-3 text-sm text-destructive"
          >
            {error}
          </p>
        ) : null}
      </div>

      <fieldset disabled={readOnly} className="grid gap-6">
        <Section title="The space">
          <Grid>
            <LabelledInput label="Name" value={values.name} onChange={(v) => set('name', v)} required />
            <LabelledInput
              label="Reference"
              value={values.reference}
              onChange={(v) => set('reference', v)}
              hint="The listing’s own key; CSV re-imports update by it."
            />
            <LabelledInput
              label="Address"
              value={values.address}
              onChange={(v) => set('address', v)}
              required
              className="sm:col-span-2"
            />
            <LabelledInput
              label="Neighbourhood"
              value={values.neighborhood}
              onChange={(v) => set('neighborhood', v)}
            />
            <LabelledInput
              label="Available from"
              type="date"
              value={values.availableFrom}
              onChange={(v) => set('availableFrom', v)}
            />
            <LabelledInput
              label="Monthly rate ($)"
              value={values.monthlyRate}
              onChange={(v) => set('monthlyRate', v)}
              required
              inputMode="decimal"
            />
            <LabelledInput
              label="Desks"
              value={values.desks}
              onChange={(v) => set('desks', v)}
              inputMode="decimal"
            />
            <LabelledInput
              label="Square feet"
              value={values.squareFeet}
              onChange={(v) => set('squareFeet', v)}
              inputMode="decimal"
            />
          </Grid>
        </Section>

        <Section title="Host">
          <Grid>
            <LabelledInput
              label="Host company"
              value={values.hostCompany}
              onChange={(v) => set('hostCompany', v)}
              required
            />
            <LabelledInput
              label="Host email"
              type="email"
              value={values.hostEmail}
              onChange={(v) => set('hostEmail', v)}
              required
            />
            <TextField
              label="Host context"
              value={values.hostContext}
              onChange={(v) => set('hostContext', v)}
            />
          </Grid>
        </Section>

        <Section title="Amenities">
          <div className="flex flex-wrap gap-x-6 gap-y-3">
            {amenityKeys.map((key) => (
              <div key={key} className="flex items-center gap-2">
                <Checkbox
                  id={`amenity-${key}`}
                  checked={values.amenities[key]}
                  disabled={readOnly}
                  onCheckedChange={(checked) =>
                    set('amenities', { ...values.amenities, [key]: checked === true })
                  }
                />
                <Label htmlFor={`amenity-${key}`} className="font-normal">
                  {amenityLabels[key]}
                </Label>
              </div>
            ))}
          </div>
        </Section>

        <Section title="Availability" description="Tour slots by weekday, separated by commas: 10am, 2:30pm.">
          <div className="grid gap-2">
            {weekdays.map((day) => (
              <div key={day} className="grid items-center gap-1 sm:grid-cols-[8rem_1fr] sm:gap-3">
                <Label htmlFor={`availability-${day}`}>{weekdayLabel(day)}</Label>
                <Input
                  id={`availability-${day}`}
                  aria-label={`Tour slots on ${weekdayLabel(day)}`}
                  placeholder="No tours"
                  value={values.availability[day]}
                  onChange={(event) =>
                    set('availability', { ...values.availability, [day]: event.target.value })
                  }
                />
              </div>
            ))}
          </div>
        </Section>

        <Section title="Parking">
          <Grid>
            <LabelledInput
              label="Parking type"
              value={values.parking.type}
              onChange={(v) => setIn('parking', 'type', v)}
            />
            <LabelledInput
              label="Parking location"
              value={values.parking.location}
              onChange={(v) => setIn('parking', 'location', v)}
            />
            <LabelledInput
              label="Parking cost per month ($)"
              value={values.parking.costMonthly}
              onChange={(v) => setIn('parking', 'costMonthly', v)}
              inputMode="decimal"
            />
            <LabelledInput
              label="Parking cost per day ($)"
              value={values.parking.costPerDay}
              onChange={(v) => setIn('parking', 'costPerDay', v)}
              inputMode="decimal"
            />
            <LabelledInput
              label="Spots available"
              value={values.parking.spotsAvailable}
              onChange={(v) => setIn('parking', 'spotsAvailable', v)}
              inputMode="decimal"
            />
            <LabelledInput
              label="Parking provider"
              value={values.parking.provider}
              onChange={(v) => setIn('parking', 'provider', v)}
            />
            <FlagField
              label="Shared spots"
              value={values.parking.sharedSpots}
              onChange={(v) => setIn('parking', 'sharedSpots', v)}
            />
            <TextField
              label="Parking note"
              value={values.parking.note}
              onChange={(v) => setIn('parking', 'note', v)}
            />
          </Grid>
        </Section>

        <Section title="Dog policy">
          <Grid>
            <FlagField
              label="Dogs allowed"
              value={values.dogPolicy.allowed}
              onChange={(v) => setIn('dogPolicy', 'allowed', v)}
            />
            <LabelledInput
              label="Dog size limit"
              value={values.dogPolicy.sizeLimit}
              onChange={(v) => setIn('dogPolicy', 'sizeLimit', v)}
            />
            <LabelledInput
              label="Dog deposit ($)"
              value={values.dogPolicy.deposit}
              onChange={(v) => setIn('dogPolicy', 'deposit', v)}
              inputMode="decimal"
            />
            <LabelledInput
              label="Reason"
              value={values.dogPolicy.reason}
              onChange={(v) => setIn('dogPolicy', 'reason', v)}
            />
            <LabelledInput
              label="Flexibility"
              value={values.dogPolicy.flexibility}
              onChange={(v) => setIn('dogPolicy', 'flexibility', v)}
            />
            <LabelledInput
              label="Alternative"
              value={values.dogPolicy.alternative}
              onChange={(v) => setIn('dogPolicy', 'alternative', v)}
            />
            <TextField
              label="Dog policy note"
              value={values.dogPolicy.note}
              onChange={(v) => setIn('dogPolicy', 'note', v)}
            />
          </Grid>
        </Section>

        <Section title="Access">
          <Grid>
            <LabelledInput
              label="Access system"
              value={values.access.system}
              onChange={(v) => setIn('access', 'system', v)}
            />
            <LabelledInput
              label="Access hours"
              value={values.access.hours}
              onChange={(v) => setIn('access', 'hours', v)}
            />
            <FlagField
              label="After-hours access"
              value={values.access.afterHours}
              onChange={(v) => setIn('access', 'afterHours', v)}
            />
            <LabelledInput
              label="Cost per card ($)"
              value={values.access.costPerCard}
              onChange={(v) => setIn('access', 'costPerCard', v)}
              inputMode="decimal"
            />
            <LabelledInput
              label="Access cost ($)"
              value={values.access.cost}
              onChange={(v) => setIn('access', 'cost', v)}
              inputMode="decimal"
            />
            <LabelledInput
              label="Advance notice"
              value={values.access.advanceNotice}
              onChange={(v) => setIn('access', 'advanceNotice', v)}
            />
            <LabelledInput
              label="Security contact"
              value={values.access.securityContact}
              onChange={(v) => setIn('access', 'securityContact', v)}
            />
            <TextField
              label="Access process"
              value={values.access.process}
              onChange={(v) => setIn('access', 'process', v)}
            />
          </Grid>
        </Section>

        <Section title="Meeting rooms">
          <Grid>
            <LabelledInput
              label="Number of meeting rooms"
              value={values.meetingRooms.count}
              onChange={(v) => setIn('meetingRooms', 'count', v)}
              inputMode="decimal"
            />
            <LabelledInput
              label="Room sizes (people)"
              value={values.meetingRooms.sizes}
              onChange={(v) => setIn('meetingRooms', 'sizes', v)}
              hint="Separated by commas: 4, 8, 12"
            />
            <LabelledInput
              label="Booking system"
              value={values.meetingRooms.bookingSystem}
              onChange={(v) => setIn('meetingRooms', 'bookingSystem', v)}
            />
            <LabelledInput
              label="Max hours per booking"
              value={values.meetingRooms.maxHoursPerBooking}
              onChange={(v) => setIn('meetingRooms', 'maxHoursPerBooking', v)}
              inputMode="decimal"
            />
            <TextField
              label="Meeting rooms note"
              value={values.meetingRooms.note}
              onChange={(v) => setIn('meetingRooms', 'note', v)}
            />
          </Grid>
        </Section>

        <Section title="Rent inclusions">
          <Grid>
            <FlagField
              label="Utilities included"
              value={values.rentInclusions.utilities}
              onChange={(v) => setIn('rentInclusions', 'utilities', v)}
            />
            <FlagField
              label="HVAC included"
              value={values.rentInclusions.hvac}
              onChange={(v) => setIn('rentInclusions', 'hvac', v)}
            />
            <LabelledInput
              label="Internet"
              value={values.rentInclusions.internet}
              onChange={(v) => setIn('rentInclusions', 'internet', v)}
            />
            <LabelledInput
              label="Janitorial"
              value={values.rentInclusions.janitorial}
              onChange={(v) => setIn('rentInclusions', 'janitorial', v)}
            />
            <LabelledInput
              label="Kitchen"
              value={values.rentInclusions.kitchen}
              onChange={(v) => setIn('rentInclusions', 'kitchen', v)}
            />
          </Grid>
        </Section>
      </fieldset>
      {canEdit ? (
        <div className="flex justify-end">
          <Button type="submit" disabled={isSaving}>
            <Save aria-hidden />
            {isSaving ? 'Saving…' : 'Save'}
          </Button>
        </div>
      ) : null}
    </form>
  );
}

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

function Grid({ children }: { children: React.ReactNode }) {
  return <div className="grid gap-4 sm:grid-cols-2">{children}</div>;
}

function TextField(props: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="grid gap-1.5 sm:col-span-2">
      <Label htmlFor={id}>{props.label}</Label>
      <Textarea
        id={id}
        rows={2}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}

function FlagField(props: { label: string; value: Flag; onChange: (value: Flag) => void }) {
  const id = useId();
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{props.label}</Label>
      <NativeSelect
        id={id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as Flag)}
      >
        <option value="">Not recorded</option>
        <option value="yes">Yes</option>
        <option value="no">No</option>
      </NativeSelect>
    </div>
  );
}
