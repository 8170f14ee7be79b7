'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { type FieldText, formErrors } from '@/lib/form-errors';
import { api, type RouterOutputs } from '@/trpc/react';

type Settings = RouterOutputs['settings']['get']['settings'];

type FormState = {
  replyTargetHours: string;
  regenerationLimit: string;
  regenerationCooldownHours: string;
  undoWindowSeconds: string;
  senderName: string;
  senderEmail: string;
  inboundAddress: string;
  signature: string;
};

const settingsFields: Record<keyof FormState, FieldText> = {
  replyTargetHours: { label: 'Reply target', unit: 'hour' },
  regenerationLimit: { label: 'Regenerations allowed', unit: 'regeneration' },
  regenerationCooldownHours: { label: 'Regeneration window', unit: 'hour' },
  undoWindowSeconds: { label: 'Undo window', unit: 'second' },
  senderName: { label: 'Sender name' },
  senderEmail: { label: 'Sender email' },
  inboundAddress: { label: 'Inbound address' },
  signature: { label: 'Signature' },
};

const toForm = (settings: Settings): FormState => ({
  replyTargetHours: String(settings.replyTargetHours),
  regenerationLimit: String(settings.regenerationLimit),
  regenerationCooldownHours: String(settings.regenerationCooldownHours),
  undoWindowSeconds: String(settings.undoWindowSeconds),
  senderName: settings.senderName,
  senderEmail: settings.senderEmail,
  inboundAddress: settings.inboundAddress ?? '',
  signature: settings.signature,
});

const numberFields = [
  {
    name: 'replyTargetHours',
    label: 'Reply-time target (hours)',
    hint: 'Every inbound email must be answered within this time.',
  },
  {
    name: 'regenerationLimit',
    label: 'Regenerations per draft',
    hint: 'How many times an agent can ask the AI for a new version.',
  },
  {
    name: 'regenerationCooldownHours',
    label: 'Regeneration cooldown (hours)',
    hint: 'After the limit, the next regeneration is allowed this long after the last.',
  },
  {
    name: 'undoWindowSeconds',
    label: 'Undo window (seconds)',
    hint: 'How long a sent email can be called back.',
  },
] as const;

const textFields = [
  {
    name: 'senderName',
    label: 'Sender name',
    type: 'text',
    hint: 'Shown as the "From" name of sent replies.',
  },
  {
    name: 'senderEmail',
    label: 'Sender address',
    type: 'email',
    hint: 'Must be on a domain verified in Resend.',
  },
  {
    name: 'inboundAddress',
    label: 'Inbound address',
    type: 'email',
    hint: 'Where seekers write; mail to it lands in this organization.',
  },
] as const;

export function SettingsForm({ settings }: { settings: Settings }) {
  const utils = api.useUtils();
  const [form, setForm] = useState<FormState>(() => toForm(settings));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof FormState, string>>>({});
  useEffect(() => setForm(toForm(settings)), [settings]);

  const update = api.settings.update.useMutation({
    onSuccess: (result) => {
      setFieldErrors({});
      toast.success(result.changed.length ? 'Settings saved' : 'Nothing to save: no setting changed');
      void utils.settings.get.invalidate();
    },
    onError: (error) => {
      const { fields: mapped, summary } = formErrors(error, settingsFields);
      if (error.data?.code === 'CONFLICT' && error.message.startsWith('inboundAddress')) {
        mapped.inboundAddress = error.message.replace(/^inboundAddress:\s*/, '');
      }
      setFieldErrors(mapped);
      toast.error(summary);
    },
  });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const asNumber = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
    update.mutate({
      replyTargetHours: asNumber(form.replyTargetHours),
      regenerationLimit: asNumber(form.regenerationLimit),
      regenerationCooldownHours: asNumber(form.regenerationCooldownHours),
      undoWindowSeconds: asNumber(form.undoWindowSeconds),
      senderName: form.senderName,
      senderEmail: form.senderEmail.trim(),
      inboundAddress: form.inboundAddress.trim(),
      signature: form.signature,
    });
  }

  const field = (name: keyof FormState) => ({
    id: `settings-${name}`,
    name,
    value: form[name],
    'aria-invalid': fieldErrors[name] ? true : undefined,
    'aria-describedby': `settings-${name}-hint`,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setForm((current) => ({ ...current, [name]: event.target.value })),
  });

  const hint = (name: keyof FormState, text: string) => (
    <p
      id={`settings-${name}-hint`}
      className={fieldErrors[name] ? 'text-xs text-destructive' : 'text-xs text-muted-foreground'}
    >
      {fieldErrors[name] ?? text}
    </p>
  );

  return (
    <Card>
      <form onSubmit={submit} noValidate className="grid gap-6">
        <CardHeader>
          <CardTitle>Organization</CardTitle>
          <CardDescription>Reply-time targets, regeneration limits, sender and signature.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <div className="grid gap-4 sm:grid-cols-2">
            {numberFields.map((item) => (
              <div key={item.name} className="grid gap-2">
                <Label htmlFor={`settings-${item.name}`}>{item.label}</Label>
                <Input type="number" inputMode="numeric" min={0} step={1} {...field(item.name)} />
                {hint(item.name, item.hint)}
              </div>
            ))}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            {textFields.map((item) => (
              <div key={item.name} className="grid gap-2">
                <Label htmlFor={`settings-${item.name}`}>{item.label}</Label>
                <Input type={item.type} autoComplete="off" {...field(item.name)} />
                {hint(item.name, item.hint)}
              </div>
            ))}
          </div>
          <div className="grid gap-2">
            <Label htmlFor="settings-signature">Organization signature</Label>
            <Textarea rows={4} {...field('signature')} />
            {hint('signature', 'The default for members who have not set their own signature.')}
          </div>
        </CardContent>
        <CardFooter className="justify-end gap-3">
          <Button
            type="button"
            variant="ghost"
            onClick={() => setForm(toForm(settings))}
            disabled={update.isPending}
          >
            Reset
          </Button>
          <Button type="submit" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save'}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
