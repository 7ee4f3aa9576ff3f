/**
 * The formula builder of the S step: "<action> to achieve <result> by <time frame>"
 * ("<handling> för att uppnå <resultat> innan <tidsram>"). The connecting words come from
 * the message catalogue, so the same code composes in Swedish and English.
 */

export type StatementParts = { action: string; result: string; deadline: string };
/** The words between the parts, e.g. { toAchieve: "för att uppnå", by: "innan" }. */
export type StatementConnectors = { toAchieve: string; by: string };

export const EMPTY_PARTS: StatementParts = { action: "", result: "", deadline: "" };

/** One part as it goes into the sentence: single spaces, no closing full stop. */
function clean(part: string): string {
  return part
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.;,:]+$/u, "")
    .trim();
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/**
 * The statement the three parts make. Missing parts are left out, so a half-filled builder
 * already shows what it will read like; a full statement ends with a full stop.
 */
export function composeStatement(parts: StatementParts, connectors: StatementConnectors): string {
  const action = clean(parts.action);
  const result = clean(parts.result);
  const deadline = clean(parts.deadline);
  const words: string[] = [];
  if (action) words.push(action);
  if (result) words.push(`${connectors.toAchieve} ${result}`);
  if (deadline) words.push(`${connectors.by} ${deadline}`);
  if (words.length === 0) return "";
  return `${capitalise(words.join(" "))}.`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The parts of a statement written with the formula, to fill the builder when an existing
 * goal is opened; null when the statement does not follow it (then the builder starts empty
 * and the statement is kept as written).
 */
export function parseStatement(statement: string, connectors: StatementConnectors): StatementParts | null {
  const text = statement.replace(/\s+/g, " ").trim().replace(/\.$/u, "");
  if (!text) return null;
  const toAchieve = escapeRegExp(connectors.toAchieve);
  const by = escapeRegExp(connectors.by);
  // the last "by" is the time frame's ("... innan utgången av mars" keeps "innan" of the result)
  const match = new RegExp(`^(.+?) ${toAchieve} (.+) ${by} (.+)$`, "iu").exec(text);
  if (!match) return null;
  const [, action = "", result = "", deadline = ""] = match;
  const parts = { action: action.trim(), result: result.trim(), deadline: deadline.trim() };
  // only when composing the parts gives the statement back (modulo the capital and full stop)
  const again = composeStatement(parts, connectors);
  return normalise(again) === normalise(statement) ? parts : null;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(/\.$/u, "").toLocaleLowerCase();
}

/** True while the statement is still what the builder made (or empty), so typing in the builder may replace it. */
export function statementFollowsBuilder(statement: string, parts: StatementParts, connectors: StatementConnectors): boolean {
  return statement.trim() === "" || statement === composeStatement(parts, connectors);
}
