export function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <div className="mx-auto w-full max-w-3xl p-6">
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-2 text-sm text-muted-foreground">{description}</p>
      <p className="mt-6 rounded-md border border-dashed p-6 text-sm text-muted-foreground">Coming soon.</p>
    </div>
  );
}
