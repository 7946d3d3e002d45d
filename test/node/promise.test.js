// Promises of the next update written in an update's text: what is read, in every
// shipped language, and what must never be (a false overdue warning is worse than none).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { promisedUpdateAt, withTextPromise } from 'status-widgets';

// AWS's update of 2026-09-21 at 4:44 PM PDT, which promised "by 5:30 PM PDT".
const POSTED = '2026-09-21T23:44:00.000Z';
const after = (minutes) => new Date(Date.parse(POSTED) + minutes * 60_000).toISOString();
const read = (text) => promisedUpdateAt(text, POSTED);

describe('promises written in English', () => {
  // Phrasings from real status pages (GitHub, AWS, incident templates) and the issue.
  const table = [
    ['We will provide another update in 1 hour.', after(60)],
    ['Next update in 30 minutes.', after(30)],
    ['Next update at 14:30 UTC', '2026-09-22T14:30:00.000Z'],
    ["We'll update within the next hour.", after(60)],
    ['We will provide an update within 60 minutes.', after(60)],
    ['We will provide another update within the next hour.', after(60)], // GitHub
    ['We will post another update in approximately one hour to share our progress.', after(60)], // GitHub
    ['We will provide an update by 5:30 PM PDT or sooner.', '2026-09-22T00:30:00.000Z'], // AWS
    ['We will provide another update in the next 30-45 minutes.', after(45)], // AWS: the later end
    [
      'We will provide an update within 30 minutes or as soon as we have more information.',
      after(30),
    ],
    [
      '**Next Update**: We will provide another update in 15 minutes, or as soon as service is restored.',
      after(15),
    ],
    ['We will provide another update in 30 minutes or when service is fully restored.', after(30)],
    ['The next update will be provided in 1.5 hours.', after(90)],
    ['Our next update will be at 15:00 CET.', '2026-09-22T14:00:00.000Z'],
    ['Next update: 23:50 UTC', '2026-09-21T23:50:00.000Z'],
    ['Next update in 1h', after(60)],
    ['Expect another update within the hour.', after(60)],
    ['An update will be provided in half an hour.', after(30)],
    ['We will update this incident in 1 hour and 30 minutes.', after(90)],
    ['We will continue to provide updates every 30 minutes.', after(30)],
    ['Next update at 8:00 UTC+8.', '2026-09-22T00:00:00.000Z'],
    // Two promises: the later one, which cannot make a false warning.
    [
      'Next update in 30 minutes. We will provide an update by 01:00 UTC.',
      '2026-09-22T01:00:00.000Z',
    ],
  ];
  for (const [text, expected] of table) {
    test(text, () => assert.equal(read(text), expected));
  }
});

describe('every shipped language, where the phrasing is unambiguous', () => {
  const table = [
    ['Nächstes Update in 30 Minuten.', after(30)],
    ['Ein weiteres Update folgt um 15:00 Uhr MEZ.', '2026-09-22T14:00:00.000Z'],
    ['Das nächste Update erfolgt innerhalb der nächsten Stunde.', after(60)],
    ['Wir melden uns in einer halben Stunde wieder.', after(30)],
    ['Prochaine mise à jour dans 30 minutes.', after(30)],
    ['Nous publierons une nouvelle mise à jour à 14h30 UTC.', '2026-09-22T14:30:00.000Z'],
    ["Prochaine mise à jour dans l'heure.", after(60)],
    ['Próxima actualización en 30 minutos.', after(30)],
    ['Publicaremos otra actualización a las 15:00 UTC.', '2026-09-22T15:00:00.000Z'],
    ['Próxima actualización en media hora.', after(30)],
    ['Prochaine mise à jour à 15 heures UTC.', '2026-09-22T15:00:00.000Z'],
    ['Próxima actualización a las 15:00 horas UTC.', '2026-09-22T15:00:00.000Z'],
    ['30分ほど後にお知らせします。', after(30)],
    ['30分後に更新します。', after(30)],
    ['次回の更新は1時間後を予定しています。', after(60)],
    ['15:00（日本時間）頃に続報をお知らせします。', '2026-09-22T06:00:00.000Z'],
    ['30 分钟后更新', after(30)],
    ['我们将在一小时内提供进一步更新。', after(60)],
    ['下次更新时间：北京时间 15:00', '2026-09-22T07:00:00.000Z'],
    ['我們將於30分鐘後再次更新。', after(30)],
    ['下次更新時間：台北時間 15:00', '2026-09-22T07:00:00.000Z'],
  ];
  for (const [text, expected] of table) {
    test(text, () => assert.equal(read(text), expected));
  }
});

describe('what is not a promise', () => {
  const negatives = [
    'We will provide updates as necessary.',
    'We will provide further updates as more information becomes available.',
    'We will provide an update as soon as possible.', // Anthropic
    'More updates to follow shortly.', // Cloudflare
    'We will post further updates as we have more information.', // Stripe
    'A fix is currently being deployed, and we will provide an update once the rollout is complete.',
    'We have taken suspected hosts out of rotation and have not seen any impact in the last 20 minutes.', // GitHub
    'Customers saw errors in the past 30 minutes.',
    'This incident was resolved 30 minutes ago.',
    'Impact occurred from 5:50pm PT / 00:50 UTC to 7:10pm PT / 02:10 UTC.', // a past span
    'From 19:13 to 22:19 UTC, we saw elevated error rates.', // Stripe
    'Updates to issue labels may be delayed by about ~10 minutes.', // GitHub
    'Jobs are retried every 30 minutes.',
    'We will update the DNS records within 30 minutes.', // an action, not an update to readers
    'We will provide an update in a minute.', // a manner of speaking
    'We will share more details in the postmortem within 5 days.', // another document
    'We will provide an update in a couple of hours.', // not a clear duration
    'We will provide an update tomorrow at 09:00 UTC.', // another day
    'We will provide an update at 09:00 UTC on Monday.',
    'We will provide an update early next week at 10:00 UTC.', // another week
    'We will provide an update after 09:00 UTC.', // a time past other words needs its "at" or "by"
    'Next update at 14:30.', // no zone
    'Next update at 14:30 CST.', // China, Cuba or US Central
    'Next update at 14:30 IST.', // India, Ireland or Israel
    'Next update at 5pm PT.', // PST or PDT
    'Nächstes Update um 16 Uhr.', // no zone
    'Die Störung besteht seit 30 Minuten.',
    'Cette fonction sera disponible dans une prochaine mise à jour.', // a software release
    'El problema comenzó hace 30 minutos.',
    '障害発生から30分後に復旧しました。', // a past recovery
    '30分前にエラーが発生しました。',
    '30分钟后更新配置。', // updating a setting
    '服务已于30分钟前恢复。',
  ];
  for (const text of negatives) {
    test(text, () => assert.equal(read(text), undefined));
  }
});

describe('bounds', () => {
  test('a long update is read at both ends, in bounded time', () => {
    const filler = 'All systems are being checked. '.repeat(2000);
    assert.equal(read(`${filler}Next update in 30 minutes.`), after(30));
    assert.equal(read(`Next update in 30 minutes. ${filler}`), after(30));
    // Hostile repetitions end (the patterns have no nested open repeats).
    for (const text of ['next update '.repeat(5000), 'in 1 '.repeat(5000), '30分'.repeat(5000)]) {
      assert.equal(read(text), undefined);
    }
  });

  test('a long run of spaces inside a promise is read in linear time', () => {
    const spaces = ' '.repeat(3980);
    const started = performance.now();
    for (const text of [
      `Next update at 14${spaces}x`,
      `Next update at 14:30${spaces}`,
      `下次更新${spaces.slice(2000)}1${spaces.slice(2000)}`,
      `1${spaces}分`,
      `next update${spaces}in`,
    ]) {
      assert.equal(read(text), undefined);
    }
    assert.ok(performance.now() - started < 1000, 'read in under a second');
  });

  test('an unreadable update time gives no promise', () => {
    assert.equal(promisedUpdateAt('Next update in 30 minutes.', 'not a date'), undefined);
  });
});

describe('withTextPromise', () => {
  const incident = (updates, extra = {}) => ({
    id: 'i',
    name: 'Outage',
    status: 'investigating',
    impact: 'major',
    createdAt: POSTED,
    updatedAt: POSTED,
    components: [],
    updates,
    ...extra,
  });
  const update = (body, createdAt) => ({ id: createdAt, status: 'investigating', body, createdAt });

  test('reads only the latest update: an older promise was kept or broken by the next', () => {
    const read = withTextPromise(
      incident([
        update('We are still investigating.', after(20)),
        update('We will provide another update in 1 hour.', POSTED),
      ]),
    );
    assert.equal(read.nextUpdateAt, undefined);
    assert.equal(
      withTextPromise(incident([update('Next update in 30 minutes.', after(20))])).nextUpdateAt,
      after(50),
    );
  });

  test("the feed's own field wins; a resolved incident promises nothing", () => {
    const own = withTextPromise(
      incident([update('Next update in 30 minutes.', POSTED)], { nextUpdateAt: after(10) }),
    );
    assert.equal(own.nextUpdateAt, after(10));
    const done = withTextPromise(
      incident([update('Next update in 30 minutes.', POSTED)], { status: 'resolved' }),
    );
    assert.equal(done.nextUpdateAt, undefined);
  });
});
