"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type DragEvent } from "react";
import { buttonClasses } from "@/ui/button";
import { MAX_FILE_MB } from "../client-file";

/** A drop zone with a real file input behind a button-looking label, usable by keyboard. */
export function FileDrop({ onFile, disabled, compact }: { onFile: (file: File) => void; disabled: boolean; compact: boolean }) {
  const t = useTranslations("csvImport.picker");
  const inputId = useId();
  const hintId = useId();
  const [over, setOver] = useState(false);

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  }

  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={`flex flex-col items-center gap-2 rounded-lg border-2 border-dashed px-4 text-center transition-colors ${compact ? "py-4" : "py-10"} ${
        over ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"
      }`}
    >
      {compact ? null : (
        <>
          <svg aria-hidden viewBox="0 0 24 24" className="size-8 text-slate-400" fill="none" stroke="currentColor" strokeWidth={1.5}>
            <path strokeLinecap="round" strokeLinejoin="round" d="M12 16V4m0 0-4 4m4-4 4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
          </svg>
          <p className="font-medium text-slate-800">{over ? t("dropHere") : t("drop")}</p>
          <p className="text-sm text-slate-500">{t("or")}</p>
        </>
      )}
      <label
        htmlFor={inputId}
        className={`${buttonClasses(compact ? "secondary" : "primary")} cursor-pointer focus-within:ring-2 focus-within:ring-brand-600 focus-within:ring-offset-2 ${
          disabled ? "pointer-events-none opacity-60" : ""
        }`}
      >
        {compact ? t("another") : t("choose")}
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          className="sr-only"
          aria-describedby={hintId}
          disabled={disabled}
          data-testid="import-file"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // cleared, so choosing the same (now fixed) file again is seen as a new choice
            event.currentTarget.value = "";
            if (file) onFile(file);
          }}
        />
      </label>
      <p id={hintId} className="max-w-md text-xs text-slate-600">
        {t("hint", { maxMb: MAX_FILE_MB })}
      </p>
    </div>
  );
}
