/** A progress bar with its label; without a percentage it shows that work goes on (indeterminate). */
export function Progress({ label, percent }: { label: string; percent?: number }) {
  return (
    <div className="flex flex-col gap-2" data-testid="import-progress">
      <p className="text-sm text-slate-700" aria-live="polite">
        {label}
      </p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={percent === undefined ? undefined : 0}
        aria-valuemax={percent === undefined ? undefined : 100}
        aria-valuenow={percent}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        {percent === undefined ? (
          <div className="h-full w-1/3 animate-[import-slide_1.2s_ease-in-out_infinite] rounded-full bg-brand-600 motion-reduce:w-full motion-reduce:animate-pulse" />
        ) : (
          <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${percent}%` }} />
        )}
      </div>
      <style>{"@keyframes import-slide{0%{transform:translateX(-100%)}100%{transform:translateX(300%)}}"}</style>
    </div>
  );
}
