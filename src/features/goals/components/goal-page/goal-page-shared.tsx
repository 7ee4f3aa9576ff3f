"use client";

import { useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useId } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { Alert } from "@/ui/card";
import { GOAL_REASON_MAX } from "../../goals.schema";

export const CAP_REACHED = "goals.errors.capReached";

/** The tRPC code of a failure ("CONFLICT", "FORBIDDEN"…), or null for a network failure. */
export function errorCodeOf(error: unknown): string | null {
  return error instanceof TRPCClientError ? ((error.data as { code?: string } | undefined)?.code ?? null) : null;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * A failure whose message parameters hold instants (the stale-version message's "when")
 * gets them written for the reader, in their language, before the message is shown.
 */
export function useReadableError() {
  const format = useFormatter();
  return useCallback(
    <E,>(error: E): E => {
      if (error instanceof TRPCClientError) {
        const params = (error.data as { params?: Record<string, string | number> | null } | undefined)?.params;
        if (params) {
          for (const [key, value] of Object.entries(params)) {
            if (typeof value === "string" && ISO_DATE_TIME.test(value)) {
              params[key] = format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short" });
            }
          }
        }
      }
      return error;
    },
    [format],
  );
}

/** Refreshes everything that shows a goal after a change. */
export function useGoalRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.goal.get.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.goal.history.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.goal.list.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.goal.alignmentTree.pathKey() }),
    ]).then(() => undefined);
}

export function ReasonField({
  label,
  hint,
  value,
  onChange,
  errors,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
}) {
  const id = useId();
  const hasErrors = (errors?.length ?? 0) > 0;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        rows={3}
        maxLength={GOAL_REASON_MAX}
        aria-invalid={hasErrors}
        aria-describedby={[hasErrors ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined}
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-600"
      />
      {hasErrors ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {errors!.join(" ")}
        </p>
      ) : null}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A failure's message; a conflict (the goal changed meanwhile) offers to load the goal again. */
export function FailureAlert({ message, onReload }: { message: string; onReload?: () => void }) {
  const t = useTranslations("goals.actions");
  return (
    <Alert>
      <span>{message}</span>
      {onReload ? (
        <>
          {" "}
          <button type="button" className="font-medium underline" onClick={onReload}>
            {t("reload")}
          </button>
        </>
      ) : null}
    </Alert>
  );
}
