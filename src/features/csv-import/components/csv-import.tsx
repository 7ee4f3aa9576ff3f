"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useErrorMessage } from "@/i18n/use-error-message";
import { useTRPC } from "@/lib/trpc/client";
import { toClientError } from "@/lib/trpc/errors";
import { Button } from "@/ui/button";
import { Alert, Card } from "@/ui/card";
import { SectionHeader } from "@/ui/page-parts";
import { checkFileMeta, decodeCsvBytes, MAX_FILE_MB, readFileBytes, type FileProblem } from "../client-file";
import type { DryRunResult, RunResult } from "../csv-import.schema";
import { DryRunTable } from "./dry-run-report";
import { FileDrop } from "./file-drop";
import { ImportDone } from "./import-done";
import { ImportHelp } from "./import-help";
import { Progress } from "./progress";

type Phase =
  | { kind: "idle" }
  | { kind: "reading"; fileName: string; percent: number }
  | { kind: "checking"; fileName: string }
  | { kind: "checked"; fileName: string; csv: string; result: DryRunResult; changedSinceCheck: boolean }
  | { kind: "importing"; fileName: string; csv: string; result: DryRunResult }
  | { kind: "done"; result: RunResult };

/**
 * The import page: choose a file, read it in the browser, let the server check it (the dry
 * run), review every row, then import. The server checks the file again when importing.
 */
export function CsvImport({ orgSlug }: { orgSlug: string }) {
  const t = useTranslations("csvImport");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dryRun = useMutation(trpc.csvImport.dryRun.mutationOptions());
  const run = useMutation(trpc.csvImport.run.mutationOptions());
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [problem, setProblem] = useState<string | null>(null);
  // a newer choice wins over a check still under way
  const attempt = useRef(0);

  const fileProblem = (code: FileProblem) => t(`clientErrors.${code}`, { maxMb: MAX_FILE_MB });
  /** A refused file (e.g. too large) says so on its field; anything else by its message. */
  const describe = (error: unknown) => {
    const clientError = toClientError(error);
    const fieldKey = clientError.messageKey === "invalidInput" ? clientError.fieldErrors.csv?.[0] : undefined;
    return fieldKey ? errorMessage(fieldKey) : errorMessage(clientError.messageKey, clientError.params);
  };

  async function check(fileName: string, csv: string, changedSinceCheck = false) {
    const mine = attempt.current;
    setPhase({ kind: "checking", fileName });
    try {
      const result = await dryRun.mutateAsync({ orgSlug, csv });
      if (attempt.current === mine) setPhase({ kind: "checked", fileName, csv, result, changedSinceCheck });
    } catch (error) {
      if (attempt.current !== mine) return;
      setProblem(describe(error));
      setPhase({ kind: "idle" });
    }
  }

  async function onFile(file: File) {
    const mine = ++attempt.current;
    setProblem(null);
    const metaProblem = checkFileMeta(file);
    if (metaProblem) {
      setProblem(fileProblem(metaProblem));
      setPhase({ kind: "idle" });
      return;
    }
    setPhase({ kind: "reading", fileName: file.name, percent: 0 });
    let bytes: Uint8Array;
    try {
      bytes = await readFileBytes(file, (percent) => {
        if (attempt.current === mine) setPhase({ kind: "reading", fileName: file.name, percent });
      });
    } catch {
      if (attempt.current === mine) {
        setProblem(fileProblem("unreadable"));
        setPhase({ kind: "idle" });
      }
      return;
    }
    if (attempt.current !== mine) return;
    const decoded = decodeCsvBytes(bytes);
    if (!decoded.ok) {
      setProblem(fileProblem(decoded.problem));
      setPhase({ kind: "idle" });
      return;
    }
    await check(file.name, decoded.text);
  }

  async function onImport() {
    if (phase.kind !== "checked") return;
    const { fileName, csv, result } = phase;
    setProblem(null);
    setPhase({ kind: "importing", fileName, csv, result });
    try {
      const outcome = await run.mutateAsync({ orgSlug, csv, fileName });
      // people, teams and invitations shown elsewhere have changed
      void queryClient.invalidateQueries();
      setPhase({ kind: "done", result: outcome });
    } catch (error) {
      const clientError = toClientError(error);
      if (clientError.messageKey === "csvImport.errors.rowsHaveErrors") {
        // the organisation changed after the check: show the rows as they stand now
        await check(fileName, csv, true);
        return;
      }
      setProblem(describe(error));
      setPhase({ kind: "checked", fileName, csv, result, changedSinceCheck: false });
    }
  }

  function reset() {
    attempt.current++;
    setProblem(null);
    setPhase({ kind: "idle" });
  }

  const busy = phase.kind === "reading" || phase.kind === "checking" || phase.kind === "importing";

  return (
    <div className="flex flex-col gap-6">
      <SectionHeader title={t("title")} description={t("lead")} />
      {phase.kind === "done" ? (
        <ImportDone result={phase.result} onAgain={reset} />
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="flex min-w-0 flex-col gap-6">
            <Card title={t("picker.title")}>
              <div className="flex flex-col gap-4">
                <FileDrop onFile={(file) => void onFile(file)} disabled={busy} compact={phase.kind === "checked"} />
                {problem ? <Alert>{problem}</Alert> : null}
                {phase.kind === "reading" ? <Progress label={t("progress.reading", { percent: phase.percent })} percent={phase.percent} /> : null}
                {phase.kind === "checking" ? <Progress label={t("progress.checking")} /> : null}
              </div>
            </Card>
            {phase.kind === "checked" || phase.kind === "importing" ? (
              <Review phase={phase} onImport={() => void onImport()} />
            ) : null}
          </div>
          <aside>
            <ImportHelp />
          </aside>
        </div>
      )}
    </div>
  );
}

function Review({ phase, onImport }: { phase: Extract<Phase, { kind: "checked" | "importing" }>; onImport: () => void }) {
  const t = useTranslations("csvImport");
  const { result, fileName } = phase;
  const { summary } = result;
  const fileInvalid = result.fileErrors.length > 0;
  const changes = summary.invite + summary.update;
  const canImport = !fileInvalid && summary.error === 0 && changes + summary.newTeams > 0;
  const counts = [
    { key: "rows", value: summary.rows },
    { key: "invite", value: summary.invite },
    { key: "update", value: summary.update },
    { key: "unchanged", value: summary.unchanged },
    { key: "error", value: summary.error },
    { key: "newTeams", value: summary.newTeams },
  ] as const;

  return (
    <Card title={t("check.title")}>
      <div className="flex flex-col gap-4" data-testid="import-review">
        <p className="text-sm break-all text-slate-600">
          {t("check.fileLine", { name: fileName, rows: summary.rows, separator: result.delimiter === ";" ? t("check.semicolon") : t("check.comma") })}
        </p>
        {phase.kind === "checked" && phase.changedSinceCheck ? <Alert tone="info">{t("check.changedSinceCheck")}</Alert> : null}

        {fileInvalid ? (
          <Alert>
            <p className="font-medium">{t("check.fileInvalid")}</p>
            <ul className="mt-1 list-disc pl-5">
              {result.fileErrors.map((issue) => (
                <li key={issue.code}>{t(`fileIssues.${issue.code}`, issue.params)}</li>
              ))}
            </ul>
          </Alert>
        ) : (
          <dl aria-label={t("check.summaryLabel")} className="grid grid-cols-2 gap-2 sm:grid-cols-3" data-testid="import-summary">
            {counts.map((count) => (
              <div key={count.key} className={`rounded-md border px-3 py-2 ${count.key === "error" && count.value > 0 ? "border-red-200 bg-red-50" : "border-slate-200 bg-slate-50"}`}>
                <dt className="text-xs text-slate-600">{t(`check.${count.key}`)}</dt>
                <dd className={`text-xl font-semibold tabular-nums ${count.key === "error" && count.value > 0 ? "text-red-700" : "text-slate-900"}`}>{count.value}</dd>
              </div>
            ))}
          </dl>
        )}

        {result.notices.map((notice) => (
          <Alert key={notice.code} tone="info">
            {t(`fileIssues.${notice.code}`, notice.params)}
          </Alert>
        ))}

        {result.newTeams.length > 0 ? (
          <details className="rounded-md border border-slate-200 px-3 py-2 text-sm">
            <summary className="cursor-pointer font-medium text-slate-800">{t("check.newTeamsTitle", { count: result.newTeams.length })}</summary>
            <ul className="mt-2 columns-1 gap-6 text-slate-700 sm:columns-2">
              {result.newTeams.map((path) => (
                <li key={path}>{path}</li>
              ))}
            </ul>
          </details>
        ) : null}

        {!fileInvalid ? (
          summary.error > 0 ? (
            <Alert>{t("check.fixFile", { count: summary.error })}</Alert>
          ) : changes + summary.newTeams === 0 ? (
            <Alert tone="info">{t("check.nothingToDo")}</Alert>
          ) : (
            <Alert tone="success">{t("check.ready")}</Alert>
          )
        ) : null}

        {phase.kind === "importing" ? (
          <Progress label={t("progress.importing", { rows: summary.rows })} />
        ) : (
          <div>
            <Button type="button" disabled={!canImport} onClick={onImport} data-testid="import-run">
              {canImport ? t("check.importCount", { count: changes }) : t("check.import")}
            </Button>
          </div>
        )}

        {!fileInvalid ? <DryRunTable key={`${fileName}-${summary.rows}-${summary.error}`} result={result} /> : null}
      </div>
    </Card>
  );
}
