import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { composeStatement, parseStatement, statementFollowsBuilder } from "./statement";

const SV = { toAchieve: "för att uppnå", by: "innan" };
const EN = { toAchieve: "to achieve", by: "by" };

describe("composeStatement", () => {
  it("writes the Swedish formula with the action first", () => {
    expect(
      composeStatement({ action: "ringa varje ny kund inom en vecka", result: "en kundnöjdhet på 85 %", deadline: "31 mars 2027" }, SV),
    ).toBe("Ringa varje ny kund inom en vecka för att uppnå en kundnöjdhet på 85 % innan 31 mars 2027.");
  });

  it("writes the English formula", () => {
    expect(composeStatement({ action: "Run two demos a week", result: "20 signed pilots", deadline: "30 June 2027" }, EN)).toBe(
      "Run two demos a week to achieve 20 signed pilots by 30 June 2027.",
    );
  });

  it("leaves out missing parts so a half-filled builder already reads", () => {
    expect(composeStatement({ action: "Publicera en guide", result: "", deadline: "" }, SV)).toBe("Publicera en guide.");
    expect(composeStatement({ action: "", result: "färre ärenden", deadline: "" }, SV)).toBe("För att uppnå färre ärenden.");
    expect(composeStatement({ action: "Publicera en guide", result: "", deadline: "vecka 12" }, SV)).toBe("Publicera en guide innan vecka 12.");
    expect(composeStatement({ action: " ", result: "", deadline: "" }, SV)).toBe("");
  });

  it("tidies spaces and closing punctuation of each part", () => {
    expect(composeStatement({ action: "  Ringa   kunder. ", result: "nöjdare kunder;", deadline: "maj 2027. " }, SV)).toBe(
      "Ringa kunder för att uppnå nöjdare kunder innan maj 2027.",
    );
  });
});

describe("parseStatement", () => {
  it("finds the parts of a statement written with the formula", () => {
    expect(parseStatement("Ringa varje ny kund för att uppnå en kundnöjdhet på 85 % innan 31 mars 2027.", SV)).toEqual({
      action: "Ringa varje ny kund",
      result: "en kundnöjdhet på 85 %",
      deadline: "31 mars 2027",
    });
  });

  it("takes the last connector as the time frame's", () => {
    expect(parseStatement("Run demos to achieve 20 pilots by partners by 30 June 2027.", EN)).toEqual({
      action: "Run demos",
      result: "20 pilots by partners",
      deadline: "30 June 2027",
    });
  });

  it("gives null for statements that do not follow the formula", () => {
    expect(parseStatement("Öka försäljningen med 10 %", SV)).toBeNull();
    expect(parseStatement("", SV)).toBeNull();
    expect(parseStatement("Ringa kunder för att uppnå nöjdhet", SV)).toBeNull();
  });

  test.prop([
    fc.stringMatching(/^[A-Za-zåäöÅÄÖ][a-zåäö0-9 ]{0,20}[a-zåäö0-9]$/),
    fc.stringMatching(/^[a-zåäö0-9][a-zåäö0-9 %]{0,20}[a-zåäö0-9%]$/),
    fc.stringMatching(/^[a-zåäö0-9][a-zåäö0-9 ]{0,10}[a-zåäö0-9]$/),
  ])("composing the parsed parts gives the statement back", (action, result, deadline) => {
    const statement = composeStatement({ action, result, deadline }, SV);
    const parts = parseStatement(statement, SV);
    if (parts) expect(composeStatement(parts, SV)).toBe(statement);
  });
});

describe("statementFollowsBuilder", () => {
  const parts = { action: "Ringa kunder", result: "nöjdare kunder", deadline: "maj" };
  it("is true for an empty statement or the composed one", () => {
    expect(statementFollowsBuilder("", parts, SV)).toBe(true);
    expect(statementFollowsBuilder(composeStatement(parts, SV), parts, SV)).toBe(true);
  });
  it("is false once the person rewrote it", () => {
    expect(statementFollowsBuilder("Ringa alla kunder varje vecka.", parts, SV)).toBe(false);
  });
});
