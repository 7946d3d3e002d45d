// The sample page the stories show: Cartwheel, a made-up online-shop platform, in each
// state a designer needs to see. Written for the stories (the recorded feeds in
// test/fixtures are for the tests), as the native feed the reference server serves,
// with every time placed relative to the moment the story loads.
import type {
  ComponentDay,
  Impact,
  Incident,
  IncidentUpdate,
  Maintenance,
  StatusComponent,
  StatusSnapshot,
} from '../src/model/types.js';

const MINUTE = 60_000;
const STATUS_PAGE = 'https://status.cartwheel.example';

/** An ISO time `minutes` from now (negative: in the past). */
const at = (minutes: number) => new Date(Date.now() + minutes * MINUTE).toISOString();

type ComponentId =
  'storefront' | 'checkout' | 'cards' | 'wallets' | 'admin' | 'api' | 'webhooks' | 'email';

const COMPONENTS: Record<ComponentId, Omit<StatusComponent, 'status'>> = {
  storefront: { id: 'storefront', name: 'Storefronts', group: 'Shopping' },
  checkout: { id: 'checkout', name: 'Checkout', group: 'Shopping' },
  cards: { id: 'cards', name: 'Card payments', group: 'Payments' },
  wallets: { id: 'wallets', name: 'Apple Pay and Google Pay', group: 'Payments' },
  admin: { id: 'admin', name: 'Shop admin', group: 'Running your shop' },
  api: { id: 'api', name: 'Admin API', group: 'Running your shop' },
  webhooks: { id: 'webhooks', name: 'Webhooks', group: 'Running your shop' },
  email: { id: 'email', name: 'Order emails', group: 'Running your shop' },
};

type Affected = Partial<Record<ComponentId, StatusComponent['status']>>;

/** The page's components, all operational but those `affected` says otherwise. */
function components(affected: Affected = {}): StatusComponent[] {
  return Object.values(COMPONENTS).map((component) => ({
    ...component,
    status: affected[component.id as ComponentId] ?? 'operational',
    updatedAt: at(affected[component.id as ComponentId] ? -12 : -3 * 24 * 60),
  }));
}

/** Updates as [minutes from now, status, body], newest first. */
type Timeline = [number, IncidentUpdate['status'], string][];

function incident(
  id: string,
  name: string,
  impact: Impact,
  timeline: Timeline,
  extra: Partial<Incident> = {},
): Incident {
  const updates = timeline.map(([minutes, status, body], index) => ({
    id: `${id}-${timeline.length - index}`,
    status,
    body,
    createdAt: at(minutes),
  }));
  const status = updates[0]!.status as Incident['status'];
  const closed = status === 'resolved' || status === 'postmortem';
  const resolved = timeline.find(([, item]) => item === 'resolved');
  return {
    id,
    name,
    status,
    impact,
    createdAt: updates.at(-1)!.createdAt,
    updatedAt: updates[0]!.createdAt,
    url: `${STATUS_PAGE}/incidents/${id}`,
    components: [],
    updates,
    ...(closed && resolved ? { resolvedAt: at(resolved[0]) } : {}),
    ...extra,
  };
}

// The incidents and maintenances the states are made of.

const checkoutFailing = (lastUpdate = -6, promise = 24) =>
  incident(
    'checkout-failing',
    'Checkout payments failing for some customers',
    'major',
    [
      [
        lastUpdate,
        'identified',
        `Card payments through one of our payment processors are being declined with "Payment could not be completed". About 1 in 5 checkouts is affected, mostly in Europe. We are routing payments to our second processor; customers can retry in the meantime. Next update within ${promise} minutes.`,
      ],
      [
        lastUpdate - 14,
        'investigating',
        'We are investigating reports of failed card payments at checkout. Next update within 15 minutes.',
      ],
    ],
    {
      components: ['checkout', 'cards'],
      nextUpdateAt: at(lastUpdate + promise),
    },
  );

const emailsDelayed = () =>
  incident(
    'emails-delayed',
    'Order confirmation emails delayed',
    'minor',
    [
      [
        -4,
        'identified',
        'Order confirmation and shipping emails are arriving up to 20 minutes late because our email provider is slow to accept messages. No emails are lost; they will all be delivered. Next update within 30 minutes.',
      ],
    ],
    { components: ['email'], nextUpdateAt: at(26) },
  );

const storefrontsDown = () =>
  incident(
    'storefronts-down',
    'Storefronts unavailable in all regions',
    'critical',
    [
      [
        -3,
        'investigating',
        'Shops are showing "502 Bad Gateway" to shoppers in every region. Shop admin and the Admin API still work. All engineers on call are working on it. Next update within 15 minutes.',
      ],
    ],
    { components: ['storefront', 'checkout'], nextUpdateAt: at(12) },
  );

const webhooksMonitoring = () =>
  incident(
    'webhooks-retrying',
    'Webhook deliveries retried',
    'minor',
    [
      [
        -18,
        'monitoring',
        'Webhook deliveries are back to normal and the backlog is being retried in order. Next update within an hour.',
      ],
      [-52, 'investigating', 'Some webhook deliveries are failing with timeouts.'],
    ],
    { components: ['webhooks'], nextUpdateAt: at(42) },
  );

/** A resolved incident: `minutes` ago, with its postmortem when `postmortem`. */
const checkoutResolved = (minutes: number, postmortem: boolean) => {
  const url = `${STATUS_PAGE}/incidents/checkout-failing/postmortem`;
  const timeline: Timeline = [
    [
      -minutes,
      'resolved',
      'Payments have succeeded normally for 30 minutes and the affected processor has confirmed its fix. Customers whose payment failed were not charged and can place their order again.',
    ],
    [
      -minutes - 25,
      'monitoring',
      'All card payments now go through our second processor and are succeeding. We are watching closely.',
    ],
    [
      -minutes - 41,
      'investigating',
      'We are investigating reports of failed card payments at checkout.',
    ],
  ];
  if (postmortem) {
    timeline.unshift([
      -2,
      'postmortem',
      `We have published what happened, why, and what we are changing so that it does not happen again: ${url}`,
    ]);
  }
  return incident(
    'checkout-failing',
    'Checkout payments failing for some customers',
    'major',
    timeline,
    {
      components: ['checkout', 'cards'],
      ...(postmortem ? { postmortemUrl: url } : {}),
    },
  );
};

/** Incidents from earlier days, closed: the history every page has. */
const history = (): Incident[] => [
  incident(
    'search-slow',
    'Product search slow',
    'minor',
    [
      [
        -26 * 60,
        'resolved',
        'A search index rebuild was slowing queries down. It has finished and search is fast again.',
      ],
      [-27 * 60, 'investigating', 'Product search is taking several seconds to return results.'],
    ],
    { components: ['storefront'] },
  ),
  incident(
    'admin-login',
    'Some merchants unable to sign in to Shop admin',
    'major',
    [
      [
        -3 * 24 * 60,
        'postmortem',
        `We have published a report on this incident: ${STATUS_PAGE}/incidents/admin-login/postmortem`,
      ],
      [
        -4 * 24 * 60,
        'resolved',
        'A certificate on our sign-in service had expired. It was renewed and everyone can sign in.',
      ],
      [-4 * 24 * 60 - 35, 'investigating', 'Some merchants see an error when signing in.'],
    ],
    { components: ['admin'], postmortemUrl: `${STATUS_PAGE}/incidents/admin-login/postmortem` },
  ),
];

function maintenance(status: Maintenance['status'], startsIn: number): Maintenance {
  const started = status !== 'scheduled';
  const updates: IncidentUpdate[] = [
    {
      id: 'payments-upgrade-1',
      status: 'scheduled',
      body: 'We are moving card payments to new servers. Payments keep working, but a few may take up to 30 seconds longer during the window.',
      createdAt: at(-2 * 24 * 60),
    },
  ];
  if (started) {
    updates.unshift({
      id: 'payments-upgrade-2',
      status: 'in_progress',
      body: 'The move has started. Payments are working; some take a little longer.',
      createdAt: at(startsIn),
    });
  }
  return {
    id: 'payments-upgrade',
    name: 'Card payments moving to new servers',
    status,
    impact: 'maintenance',
    createdAt: at(-2 * 24 * 60),
    updatedAt: updates[0]!.createdAt,
    url: `${STATUS_PAGE}/incidents/payments-upgrade`,
    components: ['cards'],
    updates,
    scheduledFor: at(startsIn),
    scheduledUntil: at(startsIn + 90),
  };
}

const LONG_TITLE =
  'Checkout, card payments, Apple Pay and Google Pay failing or timing out for a large share of shoppers in Europe, North America and Asia-Pacific';
const LONG_BODY = [
  'Since 14:05 UTC a large share of checkouts fail with "Payment could not be completed" or time out after 30 seconds. Shoppers are not charged for failed payments.',
  'The failures follow a configuration change at one of our payment processors. We have asked them to roll it back and are moving traffic to our second processor region by region; Europe is done, North America is under way.',
  'Orders already placed are safe and will be fulfilled. If you run promotions today, consider pausing them until the next update, which we will post within 30 minutes or sooner if anything changes.',
].join('\n\n');

/** A native feed (`/feed.json`) for the page in one state. */
export function feed(
  state: {
    incidents?: Incident[];
    maintenances?: Maintenance[];
    affected?: Affected;
    name?: string;
  } = {},
): StatusSnapshot & { version: 1 } {
  return {
    version: 1,
    page: {
      name: state.name ?? 'Cartwheel',
      url: STATUS_PAGE,
      subscribeUrl: `${STATUS_PAGE}/subscribe`,
      timeZone: 'Etc/UTC',
    },
    // The reader derives the indicator from what is active; this is the provider's word.
    indicator: 'operational',
    description: '',
    components: components(state.affected),
    incidents: [...(state.incidents ?? []), ...history()],
    maintenances: state.maintenances ?? [],
    updatedAt: at(-1),
  };
}

/**
 * A recorded daily history for every component, as the reference server would serve
 * it: the last `days` days up to today (UTC), all good but for a few outages placed
 * on fixed days back, so each story draws the same strip.
 */
function withHistory(state: StatusSnapshot, days: number): StatusSnapshot {
  const today = Date.UTC(
    new Date().getUTCFullYear(),
    new Date().getUTCMonth(),
    new Date().getUTCDate(),
  );
  // [days back, component, status, minutes]
  const outages: [number, ComponentId, ComponentDay['worst'], number][] = [
    [3, 'checkout', 'partial_outage', 42],
    [3, 'cards', 'partial_outage', 42],
    [11, 'storefront', 'major_outage', 18],
    [26, 'email', 'degraded_performance', 95],
    [40, 'webhooks', 'major_outage', 240],
    [61, 'cards', 'under_maintenance', 90],
    [77, 'api', 'degraded_performance', 30],
  ];
  for (const component of state.components) {
    component.history = Array.from({ length: days }, (_, i) => {
      const back = days - 1 - i;
      const date = new Date(today - back * 24 * 60 * MINUTE).toISOString().slice(0, 10);
      const outage = outages.find(([when, id]) => when === back && id === component.id);
      if (!outage) return { date, uptime: 100, worst: 'operational' as const };
      const [, , worst, minutes] = outage;
      const down = worst === 'partial_outage' || worst === 'major_outage';
      const uptime = down ? 100 - (100 * minutes) / (24 * 60) : 100;
      return { date, uptime, worst, downtime: { [worst!]: minutes } };
    });
  }
  return state;
}

/** Each state a story can show, as its feed. */
export const STATES = {
  operational: () => feed(),
  minor: () => feed({ incidents: [emailsDelayed()], affected: { email: 'degraded_performance' } }),
  major: () =>
    feed({
      incidents: [checkoutFailing()],
      affected: { checkout: 'partial_outage', cards: 'partial_outage' },
    }),
  critical: () =>
    feed({
      incidents: [storefrontsDown()],
      affected: { storefront: 'major_outage', checkout: 'major_outage' },
    }),
  'maintenance-upcoming': () => feed({ maintenances: [maintenance('scheduled', 3 * 60)] }),
  'maintenance-in-progress': () =>
    feed({
      maintenances: [maintenance('in_progress', -25)],
      affected: { cards: 'under_maintenance' },
    }),
  'several-incidents': () =>
    feed({
      incidents: [checkoutFailing(), emailsDelayed(), webhooksMonitoring()],
      affected: {
        checkout: 'partial_outage',
        cards: 'partial_outage',
        email: 'degraded_performance',
        webhooks: 'degraded_performance',
      },
    }),
  'long-texts': () => {
    const long = checkoutFailing();
    long.name = LONG_TITLE;
    long.updates[0]!.body = LONG_BODY;
    const state = feed({
      incidents: [long],
      affected: { checkout: 'partial_outage', cards: 'partial_outage' },
      name: 'Cartwheel Commerce Cloud — European Union data residency region',
    });
    state.components[0]!.name =
      'Storefronts (product pages, collections, search, cart and customer accounts on every custom domain)';
    return state;
  },
  // Updated 35 minutes ago with a promise of 20: the promise ran out 15 minutes ago.
  'overdue-update': () =>
    feed({
      incidents: [checkoutFailing(-35, 20)],
      affected: { checkout: 'partial_outage', cards: 'partial_outage' },
    }),
  resolved: () => feed({ incidents: [checkoutResolved(8, false)] }),
  'resolved-postmortem': () => feed({ incidents: [checkoutResolved(20, true)] }),
  stale: () =>
    feed({
      incidents: [checkoutFailing()],
      affected: { checkout: 'partial_outage', cards: 'partial_outage' },
    }),
  // Recorded every day of the last 90 (and more).
  'uptime-history': () => withHistory(feed(), 120),
  // Recorded only since 45 days ago: the days before are "no data".
  'uptime-partial': () => withHistory(feed(), 45),
  'empty-history': () => {
    const state = feed();
    state.incidents = [];
    return state;
  },
} satisfies Record<string, () => StatusSnapshot>;
