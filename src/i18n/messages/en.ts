// The English catalogue: one file per namespace, so each area owns its messages.
import common from "./en/common.json";
import roles from "./en/roles.json";
import locales from "./en/locales.json";
import auth from "./en/auth.json";
import shell from "./en/shell.json";
import home from "./en/home.json";
import person from "./en/person.json";
import notFound from "./en/notFound.json";
import errorPage from "./en/errorPage.json";
import errors from "./en/errors.json";
import admin from "./en/admin.json";
import teams from "./en/teams.json";
import people from "./en/people.json";
import invitations from "./en/invitations.json";
import csvImport from "./en/csvImport.json";
import periods from "./en/periods.json";
import settings from "./en/settings.json";
import audit from "./en/audit.json";
import orgChart from "./en/orgChart.json";
import alignment from "./en/alignment.json";
import goalEditor from "./en/goalEditor.json";
import goals from "./en/goals.json";
import coach from "./en/coach.json";
import checkIns from "./en/checkIns.json";
import goalProgress from "./en/goalProgress.json";
import dueCheckIns from "./en/dueCheckIns.json";
import orgDashboard from "./en/orgDashboard.json";
import teamDashboard from "./en/teamDashboard.json";
import reports from "./en/reports.json";

const messages = { common, roles, locales, auth, shell, home, person, notFound, errorPage, errors, admin, teams, people, invitations, csvImport, periods, settings, audit, orgChart, coach, goals, goalEditor, alignment, checkIns, goalProgress, dueCheckIns, orgDashboard, teamDashboard, reports };

export default messages;
