const BAR = "animate-pulse rounded bg-slate-200/70";

/** The dashboard's shape while it loads: header, key figures, two charts and a list. */
export function TeamDashboardSkeleton({ label }: { label: string }) {
  return (
    <div className="flex flex-col gap-5" role="status" aria-label={label} data-testid="team-dashboard-loading">
      <div className={`h-4 w-48 ${BAR}`} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-col gap-2">
          <div className={`h-4 w-28 ${BAR}`} />
          <div className={`h-8 w-56 ${BAR}`} />
        </div>
        <div className={`h-10 w-48 ${BAR}`} />
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-5">
        {Array.from({ length: 5 }, (_, index) => (
          <div key={index} className="h-24 animate-pulse rounded-lg border border-slate-200 bg-white p-4">
            <div className={`h-3 w-20 ${BAR}`} />
            <div className={`mt-3 h-6 w-12 ${BAR}`} />
          </div>
        ))}
      </div>
      <div className="grid gap-5 xl:grid-cols-2">
        {Array.from({ length: 2 }, (_, index) => (
          <div key={index} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5">
            <div className={`h-5 w-40 ${BAR}`} />
            <div className="h-60 animate-pulse rounded bg-slate-100" />
          </div>
        ))}
      </div>
      <div className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-5">
        {Array.from({ length: 5 }, (_, index) => (
          <div key={index} className={`h-8 ${BAR}`} />
        ))}
      </div>
    </div>
  );
}
