/**
 * The command-centre page (应急指挥一张图): sign in with a token; a map of the
 * reader's layers, the situation board and a live list fed over graphql-ws,
 * what a clicked warning touches and calls on, the supervisor's view and the duty view. Everything comes
 * from the hub that serves the page, under the token's scope.
 */
import { gql, HubError, liveClient, token, watch } from "./api.js";
import { createBoard, SITUATION_FIELDS, type Situation } from "./board.js";
import { escapeHtml } from "./colours.js";
import { createLiveList } from "./live.js";
import { createMap } from "./map.js";
import { createSupervision } from "./supervision.js";
import { createDuty } from "./duty.js";
import "./dashboard.css";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function signIn(): Promise<Situation> {
  const form = $<HTMLFormElement>("sign-in");
  for (;;) {
    if (token.get()) {
      try {
        return (await gql<{ situation: Situation }>(`{ situation { ${SITUATION_FIELDS} } }`)).situation;
      } catch (error) {
        $("sign-in-error").textContent = error instanceof HubError ? error.message : "无法连接";
        token.clear();
      }
    }
    form.hidden = false;
    await new Promise<void>((resolve) =>
      form.addEventListener(
        "submit",
        (event) => {
          event.preventDefault();
          token.set($<HTMLTextAreaElement>("token").value.trim());
          resolve();
        },
        { once: true },
      ),
    );
    form.hidden = true;
  }
}

const IMPACT = `query Impact($id: ID!) { node(id: $id) { ... on Warning { headline affected {
  total shelterCapacity rescueHeadcount
  shelters { name capacity } rescueTeams { name headcount } supplyDepots { name } geoHazardPoints { name } roadHazards { name closed } enterprises { name }
} response {
  plans { plan { name } responseLevels } experts { name unit } dutyOfficers { unit role name phone }
  informationOfficers { name regionCode } disasterReports { stage regionCode affectedPeople }
} } } }`;

const DUTY_ROLE: Record<string, string> = { LEADER: "带班领导", OFFICER: "值班员" };
const STAGE: Record<string, string> = { INITIAL: "初报", UPDATE: "续报", FINAL: "核报" };

interface Impact {
  headline: string;
  affected: {
    total: number;
    shelterCapacity: number;
    rescueHeadcount: number;
    shelters: Array<{ name: string; capacity: number }>;
    rescueTeams: Array<{ name: string; headcount: number }>;
    supplyDepots: Array<{ name: string }>;
    geoHazardPoints: Array<{ name: string }>;
    roadHazards: Array<{ name: string; closed: boolean }>;
    enterprises: Array<{ name: string }>;
  };
  response: {
    plans: Array<{ plan: { name: string }; responseLevels: string[] }>;
    experts: Array<{ name: string | null; unit: string }>;
    dutyOfficers: Array<{ unit: string; role: string; name: string | null; phone: string | null }>;
    informationOfficers: Array<{ name: string | null; regionCode: string }>;
    disasterReports: Array<{ stage: string; regionCode: string; affectedPeople: number | null }>;
  } | null;
}

/** What the warning calls on (plans, experts, duty, officers, reports), as lists under 响应. */
function responseOf(response: Impact["response"]): string {
  if (!response) return "";
  const list = (title: string, items: string[]) => (items.length ? `<h3>${escapeHtml(title)} ${items.length}</h3><ul>${items.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>` : "");
  const body =
    list("应急预案", response.plans.map((p) => `${p.plan.name}（${p.responseLevels.join("、")}）`)) +
    list("现在值班", response.dutyOfficers.map((d) => `${d.unit} ${DUTY_ROLE[d.role] ?? d.role} ${d.name ?? ""} ${d.phone ?? ""}`.trim())) +
    list("专家", response.experts.map((e) => `${e.name ?? ""}（${e.unit}）`)) +
    list("灾害信息员", response.informationOfficers.map((o) => `${o.name ?? ""} ${o.regionCode}`)) +
    list("灾情报告", response.disasterReports.map((r) => `${r.regionCode} ${STAGE[r.stage] ?? r.stage}${r.affectedPeople !== null ? ` 受灾 ${r.affectedPeople} 人` : ""}`));
  return body ? `<section class="response"><h2>响应</h2>${body}</section>` : "";
}

async function showImpact(panel: HTMLElement, warningId: string) {
  panel.hidden = false;
  panel.innerHTML = "…";
  const { node } = await gql<{ node: Impact | null }>(IMPACT, { id: warningId });
  if (!node) {
    panel.innerHTML = "该预警已不可见";
    return;
  }
  const a = node.affected;
  const list = (title: string, names: string[]) => (names.length ? `<h3>${escapeHtml(title)} ${names.length}</h3><ul>${names.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>` : "");
  panel.innerHTML =
    `<button class="close" aria-label="关闭">×</button><h2>${escapeHtml(node.headline)}</h2>` +
    `<p>影响范围内：${a.total} 处 · 避难场所可容纳 ${a.shelterCapacity} 人 · 救援力量 ${a.rescueHeadcount} 人</p>` +
    list("避难场所", a.shelters.map((s) => `${s.name}（${s.capacity} 人）`)) +
    list("救援队伍", a.rescueTeams.map((t) => `${t.name}（${t.headcount} 人）`)) +
    list("物资储备库", a.supplyDepots.map((d) => d.name)) +
    list("地质灾害隐患点", a.geoHazardPoints.map((g) => g.name)) +
    list("道路隐患", a.roadHazards.map((r) => `${r.name}${r.closed ? "（封闭）" : ""}`)) +
    list("重大危险源企业", a.enterprises.map((e) => e.name)) +
    responseOf(node.response);
  panel.querySelector(".close")!.addEventListener("click", () => (panel.hidden = true));
}

async function start() {
  const situation = await signIn();
  $("app").hidden = false;
  $("region-name").textContent = situation.regionName ?? situation.region;
  const board = createBoard($("figures"), $("chart-warnings"), $("chart-hazards"));
  board.update(situation);
  const live = createLiveList($("live"), (id) => {
    map.focus("warnings", id);
    void showImpact($("impact"), id);
  });
  const supervision = createSupervision({ overdue: $("overdue"), supervised: $("supervised"), tipOffs: $("tip-offs"), enforcement: $("enforcement") }, $<HTMLButtonElement>("bulletin"), $("bulletin-status"), () => situation.region);
  const duty = createDuty({ onDuty: $("on-duty"), overdueReports: $("overdue-reports") });
  const map = await createMap($("map"), situation.region, (id) => void showImpact($("impact"), id));

  document.querySelectorAll<HTMLButtonElement>("nav [data-view]").forEach((button) =>
    button.addEventListener("click", () => {
      document.querySelectorAll("nav [data-view]").forEach((b) => b.classList.toggle("active", b === button));
      for (const view of ["situation", "supervision", "duty"]) $(`view-${view}`).hidden = view !== button.dataset.view;
      if (button.dataset.view === "supervision") void supervision.load();
      else if (button.dataset.view === "duty") void duty.load();
      else board.resize();
    }),
  );
  $("sign-out").addEventListener("click", () => {
    token.clear();
    location.reload();
  });

  const client = liveClient((state) => {
    $("connection").textContent = state === "open" ? "实时连接" : "重新连接中…";
    $("connection").classList.toggle("offline", state !== "open");
  });
  watch<{ situation: Situation }>(client, `subscription { situation { ${SITUATION_FIELDS} } }`, {}, (data) => board.update(data.situation));
  watch<{ warningIssued: Parameters<typeof live.warning>[0] }>(client, "subscription { warningIssued { change warning { id identifier headline level } } }", {}, (data) => {
    live.warning(data.warningIssued);
    void map.reload("warnings");
  });
  watch<{ waterLevelAlert: Parameters<typeof live.water>[0] }>(client, "subscription { waterLevelAlert { state level station { name } } }", {}, (data) => {
    live.water(data.waterLevelAlert);
    void map.reload("hydro-stations");
  });
  watch<{ monitoringAlarm: Parameters<typeof live.alarm>[0] }>(client, "subscription { monitoringAlarm { action alarm { level value point { name unit } enterprise { name } } } }", {}, (data) => {
    live.alarm(data.monitoringAlarm);
    void map.reload("monitoring-alarms");
  });
  watch<{ hazardChanged: Parameters<typeof live.hazard>[0] }>(client, "subscription { hazardChanged { action hazard { state grade description } } }", {}, (data) => live.hazard(data.hazardChanged));
  window.addEventListener("resize", () => board.resize());
  document.body.dataset.ready = "true";
}

void start();
