import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../src/server/db/generated/client";
import type { Cadence, DataSource, GoalKind, GoalLevel, GoalStatus, MeasureType } from "../../src/server/db/generated/enums";
import type { DemoOrganization } from "./demo-data";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * The demo organisations' goals: organisation goals, a team goal for every team and two to
 * four goals per person, written the SMARTA way. Plain data plus one bulk insert per table,
 * deterministic so screenshots and e2e specs can rely on them.
 */

type Measure = { type: MeasureType; unit?: string; levels?: [baseline: number, minimum: number, target: number, stretch: number] };

type Content = {
  title: string;
  statement: string;
  action: string;
  effect: string;
  learning?: string;
  measure: Measure;
  source: DataSource;
  sourceNote: string;
  followUp: string;
  risks: string;
  support: string;
  steps: string[];
};

type SeedGoal = Content & {
  key: string;
  level: GoalLevel;
  kind: GoalKind;
  status: GoalStatus;
  ownerEmail: string;
  teamName: string | null;
  parentKey: string | null;
  contribution: string;
  periodName: string;
  startDate: string;
  dueDate: string;
  cadence: Cadence;
  ownerSigned: boolean;
  motivation: number;
  importance: number;
  likelihood: number;
};

export type DemoIds = {
  organizationId: string;
  teamIds: Map<string, string>;
  membershipIds: Map<string, string>;
  periodIds: Map<string, string>;
  /** by e-mail */
  userIds: Map<string, string>;
  userNames: Map<string, string>;
};

const SV_AUTO = {
  motivationWhy: "Målet ligger nära det jag brinner för i mitt arbete och jag ser resultatet direkt.",
  ifFail: "Vi tappar fart mot årets organisationsmål och får svårare att prioritera nästa år.",
  ifSucceed: "Vi visar att arbetssättet fungerar och kan sprida det till fler team.",
  likelihoodWhy: "Vi har gjort liknande förbättringar förut och har stöd från ledningen.",
  adjustments: "Vi stämmer av varje månad och flyttar resurser om vi ligger efter.",
  simplifications: "Att återanvända mallar och underlag som redan finns.",
  deprioritised: "Mindre brådskande förbättringsönskemål får vänta till nästa period.",
  helpers: "Närmaste chef och kollegor i teamet.",
};

const EN_AUTO = {
  motivationWhy: "It is close to what I enjoy most in my work and I see the result straight away.",
  ifFail: "We lose pace toward this year's organisation goals.",
  ifSucceed: "We prove the approach works and can share it with other teams.",
  likelihoodWhy: "We have made similar improvements before and have the support we need.",
  adjustments: "We review monthly and move people if we fall behind.",
  simplifications: "Reusing templates and material we already have.",
  deprioritised: "Smaller improvement requests wait until the next period.",
  helpers: "My manager and colleagues in the team.",
};

// ---------- Exempel AB: organisation goals (2026, and one aim for 2027) ----------

const ORG_GOALS: (Content & { key: string; periodName: string; startDate: string; dueDate: string })[] = [
  {
    key: "nps",
    periodName: "2026",
    startDate: "2026-01-15",
    dueDate: "2026-12-15",
    title: "Nöjdare kunder",
    statement: "Genomföra kundintervjuer med 200 befintliga kunder för att uppnå en kundnöjdhet på 80 procent innan 15 december 2026",
    action: "Genomföra kundintervjuer och åtgärda de vanligaste klagomålen.",
    effect: "Kunderna stannar längre och rekommenderar oss oftare.",
    measure: { type: "PERCENT", levels: [68, 74, 80, 85] },
    source: "SURVEY",
    sourceNote: "Kvartalsvis kundenkät, andel nöjda och mycket nöjda.",
    followUp: "Ledningsgruppen går igenom enkätsvaren varje kvartal.",
    risks: "Låg svarsfrekvens kan ge osäkra siffror.",
    support: "Analysstöd från Data och analys.",
    steps: ["Intervjua de första 50 kunderna", "Sammanställa de tio vanligaste klagomålen", "Åtgärda de fem största orsakerna"],
  },
  {
    key: "revenue",
    periodName: "2026",
    startDate: "2026-01-15",
    dueDate: "2026-12-15",
    title: "Växa omsättningen",
    statement: "Lansera två nya tjänstepaket för att uppnå en omsättning på 140 miljoner kronor innan 15 december 2026",
    action: "Lansera två nya tjänstepaket och sälja dem till befintliga kunder.",
    effect: "Högre intäkter per kund och bättre lönsamhet.",
    measure: { type: "NUMBER", unit: "mnkr", levels: [118, 130, 140, 150] },
    source: "STATISTICS_REPORTS",
    sourceNote: "Månadsbokslutet från ekonomisystemet.",
    followUp: "Omsättningen följs upp i månadsrapporten.",
    risks: "En svagare konjunktur kan skjuta upp kundernas beslut.",
    support: "Marknadsbudget för lanseringarna.",
    steps: ["Ta fram paket ett", "Lansera paket två", "Utvärdera försäljningen efter halvåret"],
  },
  {
    key: "leadtime",
    periodName: "2026",
    startDate: "2026-02-01",
    dueDate: "2026-11-30",
    title: "Kortare handläggningstid",
    statement: "Automatisera fakturaflödet för att uppnå en genomsnittlig handläggningstid av 8 dagar innan 30 november 2026",
    action: "Automatisera fakturaflödet och ta bort manuella steg.",
    effect: "Kunderna får svar snabbare och vi lägger mindre tid på administration.",
    measure: { type: "NUMBER", unit: "dagar", levels: [12, 10, 8, 6] },
    source: "STATISTICS_REPORTS",
    sourceNote: "Genomsnittlig tid från inkommen faktura till betald, ur ekonomisystemet.",
    followUp: "Veckorapport från ekonomisystemet.",
    risks: "Integrationen med leverantörernas system kan dra ut på tiden.",
    support: "Två utvecklare från Plattform under våren.",
    steps: ["Kartlägga flödet", "Automatisera attesten", "Följa upp handläggningstiden"],
  },
  {
    key: "engagement",
    periodName: "2026",
    startDate: "2026-01-15",
    dueDate: "2026-12-15",
    title: "Engagerade medarbetare",
    statement: "Hålla utvecklingssamtal med alla medarbetare för att uppnå ett medarbetarindex på 78 innan 15 december 2026",
    action: "Hålla utvecklingssamtal med SMARTA mål för alla medarbetare.",
    effect: "Medarbetarna vet vad som förväntas och ser hur de bidrar.",
    measure: { type: "NUMBER", unit: "index", levels: [70, 74, 78, 82] },
    source: "SURVEY",
    sourceNote: "Den årliga medarbetarundersökningen.",
    followUp: "Pulsmätning varje kvartal.",
    risks: "Hög arbetsbelastning kan göra att samtalen skjuts upp.",
    support: "HR stöttar cheferna med samtalsguide och utbildning.",
    steps: ["Utbilda cheferna i samtalsguiden", "Hålla alla samtal", "Följa upp målen i december"],
  },
  {
    key: "digital",
    periodName: "2027",
    startDate: "2027-01-15",
    dueDate: "2027-12-15",
    title: "Fler digitala ärenden",
    statement: "Bygga en självbetjäningsportal för kunderna för att uppnå 40 procent digitala ärenden innan 15 december 2027",
    action: "Bygga en självbetjäningsportal där kunderna själva kan lösa vanliga ärenden.",
    effect: "Kunderna får hjälp dygnet runt och supporten kan ägna sig åt svårare ärenden.",
    measure: { type: "PERCENT", levels: [15, 30, 40, 50] },
    source: "STATISTICS_REPORTS",
    sourceNote: "Andel ärenden som startas i portalen, ur ärendesystemet.",
    followUp: "Månadsrapport från ärendesystemet.",
    risks: "Kunderna kan föredra att ringa av vana.",
    support: "Ett eget utvecklingsteam under första halvåret.",
    steps: ["Lansera en första version", "Flytta de tio vanligaste ärendena", "Stänga det gamla formuläret"],
  },
];

/** Which organisation goal each team's goal serves, and what the team does about it. */
const TEAM_PLANS: Record<string, { parent: string; content: Content }> = {
  Försäljning: {
    parent: "revenue",
    content: team("Sälja tjänstepaketen till 60 befintliga kunder för att uppnå en merförsäljning på 12 miljoner kronor innan 15 december 2026", "Merförsäljning till befintliga kunder", { type: "NUMBER", unit: "mnkr", levels: [4, 8, 12, 15] }),
  },
  "Försäljning Nord": {
    parent: "revenue",
    content: team("Boka 300 kundmöten i Norrland för att uppnå 45 nya avtal innan 15 december 2026", "Nya avtal i norr", { type: "NUMBER", unit: "avtal", levels: [20, 35, 45, 55] }),
  },
  Kundframgång: {
    parent: "nps",
    content: team("Ringa alla nya kunder inom två veckor för att uppnå en förnyelsegrad på 92 procent innan 15 december 2026", "Fler kunder förnyar", { type: "PERCENT", levels: [85, 89, 92, 95] }),
  },
  Marknad: {
    parent: "revenue",
    content: team("Publicera 24 kundcase för att uppnå 900 kvalificerade leads innan 15 december 2026", "Fler kvalificerade leads", { type: "NUMBER", unit: "leads", levels: [500, 750, 900, 1100] }),
  },
  "Produkt och teknik": {
    parent: "leadtime",
    content: team("Leverera fyra automatiseringar för att uppnå 30 procent färre manuella steg innan 30 november 2026", "Färre manuella steg", { type: "PERCENT", levels: [0, 20, 30, 40] }),
  },
  Plattform: {
    parent: "leadtime",
    content: team("Bygga en integration mot leverantörernas fakturasystem för att uppnå 70 procent automatiskt attesterade fakturor innan 30 november 2026", "Automatisk fakturaattest", { type: "PERCENT", levels: [10, 50, 70, 85] }),
  },
  Mobilappar: {
    parent: "nps",
    content: team("Släppa en ny version av kundappen varje månad för att uppnå betyget 4,5 i appbutikerna innan 15 december 2026", "Bättre betyg för appen", { type: "NUMBER", unit: "betyg", levels: [3.8, 4.2, 4.5, 4.7] }),
  },
  "Data och analys": {
    parent: "revenue",
    content: team("Bygga en prognosmodell för merförsäljning för att uppnå 4 fungerande dashboards innan 15 december 2026", "Prognoser för säljarna", { type: "MILESTONES" }),
  },
  Verksamhetsstöd: {
    parent: "engagement",
    content: team("Införa en gemensam samtalsguide för att uppnå 95 procent genomförda utvecklingssamtal innan 15 december 2026", "Alla har haft sitt samtal", { type: "PERCENT", levels: [60, 85, 95, 100] }),
  },
  HR: {
    parent: "engagement",
    content: team("Utbilda alla 14 chefer i samtalsguiden för att uppnå ett chefsindex på 80 innan 15 december 2026", "Tryggare chefer i samtalen", { type: "NUMBER", unit: "index", levels: [68, 75, 80, 85] }),
  },
  Ekonomi: {
    parent: "leadtime",
    content: team("Dokumentera alla attestregler för att uppnå en genomsnittlig handläggningstid av 9 dagar innan 30 november 2026", "Snabbare attest", { type: "NUMBER", unit: "dagar", levels: [13, 11, 9, 7] }),
  },
};

function team(statement: string, title: string, measure: Measure): Content {
  const action = statement.split(" för att uppnå ")[0]!;
  return {
    title,
    statement,
    action: `${action}.`,
    effect: "Teamet bidrar tydligt till organisationens mål.",
    measure,
    source: measure.type === "MILESTONES" ? "PROTOTYPE" : "STATISTICS_REPORTS",
    sourceNote: "Teamets månadsrapport.",
    followUp: "Teamet går igenom läget på veckomötet.",
    risks: "Sjukfrånvaro och oplanerade ärenden kan ta tid från arbetet.",
    support: "Stöd från avdelningens ledning vid prioriteringar.",
    steps: ["Planera arbetet", "Genomföra första halvan", "Genomföra andra halvan", "Följa upp resultatet", "Dela lärdomarna"],
  };
}

/** Performance goals for a person, by the organisation goal their team serves; {n} varies per person. */
const PERSONAL_PERFORMANCE: Record<string, ((n: number) => Content)[]> = {
  revenue: [
    (n) => personal(`Ringa ${20 + n} befintliga kunder i månaden för att uppnå ${6 + n} nya tilläggsavtal innan 15 december 2026`, "Fler tilläggsavtal", { type: "NUMBER", unit: "avtal", levels: [0, 4 + n, 6 + n, 9 + n] }),
    (n) => personal(`Genomföra ${8 + n} kunddemonstrationer för att uppnå en träffsäkerhet på ${30 + n} procent innan 15 december 2026`, "Fler affärer per demo", { type: "PERCENT", levels: [20, 26, 30 + n, 36 + n] }),
  ],
  nps: [
    (n) => personal(`Följa upp ${30 + n} kundärenden varje vecka för att uppnå en kundnöjdhet på ${85 + (n % 5)} procent innan 15 december 2026`, "Nöjdare kunder i mina ärenden", { type: "PERCENT", levels: [75, 80, 85 + (n % 5), 92] }),
    (n) => personal(`Skriva ${10 + n} hjälpartiklar för att uppnå ${200 + 10 * n} lösta ärenden utan kontakt innan 15 december 2026`, "Fler löser ärendet själva", { type: "NUMBER", unit: "ärenden", levels: [50, 150, 200 + 10 * n, 300 + 10 * n] }),
  ],
  leadtime: [
    (n) => personal(`Automatisera ${3 + (n % 3)} manuella kontroller för att uppnå en ledtid på 3 dagar innan 30 november 2026`, "Kortare ledtid i mitt flöde", { type: "NUMBER", unit: "dagar", levels: [6, 4, 3, 2] }),
    (n) => personal(`Leverera ${4 + (n % 3)} delmoment i fakturaintegrationen för att uppnå 3 godkända leveranser innan 30 november 2026`, "Fakturaintegrationen i drift", { type: "MILESTONES" }),
  ],
  engagement: [
    (n) => personal(`Genomföra ${4 + (n % 4)} chefsworkshoppar för att uppnå 90 procent nöjda deltagare innan 15 december 2026`, "Bra stöd till cheferna", { type: "PERCENT", levels: [70, 80, 90, 95] }),
    (n) => personal(`Införa en introduktionsplan för ${5 + n} nyanställda för att uppnå 3 avslutade introduktioner innan 15 december 2026`, "En bra start för nyanställda", { type: "BINARY" }),
  ],
};

const PERSONAL_DEVELOPMENT: ((n: number) => Content)[] = [
  (n) => ({
    ...personal(`Gå en kurs i presentationsteknik och hålla ${2 + (n % 3)} presentationer för att uppnå betyget 4 av 5 innan 15 december 2026`, "Tryggare presentationer", { type: "NUMBER", unit: "betyg", levels: [3, 3.5, 4, 4.5] }),
    learning: "Att lägga upp en presentation och tala inför en större grupp.",
  }),
  (n) => ({
    ...personal(`Leda ${2 + (n % 2)} förbättringsprojekt för att uppnå 3 avklarade delmål med nöjd beställare innan 15 december 2026`, "Erfarenhet som projektledare", { type: "MILESTONES" }),
    learning: "Projektledning: planera, leda ett team och redovisa för en beställare.",
  }),
  (n) => ({
    ...personal(`Slutföra ${3 + (n % 3)} moduler i en kurs i dataanalys för att uppnå en certifiering innan 15 december 2026`, "Certifiering i dataanalys", { type: "BINARY" }),
    learning: "Dataanalys med SQL och visualisering för att kunna ta fram egna underlag.",
  }),
];

function personal(statement: string, title: string, measure: Measure): Content {
  const action = statement.split(" för att uppnå ")[0]!;
  return {
    title,
    statement,
    action: `${action}.`,
    effect: "Jag bidrar till teamets mål och ser själv hur det går.",
    measure,
    source: measure.type === "MILESTONES" || measure.type === "BINARY" ? "OBSERVATION" : "STATISTICS_REPORTS",
    sourceNote: "Uppgifter ur våra system, som jag sammanställer varje månad.",
    followUp: "Kort avstämning med min chef.",
    risks: "Andra uppgifter kan tränga undan arbetet med målet.",
    support: "Tid i kalendern varje vecka och stöd från min chef.",
    steps: ["Planera upplägget", "Genomföra första delen", "Genomföra andra delen", "Följa upp och dela lärdomar"],
  };
}

/** "Försäljning Nord" → the organisation goal its team goal serves; people without a team follow their department. */
function areaOfTeam(teamName: string | null): string {
  return (teamName && TEAM_PLANS[teamName]?.parent) ?? "engagement";
}

function exempelGoals(org: DemoOrganization): SeedGoal[] {
  const ceo = org.memberships.find((member) => member.managerEmail === null)!.userEmail;
  const goals: SeedGoal[] = [];
  const year = { periodName: "2026", cadence: "MONTHLY" as const, ownerSigned: true };

  for (const goal of ORG_GOALS) {
    goals.push({
      ...goal,
      level: "ORGANIZATION",
      kind: "PERFORMANCE",
      status: "ACTIVE",
      ownerEmail: ceo,
      teamName: null,
      parentKey: null,
      contribution: "",
      cadence: "MONTHLY",
      ownerSigned: true,
      motivation: 9,
      importance: 10,
      likelihood: 7,
    });
  }

  for (const demoTeam of org.teams) {
    const plan = TEAM_PLANS[demoTeam.name];
    if (!plan) throw new Error(`Demo goals: no team goal for ${demoTeam.name}`);
    goals.push({
      ...plan.content,
      ...year,
      key: `team:${demoTeam.name}`,
      level: "TEAM",
      kind: "PERFORMANCE",
      status: "ACTIVE",
      ownerEmail: demoTeam.leadEmails[0] ?? ceo,
      teamName: demoTeam.name,
      parentKey: plan.parent,
      contribution: "Teamets resultat är en direkt del av organisationens mål.",
      startDate: "2026-02-01",
      dueDate: plan.parent === "leadtime" ? "2026-11-30" : "2026-12-15",
      motivation: 8,
      importance: 8,
      likelihood: 7,
    });
  }

  org.memberships.forEach((member, index) => {
    if (member.managerEmail === null) return;
    const area = areaOfTeam(member.teamName);
    const performance = PERSONAL_PERFORMANCE[area]!;
    const n = index % 7;
    const teamGoal = member.teamName ? `team:${member.teamName}` : area;
    // a rhythm of situations: most people have two active goals; some have one waiting for a signature, some a draft
    const proposedPending = index % 4 === 1 || member.userEmail === "medarbetare@exempel.se";
    const hasDraft = index % 3 === 0 || member.userEmail === "medarbetare@exempel.se";
    const dueDate = area === "leadtime" ? "2026-11-30" : "2026-12-15";
    const base = { ...year, teamName: null, ownerEmail: member.userEmail, motivation: 6 + (n % 4), importance: 7 + (n % 3), likelihood: 5 + (n % 4) };
    goals.push({
      ...performance[0]!(n),
      ...base,
      key: `p1:${member.userEmail}`,
      level: "INDIVIDUAL",
      kind: "PERFORMANCE",
      status: "ACTIVE",
      parentKey: teamGoal,
      contribution: "Mitt resultat räknas in i teamets mål.",
      startDate: "2026-02-15",
      dueDate,
    });
    goals.push({
      ...performance[1]!(n),
      ...base,
      key: `p2:${member.userEmail}`,
      level: "INDIVIDUAL",
      kind: "PERFORMANCE",
      status: proposedPending ? "PROPOSED" : "ACTIVE",
      parentKey: teamGoal,
      contribution: "Ett konkret steg mot teamets mål.",
      startDate: proposedPending ? "2026-11-15" : "2026-03-01",
      dueDate,
    });
    if (index % 2 === 0 || hasDraft) {
      goals.push({
        ...PERSONAL_DEVELOPMENT[index % PERSONAL_DEVELOPMENT.length]!(n),
        ...base,
        key: `d:${member.userEmail}`,
        level: "INDIVIDUAL",
        kind: "DEVELOPMENT",
        status: hasDraft ? "DRAFT" : "ACTIVE",
        ownerSigned: !hasDraft,
        parentKey: null,
        contribution: "",
        startDate: "2026-04-01",
        dueDate: "2026-12-15",
      });
    }
  });
  return goals;
}

// ---------- Demo Ltd (English) ----------

function demoLtdGoals(org: DemoOrganization): SeedGoal[] {
  const director = org.memberships.find((member) => member.managerEmail === null)!.userEmail;
  const common = { periodName: "2026", cadence: "MONTHLY" as const, ownerSigned: true, motivation: 8, importance: 8, likelihood: 7, teamName: null };
  const english = (statement: string, title: string, measure: Measure): Content => ({
    title,
    statement,
    action: `${statement.split(" to achieve ")[0]!}.`,
    effect: "Customers get their orders faster and complain less.",
    measure,
    source: "STATISTICS_REPORTS",
    sourceNote: "The monthly report from the order system.",
    followUp: "Reviewed at the weekly operations meeting.",
    risks: "Peak season may take people away from the work.",
    support: "Time set aside every week.",
    steps: ["Map the current process", "Run the first improvement", "Review the results"],
  });
  const goals: SeedGoal[] = [
    {
      ...english("Redesign the picking process in the warehouse to achieve an on-time delivery rate of 97 percent by 15 December 2026", "On-time deliveries", { type: "PERCENT", levels: [89, 94, 97, 99] }),
      ...common,
      key: "ontime",
      level: "ORGANIZATION",
      kind: "PERFORMANCE",
      status: "ACTIVE",
      ownerEmail: director,
      parentKey: null,
      contribution: "",
      startDate: "2026-01-15",
      dueDate: "2026-12-15",
    },
  ];
  org.memberships.forEach((member, index) => {
    if (member.managerEmail === null) return;
    goals.push({
      ...english(`Review ${10 + index} late orders every week to achieve 2 days of average delay by 15 December 2026`, "Fewer late orders", { type: "NUMBER", unit: "days", levels: [5, 3, 2, 1] }),
      ...common,
      key: `p:${member.userEmail}`,
      level: "INDIVIDUAL",
      kind: "PERFORMANCE",
      status: "ACTIVE",
      ownerEmail: member.userEmail,
      parentKey: "ontime",
      contribution: "Fewer late orders lift the on-time rate directly.",
      startDate: "2026-03-01",
      dueDate: "2026-12-15",
    });
  });
  return goals;
}

// ---------- insertion ----------

const isoDate = (day: string) => new Date(`${day}T00:00:00.000Z`);

function stepDates(startDate: string, dueDate: string, count: number): string[] {
  const start = isoDate(startDate).getTime();
  const span = isoDate(dueDate).getTime() - start;
  return Array.from({ length: count }, (_, index) => new Date(start + (span * (index + 1)) / count).toISOString().slice(0, 10));
}

function levelsOf(measure: Measure, stepCount: number) {
  if (measure.type === "MILESTONES") {
    const target = Math.max(1, stepCount - 1);
    return { baseline: 0, minimum: Math.max(1, target - 1), target, stretch: stepCount };
  }
  if (measure.type === "BINARY" || !measure.levels) return { baseline: null, minimum: null, target: null, stretch: null };
  const [baseline, minimum, target, stretch] = measure.levels;
  return { baseline, minimum, target, stretch };
}

/** What the check-in seed needs to know about an inserted goal. */
export type DemoGoalFact = {
  id: string;
  key: string;
  status: GoalStatus;
  ownerEmail: string;
  measureType: MeasureType;
  baseline: number | null;
  minimum: number | null;
  target: number | null;
  stretch: number | null;
  decimals: number;
  unit: string;
  /** ISO dates */
  startDate: string;
  dueDate: string;
  cadence: Cadence;
  /** in position order */
  stepIds: string[];
};

export function demoGoalsOf(org: DemoOrganization): SeedGoal[] {
  return org.locale === "sv" ? exempelGoals(org) : demoLtdGoals(org);
}

const decimalsOf = (measure: Measure) => (measure.levels?.some((level) => !Number.isInteger(level)) ? 1 : 0);

/**
 * The goals with the ids they will be inserted with (goals and steps; made here so that
 * milestone check-ins can name the steps they tick) and what the check-in seed reads.
 */
export function demoGoalFactsOf(org: DemoOrganization): DemoGoalFact[] {
  return demoGoalsOf(org).map((goal) => ({
    id: randomUUID(),
    key: goal.key,
    status: goal.status,
    ownerEmail: goal.ownerEmail,
    measureType: goal.measure.type,
    ...levelsOf(goal.measure, goal.steps.length),
    decimals: decimalsOf(goal.measure),
    unit: goal.measure.unit ?? "",
    startDate: goal.startDate,
    dueDate: goal.dueDate,
    cadence: goal.cadence,
    stepIds: goal.steps.map(() => randomUUID()),
  }));
}

export async function insertDemoGoals(tx: Tx, org: DemoOrganization, ids: DemoIds): Promise<DemoGoalFact[]> {
  const goals = demoGoalsOf(org);
  const facts = demoGoalFactsOf(org);
  const auto = org.locale === "sv" ? SV_AUTO : EN_AUTO;
  const memberships = new Map(org.memberships.map((member) => [member.userEmail, member]));
  const goalIds = new Map(facts.map((fact) => [fact.key, fact.id]));
  const need = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`Demo goals refer to an unknown key: ${key}`);
    return id;
  };
  // the co-signer is the owner's manager; people without one are signed by themselves as the only ADMIN
  const coSignerOf = (email: string) => need(ids.membershipIds, memberships.get(email)?.managerEmail ?? email);
  const priorities = new Map<string, number>();
  const signedAt = (day: string) => new Date(`${day}T09:00:00.000Z`);

  const rows = goals.map((goal) => {
    const ownerId = need(ids.membershipIds, goal.ownerEmail);
    const priority = (priorities.get(ownerId) ?? 0) + 1;
    priorities.set(ownerId, priority);
    const active = goal.status === "ACTIVE";
    const ownerTeam = memberships.get(goal.ownerEmail)?.teamName ?? null;
    return {
      id: need(goalIds, goal.key),
      organizationId: ids.organizationId,
      level: goal.level,
      kind: goal.kind,
      status: goal.status,
      periodId: need(ids.periodIds, goal.periodName),
      ownerId,
      teamId: goal.teamName ? need(ids.teamIds, goal.teamName) : null,
      teamIdAtActivation: active && ownerTeam ? need(ids.teamIds, ownerTeam) : null,
      priority,
      title: goal.title,
      parentGoalId: goal.parentKey ? need(goalIds, goal.parentKey) : null,
      contribution: goal.contribution,
      statement: goal.statement,
      action: goal.action,
      expectedEffect: goal.effect,
      learning: goal.learning ?? "",
      measureType: goal.measure.type,
      unit: goal.measure.unit ?? "",
      decimals: decimalsOf(goal.measure),
      ...levelsOf(goal.measure, goal.steps.length),
      dataSource: goal.source,
      dataSourceNote: goal.sourceNote,
      followUp: goal.followUp,
      motivation: goal.motivation,
      importance: goal.importance,
      likelihood: goal.likelihood,
      risks: goal.risks,
      support: goal.support,
      ...auto,
      startDate: isoDate(goal.startDate),
      dueDate: isoDate(goal.dueDate),
      cadence: goal.cadence,
      ownerSignedAt: goal.ownerSigned && goal.status !== "DRAFT" ? signedAt(goal.startDate) : null,
      ownerSignedById: goal.ownerSigned && goal.status !== "DRAFT" ? ownerId : null,
      managerSignedAt: active ? signedAt(goal.startDate) : null,
      managerSignedById: active ? coSignerOf(goal.ownerEmail) : null,
      activatedAt: active ? signedAt(goal.startDate) : null,
      createdById: ownerId,
      updatedById: ownerId,
      createdAt: signedAt(goal.startDate),
    };
  });

  // parents before children, so the alignment key holds in every batch
  const depth = (goal: SeedGoal): number => (goal.parentKey ? 1 + depth(goals.find((other) => other.key === goal.parentKey)!) : 0);
  const order = goals.map((goal, index) => ({ index, depth: depth(goal) })).sort((a, b) => a.depth - b.depth);
  await tx.goal.createMany({ data: order.map(({ index }) => rows[index]!) });

  const stepIds = new Map(facts.map((fact) => [fact.key, fact.stepIds]));
  await tx.goalStep.createMany({
    data: goals.flatMap((goal) =>
      stepDates(goal.startDate, goal.dueDate, goal.steps.length).map((dueDate, position) => ({
        id: stepIds.get(goal.key)![position]!,
        organizationId: ids.organizationId,
        goalId: need(goalIds, goal.key),
        position,
        title: goal.steps[position]!,
        dueDate: isoDate(dueDate),
        // the first step of every active goal is done, so milestone goals show progress
        doneAt: goal.status === "ACTIVE" && position === 0 ? signedAt(dueDate) : null,
      })),
    ),
  });

  await tx.auditEvent.createMany({
    data: goals.flatMap((goal) => {
      const row = rows.find((candidate) => candidate.id === need(goalIds, goal.key))!;
      const base = {
        organizationId: ids.organizationId,
        actorUserId: need(ids.userIds, goal.ownerEmail),
        actorName: need(ids.userNames, goal.ownerEmail),
        entityType: "goal",
        entityId: row.id,
        entityLabel: goal.title,
      };
      const events = [{ ...base, action: "goal.create", changes: [{ field: "title", from: null as string | null, to: goal.title }], createdAt: signedAt(goal.startDate) }];
      if (goal.status === "ACTIVE") {
        events.push({ ...base, action: "goal.activate", changes: [{ field: "status", from: "PROPOSED", to: "ACTIVE" }], createdAt: new Date(signedAt(goal.startDate).getTime() + 3_600_000) });
      }
      return events;
    }),
  });

  return facts;
}
