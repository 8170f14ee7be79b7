'use client';

import { Pencil, Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { Label } from '@/components/ui/label';
import { LabelledInput } from '@/components/ui/labelled-input';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { formErrorText } from '@/lib/form-errors';
import { api, type RouterInputs, type RouterOutputs } from '@/trpc/react';

type Deal = RouterOutputs['deals']['get'];
type DealInput = RouterInputs['deals']['create'];

type Values = {
  seekerName: string;
  seekerEmail: string;
  companyName: string;
  teamSize: string;
  monthlyBudget: string;
  ownerId: string;
  neighborhoods: string;
  moveInDate: string;
  leaseMonths: string;
  parking: boolean;
  parkingSpots: string;
  dogFriendly: boolean;
  afterHours: boolean;
  meetingRooms: boolean;
  notes: string;
};

function valuesOf(deal: Deal | null): Values {
  const r = deal?.requirements ?? {};
  return {
    seekerName: deal?.seekerName ?? '',
    seekerEmail: deal?.seekerEmail ?? '',
    companyName: deal?.companyName ?? '',
    teamSize: deal ? String(deal.teamSize) : '',
    monthlyBudget: deal ? String(deal.monthlyBudget) : '',
    ownerId: deal?.ownerId ?? '',
    neighborhoods: (r.neighborhoods ?? []).join(', '),
    moveInDate: r.moveInDate ?? '',
    leaseMonths: r.leaseMonths === undefined ? '' : String(r.leaseMonths),
    parking: r.parking === true,
    parkingSpots: r.parkingSpots === undefined ? '' : String(r.parkingSpots),
    dogFriendly: r.dogFriendly === true,
    afterHours: r.afterHours === true,
    meetingRooms: r.meetingRooms === true,
    notes: r.notes ?? '',
  };
}

/** Text that is a number becomes one; anything else goes as typed so the server names the field. */
const num = (text: string) => {
  const trimmed = text.trim().replace(/^\$/, '').replaceAll(',', '');
  const value = Number(trimmed);
  return (trimmed !== '' && Number.isFinite(value) ? value : trimmed) as number;
};
const optNum = (text: string) => (text.trim() === '' ? undefined : num(text));

function inputOf(values: Values): DealInput {
  const neighborhoods = values.neighborhoods
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const requirements = Object.fromEntries(
    Object.entries({
      neighborhoods: neighborhoods.length ? neighborhoods : undefined,
      moveInDate: values.moveInDate || undefined,
      leaseMonths: optNum(values.leaseMonths),
      parking: values.parking || undefined,
      parkingSpots: optNum(values.parkingSpots),
      dogFriendly: values.dogFriendly || undefined,
      afterHours: values.afterHours || undefined,
      meetingRooms: values.meetingRooms || undefined,
      notes: values.notes.trim() || undefined,
    }).filter(([, value]) => value !== undefined),
  );
  return {
    seekerName: values.seekerName,
    seekerEmail: values.seekerEmail,
    companyName: values.companyName,
    teamSize: num(values.teamSize),
    monthlyBudget: num(values.monthlyBudget),
    ownerId: values.ownerId || null,
    requirements,
  };
}

/** "New deal" on the board, or "Edit deal" on the deal page (same fields, same rules). */
export function DealFormDialog({ deal }: { deal: Deal | null }) {
  const router = useRouter();
  const utils = api.useUtils();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>(() => valuesOf(deal));
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const owners = api.deals.owners.useQuery(undefined, { enabled: open });

  const create = api.deals.create.useMutation({
    onSuccess: async (created) => {
      toast.success(`${created.companyName} added to Inquiry`);
      setOpen(false);
      await utils.deals.board.invalidate();
      router.push(`/deals/${created.id}`);
    },
    onError: (e) => setError(formErrorText(e)),
  });
  const update = api.deals.update.useMutation({
    onSuccess: async () => {
      toast.success('Deal saved');
      setOpen(false);
      setConflict(false);
      await Promise.all([utils.deals.get.invalidate(), utils.deals.board.invalidate()]);
    },
    onError: (e) => {
      if (e.data?.code === 'CONFLICT') setConflict(true);
      else setError(formErrorText(e));
    },
  });

  function save(revision = deal?.revision ?? 0) {
    setError(null);
    if (deal) update.mutate({ ...inputOf(values), id: deal.id, revision });
    else create.mutate(inputOf(values));
  }
  async function saveOverTheirs() {
    if (!deal) return;
    const latest = await utils.deals.get.fetch({ id: deal.id }, { staleTime: 0 });
    save(latest.revision);
  }

  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const isSaving = create.isPending || update.isPending;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setValues(valuesOf(deal));
          setError(null);
          setConflict(false);
        }
      }}
    >
      <DialogTrigger asChild>
        {deal ? (
          <Button variant="outline" size="sm">
            <Pencil aria-hidden />
            Edit deal
          </Button>
        ) : (
          <Button size="sm">
            <Plus aria-hidden />
            New deal
          </Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{deal ? `Edit ${deal.companyName}` : 'New deal'}</DialogTitle>
          <DialogDescription>
            {deal
              ? 'Changes are checked against the latest version before they are saved.'
              : 'The deal starts in Inquiry.'}
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <div className="grid gap-4 sm:grid-cols-2">
            <LabelledInput
              label="Seeker name"
              value={values.seekerName}
              onChange={(v) => set('seekerName', v)}
              required
            />
            <LabelledInput
              label="Seeker email"
              type="email"
              value={values.seekerEmail}
              onChange={(v) => set('seekerEmail', v)}
              required
            />
            <LabelledInput
              label="Company"
              value={values.companyName}
              onChange={(v) => set('companyName', v)}
              required
            />
            <LabelledInput
              label="Team size"
              value={values.teamSize}
              onChange={(v) => set('teamSize', v)}
              required
              inputMode="numeric"
            />
            <LabelledInput
              label="Monthly budget ($)"
              value={values.monthlyBudget}
              onChange={(v) => set('monthlyBudget', v)}
              required
              inputMode="numeric"
            />
            <OwnerSelect
              value={values.ownerId}
              onChange={(v) => set('ownerId', v)}
              owners={owners.data ?? []}
            />
          </div>
          <fieldset className="grid gap-4 rounded-lg border p-3">
            <legend className="px-1 text-sm font-medium">Requirements</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              <LabelledInput
                label="Neighbourhoods"
                value={values.neighborhoods}
                onChange={(v) => set('neighborhoods', v)}
                hint="Separated by commas"
              />
              <LabelledInput
                label="Move-in date"
                type="date"
                value={values.moveInDate}
                onChange={(v) => set('moveInDate', v)}
              />
              <LabelledInput
                label="Lease (months)"
                value={values.leaseMonths}
                onChange={(v) => set('leaseMonths', v)}
                inputMode="numeric"
              />
              <LabelledInput
                label="Parking spots"
                value={values.parkingSpots}
                onChange={(v) => set('parkingSpots', v)}
                inputMode="numeric"
              />
            </div>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              {(
                [
                  ['parking', 'Parking'],
                  ['dogFriendly', 'Dog friendly'],
                  ['afterHours', 'After-hours access'],
                  ['meetingRooms', 'Meeting rooms'],
                ] as const
              ).map(([key, label]) => (
                <div key={key} className="flex items-center gap-2">
                  <Checkbox
                    id={`deal-need-${key}`}
                    checked={values[key]}
                    onCheckedChange={(c) => set(key, c === true)}
                  />
                  <Label htmlFor={`deal-need-${key}`} className="font-normal">
                    {label}
                  </Label>
                </div>
              ))}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="deal-notes">Notes</Label>
              <Textarea
                id="deal-notes"
                rows={2}
                value={values.notes}
                onChange={(e) => set('notes', e.target.value)}
              />
            </div>
          </fieldset>
          {conflict ? (
            <div
              role="alert"
              className="grid gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40"
            >
              <p className="font-medium">Someone else changed this deal since you opened it.</p>
              <p className="text-muted-foreground">Your edits are still here and were not saved.</p>
              <div>
                <Button type="button" size="sm" onClick={() => void saveOverTheirs()}>
                  Save mine over theirs
                </Button>
              </div>
            </div>
          ) : null}
          {error ? (
            <p
              role="alert"
              className="rounded-md border border-destructive/40 bg-destructive/5 p-2 text-sm text-destructive"
            >
              {error}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="submit" disabled={isSaving}>
              {isSaving ? 'Saving…' : deal ? 'Save' : 'Create deal'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function OwnerSelect(props: {
  value: string;
  onChange: (value: string) => void;
  owners: Array<{ id: string; name: string }>;
}) {
  const id = useId();
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>Owner</Label>
      <NativeSelect id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">Unassigned</option>
        {props.owners.map((owner) => (
          <option key={owner.id} value={owner.id}>
            {owner.name}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
