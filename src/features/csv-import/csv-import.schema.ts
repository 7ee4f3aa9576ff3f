import { z } from "zod";
import { ZRole } from "@/features/people/people.schema";
import { FILE_ERROR_CODES, MAX_IMPORT_CHARS, PARSE_ROW_ERROR_CODES } from "./parse";
import { PLAN_ROW_ERROR_CODES, ROW_NOTE_CODES } from "./plan";

/** The file's text as the browser read it (UTF-8), and its name for the audit log. */
export const importInputShape = {
  csv: z.string().max(MAX_IMPORT_CHARS, { error: "csvImport.errors.tooLarge" }),
  fileName: z.string().trim().max(255).optional(),
};

const ZParams = z.record(z.string(), z.union([z.string(), z.number()]));

export const ZFileIssue = z.object({ code: z.enum([...FILE_ERROR_CODES, "ignoredColumns"]), params: ZParams });
export const ZRowError = z.object({ code: z.enum([...PARSE_ROW_ERROR_CODES, ...PLAN_ROW_ERROR_CODES]), params: ZParams });
export const ZRowNote = z.object({ code: z.enum(ROW_NOTE_CODES), params: ZParams });

export type FileIssueView = z.infer<typeof ZFileIssue>;
export type RowErrorView = z.infer<typeof ZRowError>;
export type RowNoteView = z.infer<typeof ZRowNote>;

export const ZRowView = z.object({
  rowNumber: z.number().int(),
  name: z.string(),
  email: z.string(),
  action: z.enum(["invite", "update", "unchanged", "error"]),
  changes: z.array(z.object({ field: z.enum(["name", "role", "team", "manager"]), from: z.string().nullable(), to: z.string().nullable() })),
  errors: z.array(ZRowError),
  notes: z.array(ZRowNote),
});
export type RowView = z.infer<typeof ZRowView>;

export const ZImportSummary = z.object({
  rows: z.number().int(),
  invite: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  error: z.number().int(),
  newTeams: z.number().int(),
});

export const ZDryRunResult = z.object({
  delimiter: z.enum([",", ";"]),
  fileErrors: z.array(ZFileIssue),
  notices: z.array(ZFileIssue),
  rows: z.array(ZRowView),
  /** Paths ("Department / Team") of the teams the import would create. */
  newTeams: z.array(z.string()),
  summary: ZImportSummary,
});
export type DryRunResult = z.infer<typeof ZDryRunResult>;

export const ZIssuedLink = z.object({ email: z.string(), name: z.string(), role: ZRole, link: z.string(), expiresAt: z.date() });
export type IssuedLink = z.infer<typeof ZIssuedLink>;

export const ZRunResult = z.object({
  counts: z.object({
    invited: z.number().int(),
    renewed: z.number().int(),
    updatedMembers: z.number().int(),
    updatedInvitations: z.number().int(),
    unchanged: z.number().int(),
    teamsCreated: z.number().int(),
  }),
  /** Shown once: only the tokens' hashes are stored. */
  invitations: z.array(ZIssuedLink),
});
export type RunResult = z.infer<typeof ZRunResult>;
