import { describe, expect, it } from "vitest";
import { detectDelimiter, fieldForHeader, MAX_IMPORT_CHARS, MAX_IMPORT_ROWS, parseImportCsv, roleFromText } from "./parse";

const codes = (issues: { code: string }[]) => issues.map((issue) => issue.code);

describe("parseImportCsv", () => {
  it("reads a comma-separated file with English headers", () => {
    const result = parseImportCsv(
      "name,email,team,parent team,manager email,role\nAnna Berg,anna@example.se,Plattform,Teknik,boss@example.se,manager\n",
    );
    expect(result.fileErrors).toEqual([]);
    expect(result.delimiter).toBe(",");
    expect(result.columns).toEqual(["name", "email", "team", "parentTeam", "managerEmail", "role"]);
    expect(result.rows).toEqual([
      {
        rowNumber: 2,
        name: "Anna Berg",
        email: "anna@example.se",
        team: "Plattform",
        parentTeam: "Teknik",
        managerEmail: "boss@example.se",
        role: "MANAGER",
        errors: [],
      },
    ]);
  });

  it("reads what Swedish Excel writes: BOM, semicolons, CRLF, Swedish headers", () => {
    const text = "\uFEFFNamn;E-post;Lag;Överordnat team;Chefens e-post;Roll\r\nÅsa Öberg;asa@example.se;Sälj;Försäljning;;medarbetare\r\n";
    const result = parseImportCsv(text);
    expect(result.fileErrors).toEqual([]);
    expect(result.delimiter).toBe(";");
    expect(result.rows[0]).toMatchObject({ rowNumber: 2, name: "Åsa Öberg", email: "asa@example.se", team: "Sälj", parentTeam: "Försäljning", managerEmail: null, role: "EMPLOYEE" });
  });

  it("accepts headers in any case, with extra spaces and underscores", () => {
    const result = parseImportCsv("  NAMN ; e-postadress ;PARENT_TEAM; manager_email ;Team;ROLE\nA;a@x.se;P;b@x.se;T;hr\n");
    expect(result.fileErrors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ name: "A", email: "a@x.se", parentTeam: "P", managerEmail: "b@x.se", team: "T", role: "HR" });
  });

  it.each([
    ["name", "name"],
    ["Namn", "name"],
    ["email", "email"],
    ["E-mail", "email"],
    ["e-post", "email"],
    ["epost", "email"],
    ["E-postadress", "email"],
    ["lag", "team"],
    ["team", "team"],
    ["parent team", "parentTeam"],
    ["parent_team", "parentTeam"],
    ["Överordnat team", "parentTeam"],
    ["föräldrateam", "parentTeam"],
    ["manager email", "managerEmail"],
    ["manager_email", "managerEmail"],
    ["chefens e-post", "managerEmail"],
    ["chef e-post", "managerEmail"],
    ["Chef", "managerEmail"],
    ["role", "role"],
    ["Roll", "role"],
  ] as const)("maps the header %s to %s", (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it("maps Swedish and English role words regardless of case", () => {
    expect(roleFromText("ADMIN")).toBe("ADMIN");
    expect(roleFromText("Administratör")).toBe("ADMIN");
    expect(roleFromText("hr")).toBe("HR");
    expect(roleFromText("Chef")).toBe("MANAGER");
    expect(roleFromText("manager")).toBe("MANAGER");
    expect(roleFromText(" Medarbetare ")).toBe("EMPLOYEE");
    expect(roleFromText("employee")).toBe("EMPLOYEE");
    expect(roleFromText("boss")).toBeNull();
  });

  it("leaves the role empty when the cell is empty or the column absent", () => {
    expect(parseImportCsv("name,email,role\nA,a@x.se,\n").rows[0]!.role).toBeNull();
    expect(parseImportCsv("name,email\nA,a@x.se\n").rows[0]!.role).toBeNull();
  });

  it("keeps quoted fields with separators, quotes and line breaks", () => {
    const result = parseImportCsv('name;email;team\n"Berg; Anna ""Ankan""";anna@x.se;"Drift\noch underhåll"\nBo;bo@x.se;X\n');
    expect(result.rows[0]).toMatchObject({ rowNumber: 2, name: 'Berg; Anna "Ankan"', team: "Drift och underhåll" });
    // Excel counts a record with a line break in a cell as one row
    expect(result.rows[1]).toMatchObject({ rowNumber: 3, name: "Bo" });
  });

  it("detects the separator from the header, ignoring separators inside quotes", () => {
    expect(detectDelimiter("name;email;team\n")).toBe(";");
    expect(detectDelimiter("name,email,team\n")).toBe(",");
    expect(detectDelimiter('"a,b,c";email\nx,y,z,w')).toBe(";");
    expect(detectDelimiter("name\n")).toBe(",");
  });

  it("follows an Excel 'sep=' line and numbers the rows after it", () => {
    const result = parseImportCsv("sep=;\r\nname;email\r\nA;a@x.se\r\n");
    expect(result.delimiter).toBe(";");
    expect(result.rows[0]).toMatchObject({ rowNumber: 3, name: "A" });
  });

  it("keeps the file's row numbers across blank lines", () => {
    const result = parseImportCsv("name,email\n\nA,a@x.se\n,\n  \nB,b@x.se");
    expect(result.rows.map((row) => [row.rowNumber, row.name])).toEqual([
      [3, "A"],
      [6, "B"],
    ]);
  });

  it("lower-cases e-mails and collapses whitespace", () => {
    const result = parseImportCsv("name,email,manager email\n  Anna   Berg ,  Anna.Berg@Example.SE ,BOSS@example.se\n");
    expect(result.rows[0]).toMatchObject({ name: "Anna Berg", email: "anna.berg@example.se", managerEmail: "boss@example.se" });
  });

  it("normalises decomposed characters (as a Mac may write them)", () => {
    const result = parseImportCsv("namn;e-post;team\nA\u030Asa;asa@x.se;Sa\u0308lj\n");
    expect(result.rows[0]).toMatchObject({ name: "Åsa", team: "Sälj" });
  });

  describe("file errors", () => {
    it("refuses an empty file", () => {
      expect(codes(parseImportCsv("").fileErrors)).toEqual(["empty"]);
      expect(codes(parseImportCsv("\uFEFF \r\n ").fileErrors)).toEqual(["empty"]);
    });

    it("refuses a file with a header and no rows", () => {
      expect(codes(parseImportCsv("name,email\r\n").fileErrors)).toEqual(["noRows"]);
    });

    it("names every missing required column", () => {
      const result = parseImportCsv("team,role\nX,hr\n");
      expect(result.fileErrors).toEqual([{ code: "missingColumns", params: { columns: "namn, e-post" } }]);
      expect(result.rows).toEqual([]);
      expect(parseImportCsv("namn;team\nA;X\n").fileErrors).toEqual([{ code: "missingColumns", params: { columns: "e-post" } }]);
    });

    it("refuses two columns meaning the same", () => {
      expect(parseImportCsv("name,email,e-post\nA,a@x.se,a@x.se\n").fileErrors).toEqual([{ code: "duplicateColumn", params: { column: "e-post" } }]);
    });

    it("lists unknown columns as ignored, not as errors", () => {
      const result = parseImportCsv("name,email,phone,Anställningsnr\nA,a@x.se,123,9\n");
      expect(result.fileErrors).toEqual([]);
      expect(result.notices).toEqual([{ code: "ignoredColumns", params: { columns: "phone, Anställningsnr" } }]);
    });

    it("recognises text that was not UTF-8", () => {
      // what decoding Windows-1252 "å" as UTF-8 leaves behind
      expect(codes(parseImportCsv("namn;e-post\nH\uFFFDkan;h@x.se\n").fileErrors)).toEqual(["encoding"]);
    });

    it("refuses too many rows and too large a text", () => {
      const many = "name,email\n" + Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `P${i},p${i}@x.se`).join("\n");
      expect(codes(parseImportCsv(many).fileErrors)).toEqual(["tooManyRows"]);
      expect(codes(parseImportCsv("name,email\n" + "x".repeat(MAX_IMPORT_CHARS)).fileErrors)).toEqual(["tooLarge"]);
    });
  });

  describe("row errors", () => {
    const rowErrors = (line: string, header = "name,email,team,parent team,manager email,role") => parseImportCsv(`${header}\n${line}\n`).rows[0]!.errors;

    it("flags an empty name and an empty or invalid e-mail", () => {
      expect(codes(rowErrors(",a@x.se"))).toEqual(["emptyName"]);
      expect(codes(rowErrors("A,"))).toEqual(["emptyEmail"]);
      expect(rowErrors("A,not-an-email")).toEqual([{ code: "invalidEmail", params: { email: "not-an-email" } }]);
      expect(codes(rowErrors("A,a@x"))).toEqual(["invalidEmail"]);
    });

    it("flags an invalid role and an invalid manager e-mail", () => {
      expect(rowErrors("A,a@x.se,,,,boss")).toEqual([{ code: "invalidRole", params: { role: "boss" } }]);
      expect(rowErrors("A,a@x.se,,,Bosse Chef,")).toEqual([{ code: "invalidManagerEmail", params: { email: "bosse chef" } }]);
    });

    it("flags a parent team without a team, and over-long names", () => {
      expect(codes(rowErrors("A,a@x.se,,Teknik,,"))).toEqual(["parentWithoutTeam"]);
      expect(codes(rowErrors(`${"N".repeat(121)},a@x.se`))).toEqual(["nameTooLong"]);
      expect(codes(rowErrors(`A,a@x.se,${"T".repeat(101)}`))).toEqual(["teamTooLong"]);
    });

    it("flags every row of a duplicated e-mail, naming another row", () => {
      const result = parseImportCsv("name,email\nA,a@x.se\nB,b@x.se\nA2,A@X.se\nA3,a@x.se\n");
      expect(result.rows.map((row) => row.errors)).toEqual([
        [{ code: "duplicateEmail", params: { row: 4 } }],
        [],
        [{ code: "duplicateEmail", params: { row: 2 } }],
        [{ code: "duplicateEmail", params: { row: 2 } }],
      ]);
    });

    it("collects several errors on one row", () => {
      expect(codes(rowErrors(",bad,,,also bad,king"))).toEqual(["emptyName", "invalidEmail", "invalidManagerEmail", "invalidRole"]);
    });

    it("reports a row with a broken quote instead of failing the file", () => {
      const result = parseImportCsv('name,email\nA,a@x.se\n"B,b@x.se\n');
      expect(result.fileErrors).toEqual([]);
      expect(result.rows.some((row) => row.errors.some((error) => error.code === "badQuotes"))).toBe(true);
    });
  });
});
