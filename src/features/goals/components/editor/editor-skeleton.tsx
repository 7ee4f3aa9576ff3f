/** The editor's shape while it loads: header, stepper, the form and the coach beside it. */
export function EditorSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label} className="flex flex-col gap-5">
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200/70" />
      <div className="grid grid-cols-7 gap-2">
        {Array.from({ length: 7 }, (_, index) => (
          <div key={index} className="mx-auto size-8 animate-pulse rounded-full bg-slate-200/70" />
        ))}
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-6">
          <div className="h-6 w-40 animate-pulse rounded bg-slate-200/70" />
          {Array.from({ length: 5 }, (_, index) => (
            <div key={index} className="h-10 animate-pulse rounded bg-slate-200/70" />
          ))}
        </div>
        <div className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
          <div className="h-5 w-28 animate-pulse rounded bg-slate-200/70" />
          <div className="h-10 animate-pulse rounded bg-slate-200/70" />
          <div className="h-16 animate-pulse rounded bg-slate-200/70" />
        </div>
      </div>
    </div>
  );
}
