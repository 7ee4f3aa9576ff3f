import { createTranslator } from "next-intl";
import enCoach from "@/i18n/messages/en/coach.json";
import svCoach from "@/i18n/messages/sv/coach.json";
import type { Cadence, DataSource, GoalKind, GoalLevel, MeasureType } from "./goals.schema";
import { directionOf, levelProblems, type LevelField, type LevelProblem } from "./levels";

/**
 * The SMARTA goal coach: rule based, pure, and small enough to run in the browser while the
 * person types and on the server at activation, where `blockers` is the single definition of
 * "may this goal become active". It advises; it never stops a draft from being saved.
 */

export type CoachLocale = "sv" | "en";
export type Letter = "S" | "M" | "A" | "R" | "T";
export type CoachSeverity = "blocker" | "warning" | "tip";

export type CoachFinding = {
  letter: Letter | "alignment" | "cap";
  code: string;
  severity: CoachSeverity;
  message: string;
  /** the goal field the finding is about, so a form can show it next to that field */
  field?: CoachField;
};

export type CoachField =
  | "statement"
  | "action"
  | "expectedEffect"
  | "learning"
  | "measureType"
  | "unit"
  | LevelField
  | "dataSource"
  | "dataSourceNote"
  | "followUp"
  | "motivation"
  | "motivationWhy"
  | "importance"
  | "ifFail"
  | "ifSucceed"
  | "likelihood"
  | "likelihoodWhy"
  | "risks"
  | "support"
  | "adjustments"
  | "simplifications"
  | "deprioritised"
  | "helpers"
  | "startDate"
  | "dueDate"
  | "steps"
  | "cadence";

export type StatementAssessment = {
  /** opens with a concrete action or behaviour, not with a direction, a subject or a noun phrase */
  actionFirst: boolean;
  /** names a quantity besides the time frame */
  measurableResult: boolean;
  /** names a time frame (a cadence such as "every month" is not one) */
  deadline: boolean;
  hints: string[];
  findings: CoachFinding[];
};

export type CoachGoal = {
  level: GoalLevel;
  kind: GoalKind;
  statement: string;
  action: string;
  expectedEffect: string;
  /** what the person learns (development goals) */
  learning: string;
  measureType: MeasureType | null;
  unit: string;
  baseline: number | null;
  minimum: number | null;
  target: number | null;
  stretch: number | null;
  dataSource: DataSource | null;
  dataSourceNote: string;
  followUp: string;
  motivation: number | null;
  motivationWhy: string;
  importance: number | null;
  ifFail: string;
  ifSucceed: string;
  likelihood: number | null;
  likelihoodWhy: string;
  risks: string;
  support: string;
  adjustments: string;
  simplifications: string;
  deprioritised: string;
  helpers: string;
  /** ISO "YYYY-MM-DD" */
  startDate: string | null;
  dueDate: string | null;
  period: { startDate: string; endDate: string } | null;
  /** the action plan; for MILESTONES the milestones */
  steps: { title: string; dueDate: string | null }[];
  cadence: Cadence | null;
  /** has an alignment path up to an organisation goal */
  aligned: boolean;
  /** the owner's ACTIVE individual goals besides this one */
  otherActiveGoals: number;
  /** the organisation's cap of active goals per person */
  goalCap: number;
};

export type LetterAssessment = {
  /** share of the letter's checks that pass, 0..100 */
  score: number;
  /** missing: nothing of the letter filled in; weak: a blocker or warning; good: otherwise */
  state: "missing" | "weak" | "good";
  findings: CoachFinding[];
};

export type GoalAssessment = {
  statement: StatementAssessment;
  letters: Record<Letter, LetterAssessment>;
  /** what stops activation; empty = may be proposed / activated */
  blockers: CoachFinding[];
  /** all findings, in letter order, then alignment and cap */
  findings: CoachFinding[];
};

export const LETTERS = ["S", "M", "A", "R", "T"] as const satisfies readonly Letter[];

/** Likelihood below this asks "is it realistic?", above LIKELIHOOD_HIGH "is it challenging enough?". */
export const LIKELIHOOD_LOW = 4;
export const LIKELIHOOD_HIGH = 9;
/** Motivation or importance at or below this is worth a conversation. */
export const LOW_SCALE = 4;
/** The seed text prefers short goals followed by new ones; about half a year is where we start to ask. */
export const LONG_GOAL_DAYS = 183;

// ---------------------------------------------------------------------------------------------
// Messages

type CoachMessages = typeof enCoach;
// Typing the Swedish catalogue as the English one makes a missing Swedish key a type error.
const CATALOGUES: Record<CoachLocale, CoachMessages> = { sv: svCoach, en: enCoach };

function makeTranslator(locale: CoachLocale) {
  return createTranslator({ locale, messages: { coach: CATALOGUES[locale] }, namespace: "coach", timeZone: "UTC" });
}
type CoachTranslator = ReturnType<typeof makeTranslator>;

const translators = new Map<CoachLocale, CoachTranslator>();
function translator(locale: CoachLocale): CoachTranslator {
  let t = translators.get(locale);
  if (!t) {
    t = makeTranslator(locale);
    translators.set(locale, t);
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Text helpers

// JavaScript's \b only knows ASCII letters, so "år" or "öka" need boundaries of their own.
const WORD_CHAR = "[\\p{L}\\p{N}]";
const B = `(?<!${WORD_CHAR})`;
const E = `(?!${WORD_CHAR})`;
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
const LEADING_NOISE = /^[\s"'“”‘’«»„‚`´*•·–—>#-]+/u;

function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

function lexicon(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

function normalise(text: string, locale: CoachLocale): string {
  return text
    .normalize("NFC")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/[\u2010\u2011]/g, "-")
    .replace(/[\u2012-\u2015\u2212]/g, "–")
    .replace(/[’`´]/g, "'")
    .toLocaleLowerCase(locale === "sv" ? "sv-SE" : "en-GB");
}

// ---------------------------------------------------------------------------------------------
// Lexicons
//
// How the opening is judged: an action statement opens with an infinitive or imperative in
// Swedish ("Genomföra…", "Ring…") and with a base-form verb in English ("Run…"). A curated list
// of common workplace verbs recognises them; a Swedish imperative is matched through its
// infinitive (ring → ringa, genomför → genomföra). Words that are not in the list are judged by
// their shape: a direction verb in any inflection, a pronoun subject, a determiner or adjective,
// a noun ending (-heten, -ningen, -en/-et, -rna …) or a word followed by "ska/måste/should/will…"
// all mean the statement does not open with the action. An unknown Swedish word ending in -a is
// taken for an infinitive (the -a ending is how Swedish marks one, and -era verbs are
// productive), so a rare verb does not block a good goal; English has no such mark, so an
// unknown English word only counts when it ends in -ise/-ize/-ify.
//
// A pronoun subject with a modal ("Vi ska ringa…", "We will run…") is a declarative sentence,
// not the formula's action-first imperative, so it does not count; the hint shows the same
// sentence without the subject.

const SV_VERBS = lexicon(`
  agera allokera analysera annonsera anordna anpassa ansluta ansvara anställa ansöka anta anskaffa använda arbeta
  arkivera arrangera assistera auskultera automatisera avgöra avhålla avlägga avrapportera avsluta avsätta avtala avveckla
  bearbeta bedöma befästa behålla bekräfta belöna bemanna bemöta benchmarka beräkna berätta beskriva besluta bestämma
  besvara beställa besöka betala bevaka bidra bilda bjuda blogga boka bryta budgetera bygga byta checka chatta
  coacha debugga definiera dela delegera delta demonstrera designa digitalisera diskutera distribuera dokumentera donera
  driftsätta driva e-posta engagera erbjuda ersätta etablera experimentera facilitera fakturera fasa filma finansiera
  fira fixa fotografera fortbilda formge formulera fotografera förankra förbereda förebygga förenkla förfina förhandla
  förhindra förmedla förnya förtydliga fördela få följa fråga fullborda fullfölja färdigställa föreläsa gallra ge
  genomföra genomgå godkänna granska grunda gå göra ha handleda hantera hitta hjälpa hyra hålla hämta identifiera
  implementera informera inbjuda inhämta installera integrera intervjua introducera inventera investera involvera iterera
  justera kalibrera kalkylera kalla kartlägga katalogisera knyta koda kommunicera kompetensutveckla konfigurera kontakta
  kontrollera konvertera koordinera koppla korrekturläsa kvalificera kvalitetssäkra kunna kryptera köpa lansera
  leasa leda leverera logga lokalisera lyssna lägga lämna låna lära läsa lösa maila mappa marknadsföra medverka
  mejla mentora migrera modellera moderera modernisera montera motivera mäta möta nominera nyttja nå nätverka observera
  offerera omförhandla omorganisera omvandla onboarda ordna organisera outsourca paketera pilottesta pitcha planera
  planlägga posta praktisera prata presentera prioritera prissätta producera prognostisera programmera prospektera
  prototypa prova pröva publicera radera rapportera reagera redigera redovisa reflektera registrera rekrytera renovera
  representera reservera resa revidera rita ringa rensa rätta samarbeta samla sammanfatta sammankalla sammanställa
  samordna samverka schemalägga se segmentera serva signera simulera sjösätta skaffa skapa skicka skissa skola skriva
  skydda skugga släppa slutföra sortera spara spela sponsra sprida standardisera starta stoppa strukturera studera
  styra städa stödja stötta svara synliggöra säkerställa säkra sälja sätta ta tala teckna testa tillhandahålla
  tillsätta tillverka tillämpa tilldela träffa träna transformera tydliggöra underhålla undersöka underteckna
  undervisa uppdatera uppgradera upphandla uppmuntra uppmärksamma uppnå upprätta upptäcka utbilda utforska utnyttja
  utreda utse utvärdera utveckla vidareutbilda validera verifiera visa visualisera vägleda välja välkomna värva åtgärda
  återanvända återkoppla återställa återvinna åka öva översätta överföra överlämna forska eliminera införa
  inleda införskaffa avskaffa klara besikta certifiera fotografera avsluta utföra bistå avropa avlasta granska kommentera
`);

const EN_VERBS = lexicon(`
  acquire adapt add address adjust advertise agree align allocate analyse analyze answer appoint apply approve archive
  arrange ask assemble assess assign assist attain attend audit author automate benchmark blog book brief budget build
  buy calculate call campaign catalog catalogue celebrate centralise centralize certify chair change check choose clarify
  clean close coach code collaborate collect communicate compare compile complete conduct configure confirm connect
  consolidate contact contract convert coordinate correct create debrief debug decide decommission define delegate
  delete deliver demo demonstrate deploy describe design develop digitalise digitalize digitise digitize discover
  discuss distribute do document donate draft drive earn edit educate eliminate email encourage encrypt engage enrol
  enroll ensure establish evaluate experiment explore facilitate file film finalise finalize finance find finish fix
  follow forecast form found fund gather get give go hand handle harmonise harmonize have help hire hold host identify
  implement inform inspect install integrate interview introduce invest investigate invite involve iterate join keep
  label launch lead learn lease lecture link listen localise localize mail maintain make manage manufacture map market
  measure meet mentor migrate model moderate modernise modernize monitor move negotiate network nominate observe obtain
  offer onboard open organise organize outsource own package participate partner pass pause phase phone photograph
  pilot pitch plan poll post practise practice prepare present prevent price print prioritise prioritize procure
  produce program promote proofread protect prototype provide publish purchase pursue put qualify quote rate reach read
  rebuild receive recognise recognize record recruit recycle redesign refactor refine register release remove renew
  renegotiate renovate rent reorganise reorganize replace reply report represent research reserve reskill resolve
  respond restore restructure retire reuse review revise reward rewrite roll run save schedule secure see segment select
  sell send service set shadow share ship sign simplify simulate sketch solve sort speak sponsor staff standardise
  standardize start stop streamline structure study submit summarise summarize sunset support survey switch tag talk
  teach terminate test track train transfer transform translate travel try undergo update upgrade upskill validate
  verify visit visualise visualize welcome win write achieve attend co-host decide help run complete
`);

// Direction words in every inflection: they say which way a figure should move, not what will be done.
const SV_DIRECTION = new RegExp(
  `^(?:${[
    "ök(?:a|ar|ade|at|ats|as|ad|ning|ningen|ningar|ningarna)",
    "höj(?:a|er|de|t|ts|s|ning|ningen|ningar|ningarna)",
    "sänk(?:a|er|te|t|ts|s|ning|ningen|ningar|ningarna)",
    "minsk(?:a|ar|ade|at|ats|as|ad|ning|ningen|ningar|ningarna)",
    "förbättr(?:a|ar|ade|at|ats|as|ad|ing|ingen|ingar|ingarna)",
    "reducer(?:a|ar|ade|at|ats|as|ad|ing|ingen)",
    "reduktion(?:en|er|erna)?",
    "halver(?:a|ar|ade|at|as|ing|ingen)",
    "(?:för|tre)?dubbl(?:a|ar|ade|at|as|ing|ingen)",
    "(?:maxim|minim|optim)er(?:a|ar|ade|at|as|ing|ingen)",
    "effektiviser(?:a|ar|ade|at|as|ing|ingen)",
    "förkort(?:a|ar|ade|at|as|ning|ningen)",
    "förläng(?:a|er|de|t|s|ning|ningen)",
    "(?:för)?stärk(?:a|er|te|t|s|ning|ningen)",
    "utök(?:a|ar|ade|at|as|ning|ningen)",
    "expander(?:a|ar|ade|at|as)",
    "expansion(?:en)?",
    "väx(?:a|er|te|t)",
    "tillväxt(?:en)?",
    "krymp(?:a|er|te|t|ning)",
    "lyft(?:a|er|e)?",
    "accelerer(?:a|ar|ade|at)",
    "sjunk(?:a|er)",
    "stig(?:a|er)",
  ].join("|")})$`,
  "u",
);

const EN_DIRECTION = new RegExp(
  `^(?:${[
    "increas(?:e|es|ed|ing)",
    "rais(?:e|es|ed|ing)",
    "decreas(?:e|es|ed|ing)",
    "reduc(?:e|es|ed|ing|tion|tions)",
    "lower(?:s|ed|ing)?",
    "cut(?:s|ting)?",
    "improv(?:e|es|ed|ing|ement|ements)",
    "grow(?:s|n|ing|th)?",
    "grew",
    "boost(?:s|ed|ing)?",
    "doubl(?:e|es|ed|ing)",
    "tripl(?:e|es|ed|ing)",
    "halv(?:e|es|ed|ing)",
    "(?:maxim|minim|optim)i[sz](?:e|es|ed|ing|ation)",
    "enhanc(?:e|es|ed|ing|ement)",
    "shrink(?:s|ing)?",
    "shr[au]nk",
    "lift(?:s|ed|ing)?",
    "shorten(?:s|ed|ing)?",
    "lengthen(?:s|ed|ing)?",
    "diminish(?:es|ed|ing)?",
    "declin(?:e|es|ed|ing)",
    "drop(?:s|ped|ping)?",
    "expan(?:d|ds|ded|ding|sion)",
    "accelerat(?:e|es|ed|ing)",
    "strengthen(?:s|ed|ing)?",
    "slash(?:es|ed|ing)?",
    "trim(?:s|med|ming)?",
  ].join("|")})$`,
  "u",
);

const SV_SUBJECTS = lexicon("vi jag du ni man han hon hen dom");
const EN_SUBJECTS = lexicon("we i you they he she everyone everybody someone");

/** Words that, second in the sentence, show that the first word was a subject ("Försäljningen ska…"). */
const SV_FINITE = lexicon(
  "ska skall måste bör borde kommer kan har hade är blir blev skulle får ges når uppnår vill",
);
const EN_FINITE = lexicon("should will shall must can could would may might is are was were has have had of");
// A direction word second only shows a subject when it is finite ("Försäljningen ökar", "Revenue grows"),
// not when it is the object ("Driva förbättringar", "Support growth").
const SV_FINITE_DIRECTION = /(?:ar|er|ade|de|te|s)$/u;
const SV_DIRECTION_NOUN = /(?:ning|ing|tion|växt)\p{L}*$/u;
const EN_FINITE_DIRECTION = /(?:s|ed)$/u;
const EN_DIRECTION_NOUN = /(?:ment|ments|tion|tions|sion|th|ths)$/u;

/** Openings of a noun phrase: determiners, quantifiers, common adjectives and comparatives. */
const SV_NOUN_PHRASE = lexicon(`
  den det de denna detta dessa en ett vår vårt våra min mitt mina din ditt dina er ert era deras hans hennes dess sin
  sitt sina alla samtliga varje varenda inga ingen inget några många flera fler flest färre mer mera mest mindre
  minst bättre bäst sämre högre lägre större snabbare kortare längre nöjda nöjdare nöjd glada nya nytt ny bra hög höga
  låg låga stor stora liten små hela halva antalet andelen nivån noll tydliga enkla trygga säkrare friska stabila
  effektiva hållbara lönsamma digitala moderna goda högst max maximalt cirka ca totalt båda
  första andra tredje fjärde sista ena övriga
`);
const EN_NOUN_PHRASE = lexicon(`
  the a an our my your their his her its this that these those all every each more less fewer better best higher
  greater bigger larger faster shorter longer new happy happier satisfied engaged no zero many most some any several
  both half fewest least lowest highest top
`);

const SV_STATE_VERBS = lexicon("vara bli finnas");
const EN_STATE_VERBS = lexicon("be become being exist");

const SV_COMPARATIVE = /^(?:bättre|sämre|mer|mera|mindre|fler|färre|större|högre|lägre|\p{L}+are)$/u;
const EN_COMPARATIVE = /^(?:better|worse|more|less|fewer|bigger|higher|lower|\p{L}+er)$/u;
const DOWN_UP_SV = lexicon("ner ned upp");
const DOWN_UP_EN = lexicon("down up");
const SV_PUSH = lexicon("få dra skära ta driva pressa trycka");
const EN_PUSH = lexicon("bring get drive push cut");

// Noun shapes: definite and abstract-noun endings that no infinitive or imperative has.
const SV_NOUN_SHAPE = /(?:heten|ningen|ingen|andet|endet|rna|het|ning|else|tion|sion|itet|ism|skap|dom|eri|ör|are|en|et)$/u;
const SV_ADJECTIVE_SHAPE = /(?:iga|liga|iska|ala|ella|iva|bara|samma|fulla|lösa|rika|ade|ande|ende)$/u;
const EN_VERB_SHAPE = /(?:ise|ize|ify)$/u;

// ---------------------------------------------------------------------------------------------
// Time frames, cadences and quantities

const YEAR = "(?:19|20|21)\\d{2}";
const DAY = "(?:3[01]|[12]\\d|0?[1-9])";
const MONTH_NUMBER = "(?:1[0-2]|0?[1-9])";
const WEEK_NUMBER = "(?:5[0-3]|[1-4]\\d|0?[1-9])";

const SV_MONTHS = "(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)";
const SV_MONTHS_ANY = `(?:${SV_MONTHS.slice(3, -1)}|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\\.?)`;
const EN_MONTHS = "(?:january|february|march|april|may|june|july|august|september|october|november|december)";
const EN_MONTHS_ANY = `(?:${EN_MONTHS.slice(3, -1)}|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?)`;

const SV_NUMBER_WORD =
  "(?:\\d+(?:[.,]\\d+)?|ett\\s+par|några|ett\\s+fåtal|ett\\s+halvt|en\\s+halv|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|nitton|(?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio)\\p{L}*|hundra)(?:\\s+och\\s+ett\\s+halvt)?";
const EN_NUMBER_WORD =
  "(?:\\d+(?:[.,]\\d+)?|a\\s+couple\\s+of|a\\s+few|few|several|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\\p{L}+)?|(?:a\\s+)?hundred)(?:\\s+and\\s+a\\s+half)?";

// Hours are left out on purpose: "within 24 hours" is far more often a response time (a result) than a deadline.
const SV_UNIT = "(?:dag(?:ar|en|arna)?|arbetsdag(?:ar|arna)?|vardag(?:ar|arna)?|veck(?:a|or|an|orna)|mån(?:ad|ader|aden|aderna)?\\.?|år(?:en|et)?|kvartal(?:en|et)?|halvår(?:en|et)?|tertial(?:er|en|et)?)";
const SV_LONG_UNIT = "(?:mån(?:ad|ader|aden|aderna)?\\.?|år(?:en|et)?|kvartal(?:en|et)?|halvår(?:en|et)?|tertial(?:er|en|et)?)";
const EN_UNIT = "(?:days?|business\\s+days?|working\\s+days?|weeks?|months?|quarters?|years?|half[- ]years?|semesters?|terms?)";

const SV_PREP = "(?:innan|före|senast|till\\s+och\\s+med|t\\.?\\s?o\\.?\\s?m\\.?|fram\\s+till|tills|till|under|inom|efter|från|inför|per|vid|i)";
const EN_PREP = "(?:by|before|until|till|through|throughout|during|within|after|from|in|at|of|for)";

// A bare year only counts when nothing follows that makes it a quantity ("till 2000 kunder").
const SV_AFTER_YEAR = `(?=\\s*$|\\s*[.,;:!?)\\]–-]|\\s+(?:och|eller|för|att|med|så|men|samt|då|när|genom|ska|är|års|inom|innan|ut)${E})`;
const EN_AFTER_YEAR = `(?=\\s*$|\\s*[.,;:!?)\\]–-]|\\s+(?:and|or|for|to|with|so|but|when|then|is|ends|by|as|through|via|at)${E})`;

const SV_SEASONS_DEFINITE =
  "(?:sommaren|hösten|våren|vintern|julen|påsken|midsommar|semestern|sportlovet|höstlovet|jullovet|vårterminen|höstterminen|terminsstarten|terminsslutet)";
const SV_SEASONS_BARE = "(?:sommar|höst|vår|vinter|jul|påsk)";
const EN_SEASONS =
  "(?:summer\\s+holidays?|summer\\s+break|spring\\s+term|autumn\\s+term|fall\\s+term|spring\\s+semester|fall\\s+semester|summer|autumn|fall|winter|spring|christmas|easter|holidays)";
const SV_WEEKDAYS = "(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)";
const EN_WEEKDAYS = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
const SV_PERIOD_NOUNS = "(?:året|kvartalet|månaden|halvåret|perioden|terminen|tertialet|veckan)";

const rx = (source: string) => new RegExp(source, "gu");

/** Shared numeric forms: dates, weeks, quarters, half-years, fiscal years. */
const COMMON_TIME_FRAMES = [
  `${B}${YEAR}[-/]${MONTH_NUMBER}[-/]${DAY}${E}`,
  `${B}${DAY}[/.]${MONTH_NUMBER}[/.](?:${YEAR}|\\d{2})${E}`,
  `${B}${YEAR}-(?:0[1-9]|1[0-2])${E}`,
  `${B}(?:${YEAR}\\s*[-/]?\\s*)?(?:q[1-4]|h[12])(?:(?:\\s*[-/']\\s*|\\s+)${YEAR}|[-/']\\d{2})?${E}`,
  `${B}fy\\s?(?:${YEAR}|\\d{2})(?:\\s*/\\s*(?:${YEAR}|\\d{2}))?${E}`,
];

// "v12" is a week in Swedish but more often a version in English ("ship v2")
const weekPattern = (names: string) =>
  `${B}(?:${names})\\s?${WEEK_NUMBER}(?:\\s*[-–]\\s*${WEEK_NUMBER})?(?:(?:,?\\s+|\\s*[-/]\\s*)(?:of\\s+)?${YEAR})?${E}`;

const SV_TIME_FRAMES = [
  ...COMMON_TIME_FRAMES,
  weekPattern("vecka|veckan|v\\.?"),
  // a bare "3/4" may be a fraction, so a day/month needs a word that makes it a date
  `${B}(?:(?:innan|före|senast|till|tills|fram\\s+till|från|efter|per|t\\.?\\s?o\\.?\\s?m\\.?)\\s+(?:den\\s+)?|den\\s+)${DAY}/${MONTH_NUMBER}${E}`,
  `${B}(?:den\\s+)?${DAY}(?::[ae]|\\.)?\\s+${SV_MONTHS_ANY}(?:\\s+${YEAR})?${E}`,
  `${B}${SV_MONTHS_ANY}\\s+${YEAR}${E}`,
  // spans: "inom sex månader", "på 90 dagar", "under de kommande två kvartalen"
  `${B}(?:(?:under|inom|i|på)\\s+)?(?:de|den)\\s+(?:kommande|närmaste|nästa|första)\\s+${SV_NUMBER_WORD}\\s+${SV_UNIT}${E}`,
  `${B}(?:inom|om|på|efter|i|under\\s+loppet\\s+av)\\s+${SV_NUMBER_WORD}\\s+${SV_UNIT}${E}`,
  `${B}under\\s+${SV_NUMBER_WORD}\\s+${SV_LONG_UNIT}${E}`,
  // quarters, half-years and tertials in words
  `${B}(?:kvartal|kv\\.?)\\s?[1-4](?:\\s+${YEAR})?${E}`,
  `${B}(?:första|andra|tredje|fjärde|sista|[1-4]:[ae])\\s+(?:kvartalet|halvåret|tertialet)(?:\\s+(?:${YEAR}|i\\s+år|nästa\\s+år))?${E}`,
  `${B}tertial\\s?[1-3](?:\\s+${YEAR})?${E}`,
  `${B}(?:års|halvårs|månads|kvartals)skiftet(?:\\s+${YEAR}(?:\\s*[-/]\\s*(?:${YEAR}|\\d{2}))?)?${E}`,
  `${B}(?:årets|månadens|kvartalets|halvårets|veckans|terminens|periodens|tertialets)\\s+(?:slut|utgång)${E}`,
  `${B}årsslut(?:et)?${E}`,
  `${B}(?:slutet|utgången|början|mitten)\\s+av\\s+(?:${SV_PERIOD_NOUNS}|${YEAR}|${SV_MONTHS})${E}`,
  `${B}(?:i\\s+år|nästa\\s+år|till\\s+året|året\\s+ut)${E}`,
  `${B}(?:nästa|kommande|detta|denna|innevarande|nuvarande|den\\s+här|det\\s+här)\\s+(?:år|året|vecka|veckan|månad|månaden|kvartal|kvartalet|halvår|halvåret|tertial|tertialet|termin|terminen|period|perioden)${E}`,
  `${B}(?:under|inom|innan|före|till|senast|efter|inför|vid)\\s+${SV_PERIOD_NOUNS}${E}`,
  `${B}${SV_PREP}\\s+(?:(?:slutet|början|mitten|utgången)\\s+av\\s+)?${SV_MONTHS}${E}`,
  `${B}${SV_MONTHS}\\s+månads\\s+slut${E}`,
  `${B}(?:innan|före|senast|till|tills|under|i|efter|inför|vid|fram\\s+till)\\s+${SV_SEASONS_DEFINITE}(?:\\s+${YEAR})?${E}`,
  // "i vår" is also "in our": the bare season only counts where nothing follows it
  `${B}(?:innan|före|senast|till|tills|under|i|efter|inför|fram\\s+till)\\s+${SV_SEASONS_BARE}${SV_AFTER_YEAR}`,
  `${B}${SV_SEASONS_DEFINITE}\\s+${YEAR}${E}`,
  `${B}(?:på|senast|innan|före|till|nästa|den\\s+här|kommande)\\s+${SV_WEEKDAYS}(?:en)?${E}`,
  `${B}(?:budgetåret|räkenskapsåret|verksamhetsåret|året|år)\\s+${YEAR}${E}`,
  `${B}${SV_PREP}\\s+(?:(?:utgången|slutet|början|mitten)\\s+av\\s+)?(?:år\\s+)?${YEAR}${SV_AFTER_YEAR}`,
  `${B}av\\s+${YEAR}${SV_AFTER_YEAR}`,
].map(rx);

const EN_TIME_FRAMES = [
  ...COMMON_TIME_FRAMES,
  weekPattern("week|wk\\.?"),
  `${B}(?:by|before|until|till|on|from|after|through)\\s+(?:the\\s+)?${DAY}/${MONTH_NUMBER}${E}`,
  `${B}(?:the\\s+)?${DAY}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${EN_MONTHS_ANY}(?:,?\\s+${YEAR})?${E}`,
  `${B}${EN_MONTHS_ANY}\\s+${DAY}(?:st|nd|rd|th)?(?:,?\\s+${YEAR})?${E}`,
  `${B}${EN_MONTHS_ANY},?\\s+${YEAR}${E}`,
  // spans: "within 90 days", "in six months", "over the next two quarters"
  `${B}(?:within|in|over|during|for|after)\\s+(?:the\\s+)?(?:(?:next|coming|following|first)\\s+)?${EN_NUMBER_WORD}\\s+${EN_UNIT}(?:'|\\s+time)?${E}`,
  `${B}(?:the\\s+)?(?:next|coming|following)\\s+${EN_NUMBER_WORD}\\s+${EN_UNIT}${E}`,
  `${B}${EN_NUMBER_WORD}\\s+${EN_UNIT}\\s+from\\s+now${E}`,
  `${B}(?:within|in|over|during|for|after)\\s+(?:a\\s+)?half(?:\\s+a)?[- ]year${E}`,
  // quarters and half-years in words
  `${B}(?:the\\s+)?(?:(?:first|second|third|fourth|last|1st|2nd|3rd|4th)\\s+quarter|quarter\\s+[1-4])(?:\\s+(?:of\\s+)?(?:${YEAR}|the\\s+year|this\\s+year|next\\s+year))?${E}`,
  `${B}(?:the\\s+)?(?:first|second|1st|2nd)\\s+half(?:(?:[- ]year)|(?:\\s+of\\s+(?:${YEAR}|the\\s+year|this\\s+year|next\\s+year)))${E}`,
  `${B}(?:in|by|during|before|until|within)\\s+the\\s+(?:first|second)\\s+half${E}`,
  `${B}mid-?\\s?year${E}`,
  `${B}(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+|next\\s+)?(?:year|month|quarter|week|term|semester|period|half|fiscal\\s+year|financial\\s+year|${YEAR})${E}`,
  `${B}(?:year|month|quarter|half[- ]year|week)[- ]end${E}`,
  `${B}(?:eoy|eoq|eom)${E}`,
  `${B}(?:this|next|the\\s+coming|the\\s+following|the\\s+current)\\s+(?:year|month|quarter|week|term|semester|half|fiscal\\s+year|financial\\s+year|period)${E}`,
  `${B}(?:during|within|in|over|by|before|until|through|throughout)\\s+the\\s+(?:year|quarter|month|period|term|semester)${E}`,
  `${B}(?:${EN_PREP}\\s+)?(?:(?:the\\s+)?(?:end|beginning|start|middle)\\s+of\\s+|early\\s+|late\\s+|mid-?\\s?)${EN_MONTHS}${E}`,
  `${B}${EN_PREP}\\s+${EN_MONTHS}${E}`,
  `${B}(?:by|before|until|till|in|during|over|after|through|this|next|for)\\s+(?:the\\s+)?(?:(?:end|start|beginning|middle)\\s+of\\s+(?:the\\s+)?)?${EN_SEASONS}(?:\\s+${YEAR})?${E}`,
  `${B}(?:summer|autumn|fall|winter|spring)\\s+${YEAR}${E}`,
  `${B}(?:by|before|until|till|on|next|this)\\s+${EN_WEEKDAYS}${E}`,
  `${B}(?:(?:fiscal|financial)\\s+year|year)\\s+${YEAR}${E}`,
  `${B}${EN_PREP}\\s+(?:(?:the\\s+)?(?:end|beginning|start|middle)\\s+of\\s+)?${YEAR}${EN_AFTER_YEAR}`,
].map(rx);

/** How often, not by when: removed before counting quantities, never a deadline. */
const SV_CADENCES = [
  `${B}(?:varje|varannan|vartannat|var(?:\\s+(?:\\d+(?::[ae])?|annan|andra|tredje|fjärde|femte|sjätte|sjunde|åttonde|nionde|tionde|fjortonde|tjugonde))?)\\s+(?:dag|vardag|arbetsdag|vecka|månad|kvartal|år|halvår|tertial|termin|morgon|kväll|${SV_WEEKDAYS})${E}`,
  `${B}(?:i|om|per)\\s+(?:veckan|månaden|kvartalet|året|dagen|halvåret|tertialet|terminen)${E}`,
  `${B}per\\s+(?:dag|vardag|arbetsdag|vecka|v|månad|mån|kvartal|år|halvår|tertial|termin)${E}`,
  `/\\s*(?:dag|v|vecka|mån|månad|kvartal|kv|år)${E}`,
  `${B}(?:dagligen|veckovis|månadsvis|månatligen|kvartalsvis|halvårsvis|årsvis|årligen|veckolig[at]?|månatlig[at]?|årlig[at]?)${E}`,
  `${B}(?:på\\s+)?${SV_WEEKDAYS}ar(?:na)?${E}`,
].map(rx);

const EN_CADENCES = [
  `${B}(?:every|each)\\s+(?:(?:other|second|third|fourth|few|couple\\s+of|\\d+(?:st|nd|rd|th)?|two|three|four|five|six|seven|eight|nine|ten|twelve)\\s+)?(?:days?|business\\s+days?|working\\s+days?|weekdays?|weeks?|months?|quarters?|years?|half[- ]years?|terms?|semesters?|sprints?|mornings?|evenings?|${EN_WEEKDAYS})${E}`,
  `${B}(?:a|an|per)\\s+(?:day|business\\s+day|working\\s+day|week|month|quarter|year|half[- ]year|term|semester|sprint)${E}`,
  `/\\s*(?:day|week|wk|month|mo|mth|quarter|qtr|year|yr)${E}`,
  `${B}(?:daily|weekly|bi-?weekly|fortnightly|monthly|bi-?monthly|quarterly|yearly|annually|semi-?annually|bi-?annually)${E}`,
  `${B}(?:on\\s+)?${EN_WEEKDAYS}s${E}`,
].map(rx);

const SV_NUMBER_MORPHEMES = [
  "tjugo", "tjugu", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio", "hundra", "tusen", "tretton",
  "fjorton", "femton", "sexton", "sjutton", "arton", "aderton", "nitton", "elva", "tolv", "två", "tre", "fyra", "fem",
  "sex", "sju", "åtta", "nio", "tio", "ett", "en",
];
// halves and doubles are quantities too ("med hälften", "by half")
const SV_NUMBER_WORDS = lexicon("noll dussin miljon miljoner miljard miljarder hälften halva dubbelt");
const EN_NUMBER_PARTS = lexicon(`
  one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen
  nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion
`);
const EN_NUMBER_WORDS = lexicon("zero dozen hundred thousand million billion half");
const PERCENT = /[%‰]|(?<![\p{L}\p{N}])(?:procent\p{L}*|percent\p{L}*|per\s+cent)(?![\p{L}\p{N}])/u;

/** Swedish number words are written as one word ("tjugofem", "tvåhundra"): split them into known parts. */
function isSwedishNumberWord(word: string): boolean {
  if (word === "en" || word === "ett") return false; // articles; "one" is never the result
  if (SV_NUMBER_WORDS.has(word)) return true;
  const split = (rest: string): boolean =>
    rest === "" || SV_NUMBER_MORPHEMES.some((part) => rest.startsWith(part) && split(rest.slice(part.length)));
  return split(word);
}

function isEnglishNumberWord(word: string): boolean {
  if (word === "one") return false;
  if (EN_NUMBER_WORDS.has(word)) return true;
  const parts = word.split("-");
  return parts.every((part) => EN_NUMBER_PARTS.has(part));
}

const FRACTION_WORDS = lexicon("hälften halva dubbelt half");

/** Digits, a percentage or a number word; `fractions: false` leaves out "half", which also names time ("second half"). */
function hasQuantity(text: string, locale: CoachLocale, fractions = true): boolean {
  if (/\d/.test(text) || PERCENT.test(text)) return true;
  const isNumberWord = locale === "sv" ? isSwedishNumberWord : isEnglishNumberWord;
  return words(text).some((word) => isNumberWord(word) && (fractions || !FRACTION_WORDS.has(word)));
}

type TimeAnalysis = { deadline: boolean; cadences: string[]; rest: string };

function analyseTime(text: string, locale: CoachLocale): TimeAnalysis {
  let rest = text;
  let deadline = false;
  // a separator that no pattern bridges, so removing one expression cannot join its neighbours into another
  const cut = " ¦ ";
  for (const pattern of locale === "sv" ? SV_TIME_FRAMES : EN_TIME_FRAMES) {
    rest = rest.replace(pattern, () => {
      deadline = true;
      return cut;
    });
  }
  const cadences: string[] = [];
  for (const pattern of locale === "sv" ? SV_CADENCES : EN_CADENCES) {
    rest = rest.replace(pattern, (match) => {
      cadences.push(match.trim());
      return cut;
    });
  }
  return { deadline, cadences, rest };
}

// ---------------------------------------------------------------------------------------------
// The opening of the statement

type Opening =
  | { kind: "action" }
  | { kind: "direction" | "subject" | "nounPhrase" | "other"; word: string }
  | { kind: "empty" };

type Token = { word: string; original: string };

function tokens(text: string, locale: CoachLocale): Token[] {
  const lower = locale === "sv" ? "sv-SE" : "en-GB";
  return words(text).map((original) => ({ original, word: original.toLocaleLowerCase(lower) }));
}

/** Skips the infinitive marker ("Att genomföra…", "To run…", "Genom att…", "In order to…"). */
function skipMarker(list: Token[], locale: CoachLocale): Token[] {
  const [first, second, third] = list.map((token) => token.word);
  if (locale === "sv") {
    if (first === "att") return list.slice(1);
    if (first === "genom" && second === "att") return list.slice(2);
    return list;
  }
  if (first === "to") return list.slice(1);
  if (first === "in" && second === "order" && third === "to") return list.slice(3);
  return list;
}

function isFiniteDirection(word: string, locale: CoachLocale): boolean {
  return locale === "sv"
    ? SV_DIRECTION.test(word) && SV_FINITE_DIRECTION.test(word) && !SV_DIRECTION_NOUN.test(word)
    : EN_DIRECTION.test(word) && EN_FINITE_DIRECTION.test(word) && !EN_DIRECTION_NOUN.test(word);
}

// Verbs whose imperative keeps the -a ("kontakta!") leave a noun when it is dropped ("kontakt", "start").
const SV_NOT_IMPERATIVE = lexicon("kontakt start test bok svar mejl mail post film blogg chatt pitch lyft");

function isSwedishVerb(word: string, next: string | undefined): boolean {
  if (SV_VERBS.has(word)) return true;
  // imperative of a verb whose infinitive ends in -a ("ring", "skriv", "genomför"); followed by "av" it is a noun ("test av")
  return word.length >= 2 && SV_VERBS.has(`${word}a`) && next !== "av" && !SV_NOT_IMPERATIVE.has(word);
}

function englishBase(word: string): string | null {
  if (EN_VERBS.has(word)) return word;
  if (!word.endsWith("ing")) return null;
  const stem = word.slice(0, -3);
  const candidates = [stem, `${stem}e`, stem.length > 2 && stem.at(-1) === stem.at(-2) ? stem.slice(0, -1) : ""];
  return candidates.find((candidate) => candidate && EN_VERBS.has(candidate)) ?? null;
}

function openingSv(list: Token[]): Opening {
  const [first, second] = list;
  if (!first) return { kind: "empty" };
  const word = first.word;
  const next = second?.word;
  const original = first.original;
  if (/^\d/.test(word)) return { kind: "nounPhrase", word: original };
  if (SV_DIRECTION.test(word)) return { kind: "direction", word: original };
  if (word === "bli" && next && SV_COMPARATIVE.test(next)) return { kind: "direction", word: `${original} ${second.original}` };
  if (SV_PUSH.has(word) && next && DOWN_UP_SV.has(next)) return { kind: "direction", word: `${original} ${second.original}` };
  if (SV_SUBJECTS.has(word)) return { kind: "subject", word: original };
  if (next && (SV_FINITE.has(next) || isFiniteDirection(next, "sv"))) return { kind: "nounPhrase", word: original };
  if (SV_NOUN_PHRASE.has(word)) return { kind: "nounPhrase", word: original };
  if (SV_STATE_VERBS.has(word)) return { kind: "other", word: original };
  if (isSwedishVerb(word, next)) return { kind: "action" };
  if (SV_ADJECTIVE_SHAPE.test(word) || SV_COMPARATIVE.test(word)) return { kind: "nounPhrase", word: original };
  if (SV_NOUN_SHAPE.test(word)) return { kind: "nounPhrase", word: original };
  if (word.endsWith("a") && word.length > 2) return { kind: "action" };
  return { kind: "other", word: original };
}

function openingEn(list: Token[]): Opening {
  const [first, second] = list;
  if (!first) return { kind: "empty" };
  const word = first.word;
  const next = second?.word;
  const original = first.original;
  if (/^\d/.test(word)) return { kind: "nounPhrase", word: original };
  if (EN_DIRECTION.test(word)) return { kind: "direction", word: original };
  if ((EN_STATE_VERBS.has(word) || word === "get") && next && EN_COMPARATIVE.test(next)) {
    return { kind: "direction", word: `${original} ${second.original}` };
  }
  if (EN_PUSH.has(word) && next && DOWN_UP_EN.has(next)) return { kind: "direction", word: `${original} ${second.original}` };
  if (EN_SUBJECTS.has(word)) return { kind: "subject", word: original };
  if (next && (EN_FINITE.has(next) || isFiniteDirection(next, "en"))) return { kind: "nounPhrase", word: original };
  if (EN_NOUN_PHRASE.has(word)) return { kind: "nounPhrase", word: original };
  if (EN_STATE_VERBS.has(word)) return { kind: "other", word: original };
  if (EN_VERBS.has(word) || EN_VERB_SHAPE.test(word)) return { kind: "action" };
  // "By calling ten customers…" opens with the action as well
  if (word === "by" && next && englishBase(next)) return { kind: "action" };
  return { kind: "other", word: original };
}

const SV_SUBJECT_LEAD = /^(?:vi|jag|du|ni|man|han|hon|hen|dom)\s+(?:(?:ska|skall|måste|bör|borde|vill|tänker|kommer\s+att|behöver|planerar\s+att|har\s+som\s+mål\s+att)\s+)+/iu;
const EN_SUBJECT_LEAD =
  /^(?:we|i|you|they|he|she)(?:'ll|\s+(?:will|shall|must|should|are\s+going\s+to|am\s+going\s+to|is\s+going\s+to|want\s+to|plan\s+to|need\s+to|aim\s+to|intend\s+to|would\s+like\s+to))+\s+/iu;

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function shorten(text: string, max = 90): string {
  const trimmed = text.replace(/[\s.!;:,]+$/u, "");
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))}…`;
}

// ---------------------------------------------------------------------------------------------
// assessStatement

/**
 * Judges the goal statement against the formula "<action> to achieve <measurable result> by
 * <time frame>". Time frames are found and removed first, so a number that only dates the goal
 * ("by week 12", "inom nio månader") is not mistaken for the result.
 */
/**
 * `locale` is the statement's language; `messagesLocale` the reader's, when they differ (an
 * English-speaking reader of a Swedish organisation's goal).
 */
export function assessStatement(text: string, locale: CoachLocale, messagesLocale: CoachLocale = locale): StatementAssessment {
  const t = translator(messagesLocale);
  const trimmed = text.replace(LEADING_NOISE, "").trim();
  if (!words(trimmed).length) {
    const message = t("statement.statementMissing", { formula: t("formula") });
    const finding: CoachFinding = { letter: "S", code: "statementMissing", severity: "blocker", message, field: "statement" };
    return { actionFirst: false, measurableResult: false, deadline: false, hints: [message], findings: [finding] };
  }

  const normalised = normalise(trimmed, locale);
  const time = analyseTime(normalised, locale);
  const measurableResult = hasQuantity(time.rest, locale);
  const list = skipMarker(tokens(trimmed, locale), locale);
  const opening = locale === "sv" ? openingSv(list) : openingEn(list);
  const actionFirst = opening.kind === "action";

  const findings: CoachFinding[] = [];
  const add = (code: string, severity: CoachSeverity, message: string) =>
    findings.push({ letter: "S", code, severity, message, field: "statement" });

  if (opening.kind === "direction") {
    // the rest of the sentence becomes the result part of the formula: "<action> to increase …"
    const firstWord = list[0]!;
    const fromDirection = trimmed.slice(trimmed.indexOf(firstWord.original));
    const rest = shorten(fromDirection.charAt(0).toLocaleLowerCase() + fromDirection.slice(1));
    const example = time.deadline ? t("rewrite", { rest }) : t("rewriteWithDeadline", { rest });
    add("startsWithDirection", "blocker", t("statement.startsWithDirection", { word: opening.word, example }));
  } else if (opening.kind === "subject") {
    const lead = locale === "sv" ? SV_SUBJECT_LEAD : EN_SUBJECT_LEAD;
    const plain = trimmed.replace(/’/g, "'");
    const remainder = plain.replace(lead, "").trim();
    // with no modal to drop ("Vi ringer…") there is no shorter sentence to offer, so show the formula
    const example = remainder && remainder !== plain ? capitalise(shorten(remainder)) : t("formula");
    add("startsWithSubject", "blocker", t("statement.startsWithSubject", { word: opening.word, example }));
  } else if (opening.kind === "nounPhrase") {
    add("startsWithNounPhrase", "blocker", t("statement.startsWithNounPhrase", { word: opening.word, formula: t("formula") }));
  } else if (opening.kind === "other" || opening.kind === "empty") {
    add("startsWithoutAction", "blocker", t("statement.startsWithoutAction", { formula: t("formula") }));
  }

  if (!measurableResult) {
    const numbersInTime = hasQuantity(normalised, locale, false);
    add(numbersInTime ? "numbersOnlyInTimeFrame" : "noResult", "warning", t(numbersInTime ? "statement.numbersOnlyInTimeFrame" : "statement.noResult"));
  }
  if (!time.deadline) {
    const cadence = time.cadences[0];
    if (cadence) add("cadenceNotDeadline", "warning", t("statement.cadenceNotDeadline", { cadence }));
    else add("noDeadline", "warning", t("statement.noDeadline"));
  }

  return { actionFirst, measurableResult, deadline: time.deadline, hints: findings.map((finding) => finding.message), findings };
}

// ---------------------------------------------------------------------------------------------
// assessGoal

type Check = { passed: boolean; findings: CoachFinding[] };

const filled = (text: string | null | undefined) => typeof text === "string" && text.trim().length > 0;
const pass = (): Check => ({ passed: true, findings: [] });
const failSilently = (): Check => ({ passed: false, findings: [] });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since the epoch for a valid ISO date; anything else counts as no date. */
function dayNumber(value: string | null | undefined): number | null {
  if (!value) return null;
  const match = ISO_DATE.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return time / 86_400_000;
}

function formatDay(day: number, locale: CoachLocale): string {
  return new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(day * 86_400_000),
  );
}

function letterResult(checks: Check[], anythingFilled: boolean): LetterAssessment {
  const findings = checks.flatMap((check) => check.findings);
  const passed = checks.filter((check) => check.passed).length;
  const score = checks.length === 0 ? 100 : Math.round((100 * passed) / checks.length);
  const serious = findings.some((finding) => finding.severity !== "tip");
  return { score, state: !anythingFilled ? "missing" : serious ? "weak" : "good", findings };
}

/**
 * The statement read in the language it is written in: people write in the organisation's
 * language while the app may speak the reader's, so both readings are tried and the one that
 * understands more of the formula wins (ties go to the reader's language). Hints stay in the
 * reader's language.
 */
function assessStatementInItsLanguage(text: string, readerLocale: CoachLocale): StatementAssessment {
  const other: CoachLocale = readerLocale === "sv" ? "en" : "sv";
  const own = assessStatement(text, readerLocale);
  const alternative = assessStatement(text, other, readerLocale);
  const understood = (reading: StatementAssessment) => Number(reading.actionFirst) + Number(reading.measurableResult) + Number(reading.deadline);
  return understood(alternative) > understood(own) ? alternative : own;
}

/** Scores all five letters from the goal's structured fields and says what stops activation. */
export function assessGoal(goal: CoachGoal, locale: CoachLocale): GoalAssessment {
  const t = translator(locale);
  const finding = (letter: CoachFinding["letter"], code: string, severity: CoachSeverity, message: string, field?: CoachField) =>
    ({ letter, code, severity, message, ...(field ? { field } : {}) }) satisfies CoachFinding;
  const check = (passed: boolean, fail: () => CoachFinding): Check => (passed ? pass() : { passed: false, findings: [fail()] });

  // ---- S
  const statement = assessStatementInItsLanguage(goal.statement, locale);
  const hasStatement = filled(goal.statement);
  const statementFindings = (codes: string[]) => statement.findings.filter((f) => codes.includes(f.code));
  const sChecks: Check[] = [
    hasStatement ? pass() : { passed: false, findings: statementFindings(["statementMissing"]) },
    hasStatement
      ? { passed: statement.actionFirst, findings: statementFindings(["startsWithDirection", "startsWithSubject", "startsWithNounPhrase", "startsWithoutAction"]) }
      : failSilently(),
    hasStatement ? { passed: statement.measurableResult, findings: statementFindings(["noResult", "numbersOnlyInTimeFrame"]) } : failSilently(),
    hasStatement ? { passed: statement.deadline, findings: statementFindings(["noDeadline", "cadenceNotDeadline"]) } : failSilently(),
    check(filled(goal.action), () => finding("S", "actionMissing", "blocker", t("s.actionMissing"), "action")),
    check(filled(goal.expectedEffect), () => finding("S", "expectedEffectMissing", "warning", t("s.expectedEffectMissing"), "expectedEffect")),
  ];
  if (goal.kind === "DEVELOPMENT") {
    sChecks.push(check(filled(goal.learning), () => finding("S", "learningMissing", "warning", t("s.learningMissing"), "learning")));
  }

  // ---- M
  const mChecks: Check[] = [];
  const fieldLabel = (field: LevelField) => t(`fields.${field}`);
  const levelFinding = (problem: LevelProblem): CoachFinding => {
    switch (problem.code) {
      case "missingLevel":
        return finding("M", problem.code, "blocker", t("m.missingLevel", { field: fieldLabel(problem.field) }), problem.field);
      case "outOfPercentRange":
        return finding("M", problem.code, "blocker", t("m.outOfPercentRange", { field: fieldLabel(problem.field) }), problem.field);
      case "milestoneCountOutOfRange":
        return finding(
          "M",
          problem.code,
          "blocker",
          t("m.milestoneCountOutOfRange", { field: fieldLabel(problem.field), min: problem.field === "target" ? 1 : 0, max: goal.steps.length }),
          problem.field,
        );
      case "baselineEqualsTarget":
        return finding("M", problem.code, "blocker", t("m.baselineEqualsTarget"), "target");
      case "minimumBeyondTarget":
        return finding("M", problem.code, "blocker", t("m.minimumBeyondTarget"), "minimum");
      case "stretchShortOfTarget":
        return finding("M", problem.code, "blocker", t("m.stretchShortOfTarget"), "stretch");
    }
  };
  const measureType = goal.measureType;
  mChecks.push(check(measureType !== null, () => finding("M", "measureTypeMissing", "blocker", t("m.measureTypeMissing"), "measureType")));
  if (measureType === null) {
    mChecks.push(failSilently());
  } else {
    const noMilestones = measureType === "MILESTONES" && goal.steps.length === 0;
    const problems = levelProblems(measureType, goal, goal.steps.length)
      // with no steps at all, "add the milestones" says it better than a range of 1 to 0
      .filter((problem) => !(noMilestones && problem.code === "milestoneCountOutOfRange"));
    const findings = problems.map(levelFinding);
    if (noMilestones) findings.unshift(finding("M", "milestonesMissing", "blocker", t("m.milestonesMissing"), "steps"));
    mChecks.push({ passed: findings.length === 0, findings });

    if (measureType === "NUMBER") {
      mChecks.push(check(filled(goal.unit), () => finding("M", "unitMissing", "tip", t("m.unitMissing"), "unit")));
    }
    if ((measureType === "NUMBER" || measureType === "PERCENT") && problems.length === 0) {
      const direction = directionOf(goal.baseline!, goal.target!);
      const behind = direction === "INCREASE" ? goal.minimum! < goal.baseline! : goal.minimum! > goal.baseline!;
      mChecks.push(check(!behind, () => finding("M", "minimumBehindBaseline", "tip", t("m.minimumBehindBaseline"), "minimum")));
    }
  }
  mChecks.push(check(goal.dataSource !== null, () => finding("M", "dataSourceMissing", "warning", t("m.dataSourceMissing"), "dataSource")));
  if (goal.dataSource === "OTHER") {
    mChecks.push(check(filled(goal.dataSourceNote), () => finding("M", "dataSourceNoteMissing", "tip", t("m.dataSourceNoteMissing"), "dataSourceNote")));
  }
  mChecks.push(check(filled(goal.followUp), () => finding("M", "followUpMissing", "warning", t("m.followUpMissing"), "followUp")));

  // ---- A
  const scale = (value: number | null, code: "motivation" | "importance"): Check => {
    if (value === null) return { passed: false, findings: [finding("A", `${code}Missing`, "warning", t(`a.${code}Missing`), code)] };
    if (value <= LOW_SCALE) return { passed: false, findings: [finding("A", `${code}Low`, "warning", t(`a.${code}Low`, { value }), code)] };
    return pass();
  };
  const aChecks: Check[] = [
    scale(goal.motivation, "motivation"),
    check(filled(goal.motivationWhy), () => finding("A", "motivationWhyMissing", "tip", t("a.motivationWhyMissing"), "motivationWhy")),
    scale(goal.importance, "importance"),
    check(filled(goal.ifFail), () => finding("A", "ifFailMissing", "warning", t("a.ifFailMissing"), "ifFail")),
    check(filled(goal.ifSucceed), () => finding("A", "ifSucceedMissing", "warning", t("a.ifSucceedMissing"), "ifSucceed")),
  ];

  // ---- R
  const likelihood = goal.likelihood;
  const likelihoodCheck: Check =
    likelihood === null
      ? { passed: false, findings: [finding("R", "likelihoodMissing", "warning", t("r.likelihoodMissing"), "likelihood")] }
      : likelihood < LIKELIHOOD_LOW
        ? { passed: false, findings: [finding("R", "likelihoodLow", "warning", t("r.likelihoodLow", { value: likelihood }), "likelihood")] }
        : likelihood > LIKELIHOOD_HIGH
          ? { passed: false, findings: [finding("R", "likelihoodHigh", "warning", t("r.likelihoodHigh", { value: likelihood }), "likelihood")] }
          : pass();
  const rTip = (field: "support" | "adjustments" | "simplifications" | "deprioritised" | "helpers") =>
    check(filled(goal[field]), () => finding("R", `${field}Missing`, "tip", t(`r.${field}Missing`), field));
  const rChecks: Check[] = [
    likelihoodCheck,
    check(filled(goal.likelihoodWhy), () => finding("R", "likelihoodWhyMissing", "tip", t("r.likelihoodWhyMissing"), "likelihoodWhy")),
    check(filled(goal.risks), () => finding("R", "risksMissing", "warning", t("r.risksMissing"), "risks")),
    rTip("support"),
    rTip("adjustments"),
    rTip("simplifications"),
    rTip("deprioritised"),
    rTip("helpers"),
  ];

  // ---- T
  const start = dayNumber(goal.startDate);
  const due = dayNumber(goal.dueDate);
  const periodStart = dayNumber(goal.period?.startDate);
  const periodEnd = dayNumber(goal.period?.endDate);
  const hasPeriod = periodStart !== null && periodEnd !== null;
  const periodValues = hasPeriod ? { start: formatDay(periodStart, locale), end: formatDay(periodEnd, locale) } : null;
  const inPeriod = (day: number) => !hasPeriod || (day >= periodStart && day <= periodEnd);
  const tChecks: Check[] = [
    check(start !== null, () => finding("T", "startMissing", "blocker", t("t.startMissing"), "startDate")),
    check(due !== null, () => finding("T", "dueMissing", "blocker", t("t.dueMissing"), "dueDate")),
  ];
  if (start !== null && due !== null) {
    tChecks.push(check(due >= start, () => finding("T", "dueBeforeStart", "blocker", t("t.dueBeforeStart"), "dueDate")));
  }
  if (periodValues) {
    if (start !== null) {
      tChecks.push(check(inPeriod(start), () => finding("T", "startOutsidePeriod", "blocker", t("t.startOutsidePeriod", periodValues), "startDate")));
    }
    if (due !== null) {
      tChecks.push(check(inPeriod(due), () => finding("T", "dueOutsidePeriod", "blocker", t("t.dueOutsidePeriod", periodValues), "dueDate")));
    }
  }
  if (goal.steps.length === 0) {
    // a milestone goal without steps already has its blocker under M
    tChecks.push(
      measureType === "MILESTONES" ? failSilently() : { passed: false, findings: [finding("T", "stepsMissing", "warning", t("t.stepsMissing"), "steps")] },
    );
  } else {
    const outside = goal.steps.filter((step) => {
      const day = dayNumber(step.dueDate);
      return day !== null && ((start !== null && day < start) || (due !== null && day > due));
    });
    tChecks.push({
      passed: outside.length === 0,
      findings: outside.map((step) => finding("T", "stepOutsideGoal", "warning", t("t.stepOutsideGoal", { step: step.title.trim() }), "steps")),
    });
    const undated = goal.steps.filter((step) => dayNumber(step.dueDate) === null).length;
    tChecks.push(check(undated === 0, () => finding("T", "stepsWithoutDates", "tip", t("t.stepsWithoutDates", { count: undated }), "steps")));
  }
  tChecks.push(check(goal.cadence !== null, () => finding("T", "cadenceMissing", "tip", t("t.cadenceMissing"), "cadence")));
  if (start !== null && due !== null && due >= start) {
    const days = due - start;
    tChecks.push(
      check(days <= LONG_GOAL_DAYS, () => finding("T", "longGoal", "tip", t("t.longGoal", { months: Math.round(days / 30.44) }), "dueDate")),
    );
  }

  // ---- alignment and cap
  const extra: CoachFinding[] = [];
  const mustAlign = goal.level === "TEAM" || (goal.level === "INDIVIDUAL" && goal.kind === "PERFORMANCE");
  if (mustAlign && !goal.aligned) extra.push(finding("alignment", "notAligned", "blocker", t("alignment.notAligned")));
  // the cap counts a person's individual goals, so only an individual goal can go over it
  if (goal.level === "INDIVIDUAL" && goal.otherActiveGoals + 1 > goal.goalCap) {
    extra.push(finding("cap", "overCap", "warning", t("cap.overCap", { cap: goal.goalCap })));
  }

  const levelsFilled = [goal.baseline, goal.minimum, goal.target, goal.stretch].some((value) => value !== null);
  const letters: Record<Letter, LetterAssessment> = {
    S: letterResult(sChecks, [goal.statement, goal.action, goal.expectedEffect, goal.learning].some(filled)),
    M: letterResult(
      mChecks,
      goal.measureType !== null || levelsFilled || goal.dataSource !== null || [goal.unit, goal.dataSourceNote, goal.followUp].some(filled),
    ),
    A: letterResult(aChecks, goal.motivation !== null || goal.importance !== null || [goal.motivationWhy, goal.ifFail, goal.ifSucceed].some(filled)),
    R: letterResult(
      rChecks,
      goal.likelihood !== null ||
        [goal.likelihoodWhy, goal.risks, goal.support, goal.adjustments, goal.simplifications, goal.deprioritised, goal.helpers].some(filled),
    ),
    T: letterResult(tChecks, goal.startDate !== null || goal.dueDate !== null || goal.steps.length > 0 || goal.cadence !== null),
  };
  const findings = [...LETTERS.flatMap((letter) => letters[letter].findings), ...extra];
  return { statement, letters, blockers: findings.filter((f) => f.severity === "blocker"), findings };
}
