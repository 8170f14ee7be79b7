'use client';

import { FileUp, Upload } from 'lucide-react';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
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
import { toast } from '@/components/ui/toast';
import { api, type RouterOutputs } from '@/trpc/react';

type Preview = RouterOutputs['spaces']['import'];

/** Upload → a dry run listing every row's problems → Import (all rows in one transaction, or none). */
export function ImportDialog() {
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const utils = api.useUtils();
  const check = api.spaces.import.useMutation({
    onSuccess: setPreview,
    onError: (error) => toast.error('Could not read the file', { description: error.message }),
  });
  const write = api.spaces.import.useMutation({
    onSuccess: async (result) => {
      if (result.errors.length > 0) {
        setPreview(result);
        return;
      }
      toast.success(`Imported: ${result.created} created, ${result.updated} updated`);
      await utils.spaces.invalidate();
      reset();
      setOpen(false);
    },
    onError: (error) => toast.error('Could not import', { description: error.message }),
  });

  function reset() {
    setFile(null);
    setPreview(null);
  }

  async function choose(selected: File | undefined) {
    setPreview(null);
    if (!selected) return setFile(null);
    const csv = await selected.text();
    setFile({ name: selected.name, csv });
    check.mutate({ csv, dryRun: true });
  }

  const canImport = file && preview && preview.errors.length === 0 && preview.created + preview.updated > 0;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Upload aria-hidden />
          Import
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Import spaces from CSV</DialogTitle>
          <DialogDescription>
            The header names the fields (as in an export). Rows with a known <code>reference</code> update
            that space; the rest are created. Nothing is written unless every row is right.
          </DialogDescription>
        </DialogHeader>
        <div className="grid gap-2">
          <Label htmlFor={inputId}>CSV file</Label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            className="text-sm file:mr-3 file:rounded-md file:border file:bg-background file:px-3 file:py-1.5 file:text-sm file:font-medium"
            onChange={(event) => void choose(event.target.files?.[0])}
          />
        </div>
        {check.isPending ? (
          <p role="status" className="text-sm text-muted-foreground">
            Checking every row…
          </p>
        ) : null}
        {preview ? <PreviewSummary preview={preview} /> : null}
        <DialogFooter>
          <Button
            disabled={!canImport || write.isPending}
            onClick={() => file && write.mutate({ csv: file.csv })}
          >
            <FileUp aria-hidden />
            {write.isPending ? 'Importing…' : 'Import'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function PreviewSummary({ preview }: { preview: Preview }) {
  if (preview.errors.length === 0) {
    return (
      <p role="status" className="rounded-md border bg-muted/40 p-3 text-sm">
        Ready: {preview.created} {preview.created === 1 ? 'space' : 'spaces'} to create, {preview.updated} to
        update.
      </p>
    );
  }
  return (
    <div role="alert" className="grid gap-2">
      <p className="text-sm font-medium text-destructive">
        {preview.errors.length} {preview.errors.length === 1 ? 'problem' : 'problems'} to fix; nothing will be
        imported until the file is right.
      </p>
      <div className="max-h-72 overflow-auto rounded-md border">
        <table className="w-full text-sm">
          <caption className="sr-only">Problems by row and field</caption>
          <thead className="sticky top-0 bg-muted text-left text-xs text-muted-foreground">
            <tr>
              <th className="px-3 py-1.5 font-medium">Row</th>
              <th className="px-3 py-1.5 font-medium">Field</th>
              <th className="px-3 py-1.5 font-medium">Problem</th>
            </tr>
          </thead>
          <tbody>
            {preview.errors.map((error) => (
              <tr key={`${error.row}:${error.field}:${error.message}`} className="border-t">
                <td className="px-3 py-1.5 tabular-nums">{error.row}</td>
                <td className="px-3 py-1.5 font-mono text-xs">{error.field}</td>
                <td className="px-3 py-1.5">{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
