import { MAX_IMPORT_CHARS } from "./parse";

/**
 * The browser's first look at a chosen file, before anything is sent: the checks that need
 * the bytes (size, type, encoding), which the server cannot make on decoded text.
 */
export const MAX_FILE_BYTES = MAX_IMPORT_CHARS;
export const MAX_FILE_MB = MAX_FILE_BYTES / 1024 / 1024;

export type FileProblem = "notCsv" | "workbook" | "empty" | "tooLarge" | "encoding" | "unreadable";

const WORKBOOK_EXTENSIONS = /\.(xlsx|xlsm|xls|ods|numbers)$/i;

/** Judged by the name first: Windows reports a .csv as Excel's type, other systems as text or nothing. */
export function checkFileMeta(file: { name: string; size: number; type: string }): FileProblem | null {
  if (WORKBOOK_EXTENSIONS.test(file.name)) return "workbook";
  if (!/\.(csv|txt)$/i.test(file.name) && file.type !== "text/csv") return "notCsv";
  if (file.size === 0) return "empty";
  if (file.size > MAX_FILE_BYTES) return "tooLarge";
  return null;
}

/** UTF-8 (a BOM is fine) or a clear reason why not. */
export function decodeCsvBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: FileProblem } {
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  // a zip container: xlsx, ods and friends renamed or exported by mistake
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return { ok: false, problem: "workbook" };
  // the old binary .xls format
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return { ok: false, problem: "workbook" };
  if (bytes.subarray(0, 4096).includes(0)) return { ok: false, problem: "notCsv" };
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    if (text.trim() === "") return { ok: false, problem: "empty" };
    return { ok: true, text };
  } catch {
    return { ok: false, problem: "encoding" };
  }
}

/** Reads the file, reporting progress in whole percent. */
export function readFileBytes(file: Blob, onProgress: (percent: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    reader.onload = () => {
      onProgress(100);
      resolve(new Uint8Array(reader.result as ArrayBuffer));
    };
    reader.onerror = () => reject(reader.error ?? new Error("unreadable"));
    reader.readAsArrayBuffer(file);
  });
}
