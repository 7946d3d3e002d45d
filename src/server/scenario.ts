// `--scenario demo` (English) and `--scenario demo-zh-CN` (the same story written in
// Chinese, for a second page): one incident told from start to finish on a loop, so
// every state of every widget can be watched live. Each change goes through the same
// functions as the admin API, with the same templates, so the feed reads exactly like
// a real team's.
//
// The story spans five hours; the loop shows it in a few minutes. Each step is the
// whole page as it stands at one moment of the story, with every time in it placed
// relative to now: the latest update is "just now", the first one minutes ago, and a
// promise made 25 minutes ago can have run out 5 minutes ago. Ids stay the same
// within one pass of the loop, so a widget sees one incident getting new updates.
import {
  createIncident,
  createMaintenance,
  newId,
  updateIncident,
  updateMaintenance,
} from './changes.js';
import type { ServerData } from './data.js';
import { recordStatuses, type StatusLog } from './status-log.js';
import type { DataStore } from './store.js';

export type ScenarioName = 'demo' | 'demo-zh-CN';
export const SCENARIOS: readonly ScenarioName[] = ['demo', 'demo-zh-CN'];

const MINUTE = 60_000;

/** Everything the story says, in one language. */
interface StoryText {
  locale: 'en' | 'zh-CN';
  page: { name: string; url: string; subscribeUrl: string; timeZone: string };
  components: { id: string; name: string; group?: string }[];
  /** An incident three days ago, resolved with a postmortem: the history. */
  earlier: { name: string; problem: string; summary: string; postmortemUrl: string };
  /** The maintenance announced at the start and carried out during the loop. */
  maintenance: { name: string; scheduled: string; started: string; completed: string };
  /** A maintenance next week, still ahead at the end of the loop. */
  nextWeek: { name: string; body: string };
  incident: {
    name: string;
    /** The title once it affects everyone. */
    criticalName: string;
    problem: string;
    cause: string;
    progress: string;
    summary: string;
    postmortemUrl: string;
  };
}

const STATUS_URL = 'https://status.acmecloud.example';

const ENGLISH: StoryText = {
  locale: 'en',
  page: {
    name: 'AcmeCloud',
    url: STATUS_URL,
    subscribeUrl: `${STATUS_URL}/subscribe`,
    timeZone: 'Etc/UTC',
  },
  components: [
    { id: 'dashboard', name: 'Dashboard', group: 'Platform' },
    { id: 'api', name: 'API', group: 'Platform' },
    { id: 'builds', name: 'Builds', group: 'Platform' },
    { id: 'deploys', name: 'Deploys', group: 'Platform' },
    { id: 'cdn', name: 'CDN', group: 'Edge network' },
    { id: 'domains', name: 'Custom domains and TLS', group: 'Edge network' },
    { id: 'billing', name: 'Billing and checkout' },
  ],
  earlier: {
    name: 'Build logs delayed',
    problem: 'build logs appearing several minutes late',
    summary: 'A stalled log pipeline worker was replaced; all delayed logs have been delivered.',
    postmortemUrl: `${STATUS_URL}/incidents/build-logs-delayed/postmortem`,
  },
  maintenance: {
    name: 'Dashboard upgrade',
    scheduled:
      'We are upgrading the dashboard to a new version. It may be unavailable for up to 5 minutes during the window; builds, deploys and live sites are not affected.',
    started: 'The dashboard upgrade has started. You may be signed out once while it runs.',
    completed:
      'The upgrade is complete and the dashboard is available again. Thank you for your patience.',
  },
  nextWeek: {
    name: 'Database maintenance',
    body: 'We will move our primary database to new hardware. Deploys may queue for up to 2 minutes during the window; live sites are not affected.',
  },
  incident: {
    name: 'Deploys failing for some customers',
    criticalName: 'Deploys failing in all regions',
    problem: 'deploys failing or stuck at "Uploading" for some customers in Europe',
    cause:
      'a storage cluster in our Frankfurt region is rejecting writes, so builds there cannot upload their output. We are moving uploads to a healthy cluster',
    progress:
      'Moving uploads overloaded the second cluster, and deploys are now failing in every region. Sites that are already live keep serving normally. We are adding capacity and slowing new uploads so the clusters can recover.',
    summary:
      'Storage has been stable for 30 minutes and every queued deploy has finished. If a deploy still shows as failed, start it again from the dashboard.',
    postmortemUrl: `${STATUS_URL}/incidents/deploys-failing/postmortem`,
  },
};

const CHINESE: StoryText = {
  locale: 'zh-CN',
  page: {
    name: 'AcmeCloud',
    url: STATUS_URL,
    subscribeUrl: `${STATUS_URL}/subscribe`,
    timeZone: 'Asia/Shanghai',
  },
  components: [
    { id: 'dashboard', name: '控制台', group: '平台' },
    { id: 'api', name: 'API', group: '平台' },
    { id: 'builds', name: '构建', group: '平台' },
    { id: 'deploys', name: '部署', group: '平台' },
    { id: 'cdn', name: 'CDN', group: '边缘网络' },
    { id: 'domains', name: '自定义域名与 TLS', group: '边缘网络' },
    { id: 'billing', name: '账单与支付' },
  ],
  earlier: {
    name: '构建日志延迟',
    problem: '构建日志延迟数分钟才显示的',
    summary: '我们替换了一个停止响应的日志处理节点，延迟的日志已全部送达。',
    postmortemUrl: `${STATUS_URL}/incidents/build-logs-delayed/postmortem`,
  },
  maintenance: {
    name: '控制台升级',
    scheduled:
      '我们将升级控制台。维护期间控制台可能有最长 5 分钟无法访问；构建、部署和已上线的网站不受影响。',
    started: '控制台升级已开始。期间你可能需要重新登录一次。',
    completed: '升级已完成，控制台已恢复正常。感谢你的耐心等待。',
  },
  nextWeek: {
    name: '数据库维护',
    body: '我们将把主数据库迁移到新硬件上。维护期间部署可能排队最长 2 分钟；已上线的网站不受影响。',
  },
  incident: {
    name: '部分用户部署失败',
    criticalName: '所有区域部署失败',
    problem: '欧洲部分用户部署失败或卡在“正在上传”的',
    cause:
      '法兰克福区域的一个存储集群拒绝写入，导致该区域的构建无法上传产物。我们正在将上传切换到正常的集群',
    progress:
      '切换上传后，第二个存储集群也出现过载，目前所有区域的部署均会失败。已上线的网站仍正常访问。我们正在扩容，并对新的上传进行限流，以便集群恢复。',
    summary:
      '存储已稳定运行 30 分钟，排队中的部署已全部完成。如果某次部署仍显示失败，请在控制台重新发起。',
    postmortemUrl: `${STATUS_URL}/incidents/deploys-failing/postmortem`,
  },
};

/** The ids of one pass of the loop. */
interface PassIds {
  earlier: string;
  maintenance: string;
  nextWeek: string;
  incident: string;
}

/** Story minutes: 0 is when the maintenance is announced on screen. */
const T = {
  earlier: -3 * 24 * 60,
  announced: -24 * 60,
  maintenanceStart: 120,
  maintenanceEnd: 160,
  acknowledged: 200,
  identified: 213,
  critical: 229,
  /** The critical update promises the next one 20 minutes later. */
  criticalPromise: 20,
  monitoring: 256,
  resolved: 281,
  postmortem: 306,
};

/** The moments the loop shows, in order: each is the whole page at that story minute. */
export const DEMO_STEPS = [
  { name: 'calm', at: 8 },
  { name: 'maintenance', at: 134 },
  { name: 'investigating', at: T.acknowledged + 1 },
  { name: 'major', at: T.identified + 1 },
  { name: 'critical', at: T.critical + 1 },
  // The promise of the critical update ran out 5 minutes ago, unmet.
  { name: 'overdue', at: T.critical + T.criticalPromise + 5 },
  { name: 'monitoring', at: T.monitoring + 1 },
  { name: 'resolved', at: T.resolved + 1 },
  { name: 'postmortem', at: T.postmortem + 1 },
] as const;
export type DemoStep = (typeof DEMO_STEPS)[number]['name'];

/** How long the story's page has watched its components: the uptime strip's window. */
const WATCHED_DAYS = 90;

/**
 * Writes the page as it stands `at` story minutes into the story, with that moment
 * placed at `now`. Every event up to `at` is replayed at its own (earlier) time, the
 * status changes it makes too, so the uptime history tells the same story.
 */
export function writeStoryAt(
  data: ServerData,
  text: StoryText,
  ids: PassIds,
  at: number,
  now: Date,
): void {
  const time = (minute: number) => new Date(now.getTime() + (minute - at) * MINUTE);
  const happened = (minute: number) => minute <= at;

  data.page = { ...text.page };
  data.components = text.components.map((component) => ({
    ...component,
    status: 'operational',
    updatedAt: time(T.earlier).toISOString(),
  }));
  data.incidents = [];
  data.maintenances = [];
  // Each component's status changes as the story makes them, from the day it was first watched.
  let log: StatusLog = {};
  const record = (minute: number) => {
    log = recordStatuses(log, data.components, time(minute)).log;
  };
  record(at - WATCHED_DAYS * 24 * 60);

  // The history: an incident three days ago, closed with a postmortem.
  const earlier = createIncident(
    data,
    {
      name: text.earlier.name,
      impact: 'minor',
      template: 'investigating',
      locale: text.locale,
      vars: { problem: text.earlier.problem },
      components: [{ id: 'builds', status: 'degraded_performance' }],
      nextUpdateInMinutes: 30,
    },
    time(T.earlier),
  );
  earlier.id = ids.earlier;
  record(T.earlier);
  updateIncident(
    data,
    earlier.id,
    {
      template: 'resolved',
      locale: text.locale,
      vars: { summary: text.earlier.summary },
    },
    time(T.earlier + 42),
  );
  record(T.earlier + 42);
  updateIncident(
    data,
    earlier.id,
    {
      template: 'postmortem',
      locale: text.locale,
      postmortemUrl: text.earlier.postmortemUrl,
    },
    time(T.earlier + 2 * 24 * 60),
  );

  // Maintenances: one carried out during the loop, one next week.
  const maintenance = createMaintenance(
    data,
    {
      name: text.maintenance.name,
      body: text.maintenance.scheduled,
      scheduledFor: time(T.maintenanceStart).toISOString(),
      scheduledUntil: time(T.maintenanceStart + 60).toISOString(),
      components: ['dashboard'],
    },
    time(T.announced),
  );
  maintenance.id = ids.maintenance;
  if (happened(T.maintenanceStart)) {
    updateMaintenance(
      data,
      maintenance.id,
      { status: 'in_progress', body: text.maintenance.started },
      time(T.maintenanceStart),
    );
    record(T.maintenanceStart);
  }
  if (happened(T.maintenanceEnd)) {
    updateMaintenance(
      data,
      maintenance.id,
      { status: 'completed', body: text.maintenance.completed },
      time(T.maintenanceEnd),
    );
    record(T.maintenanceEnd);
  }
  const weekAhead = T.announced + 8 * 24 * 60;
  const nextWeek = createMaintenance(
    data,
    {
      name: text.nextWeek.name,
      body: text.nextWeek.body,
      scheduledFor: time(weekAhead).toISOString(),
      scheduledUntil: time(weekAhead + 120).toISOString(),
      components: ['api', 'deploys'],
    },
    time(T.announced),
  );
  nextWeek.id = ids.nextWeek;
  for (const item of [earlier, maintenance, nextWeek]) numberUpdates(item);

  data.statusLog = log;

  // The incident: acknowledged, escalating minor → major → critical, an update that
  // comes late, then the fix, the resolution and the postmortem.
  if (!happened(T.acknowledged)) return;
  const incident = createIncident(
    data,
    {
      name: text.incident.name,
      impact: 'minor',
      template: 'investigating',
      locale: text.locale,
      vars: { problem: text.incident.problem },
      components: [{ id: 'deploys', status: 'degraded_performance' }],
      nextUpdateInMinutes: 20,
    },
    time(T.acknowledged),
  );
  incident.id = ids.incident;
  record(T.acknowledged);
  const update = (minute: number, change: Record<string, unknown>) => {
    if (happened(minute)) {
      updateIncident(data, incident.id, { locale: text.locale, ...change }, time(minute));
      record(minute);
    }
  };
  update(T.identified, {
    template: 'identified',
    impact: 'major',
    vars: { cause: text.incident.cause },
    components: [
      { id: 'deploys', status: 'partial_outage' },
      { id: 'builds', status: 'degraded_performance' },
    ],
    nextUpdateInMinutes: 30,
  });
  update(T.critical, {
    template: 'update',
    status: 'identified',
    impact: 'critical',
    vars: { progress: text.incident.progress },
    components: [
      { id: 'deploys', status: 'major_outage' },
      { id: 'builds', status: 'partial_outage' },
    ],
    nextUpdateInMinutes: T.criticalPromise,
  });
  if (happened(T.critical)) incident.name = text.incident.criticalName;
  update(T.monitoring, {
    template: 'monitoring',
    components: [
      { id: 'deploys', status: 'degraded_performance' },
      { id: 'builds', status: 'operational' },
    ],
    nextUpdateInMinutes: 30,
  });
  update(T.resolved, { template: 'resolved', vars: { summary: text.incident.summary } });
  update(T.postmortem, {
    template: 'postmortem',
    postmortemUrl: text.incident.postmortemUrl,
  });
  numberUpdates(incident);
  data.statusLog = log;
}

/** Update ids that follow the item's own: the same at every step of one pass. */
function numberUpdates(item: { id: string; updates: { id: string }[] }): void {
  item.updates.forEach((update, index) => {
    update.id = `${item.id}-${item.updates.length - index}`;
  });
}

const STORIES: Record<ScenarioName, StoryText> = { demo: ENGLISH, 'demo-zh-CN': CHINESE };

function newPass(): PassIds {
  return { earlier: newId(), maintenance: newId(), nextWeek: newId(), incident: newId() };
}

/** Starts the scenario at its first step; returns a function that stops it. */
export function startScenario(name: ScenarioName, store: DataStore, stepMs: number): () => void {
  const text = STORIES[name];
  let index = 0;
  let ids = newPass();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const next = () => {
    const step = DEMO_STEPS[index % DEMO_STEPS.length]!;
    // Each pass is a new incident, as a real page would have.
    if (index > 0 && index % DEMO_STEPS.length === 0) ids = newPass();
    index += 1;
    store
      .change((data, now) => writeStoryAt(data, text, ids, step.at, now))
      .catch((error: unknown) =>
        console.error('The demo scenario could not change the data:', error),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(next, stepMs);
      });
  };
  next();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
