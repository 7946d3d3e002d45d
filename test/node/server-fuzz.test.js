// Every admin route of the reference server, fuzzed over real HTTP on loopback:
// wrong and missing tokens, wrong content types, bodies that are not JSON, too
// big, of the wrong shape, and ids that try to leave their folder. Each bad
// request gets the right 4xx with a JSON error, and the data file stays
// byte-identical. Arbitrary bodies (fast-check) never get a 5xx, and when refused
// they change nothing.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { createStatusServer, DataFileError } from '../../dist/server/index.js';
import { startServer, seed, tempDir, TOKEN } from './server/helpers.js';

const RUNS = Number(process.env.FC_RUNS ?? 40);

/** A raw request, so headers and bodies can be anything at all. */
function send(base, { method, path, headers = {}, body }) {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const request = httpRequest(
      { host: url.hostname, port: url.port, method, path, headers },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode, headers: response.headers, text, json });
        });
      },
    );
    // The server may answer (413) and close before the whole body is sent.
    request.on('error', (error) =>
      error.code === 'ECONNRESET' || error.code === 'EPIPE'
        ? resolve({ status: 'reset' })
        : reject(error),
    );
    if (body !== undefined) request.write(body);
    request.end();
  });
}

/** Ids and keys named like what every plain object inherits, and `__proto__` itself. */
const PROTOTYPE_NAMES = [
  'toString',
  'valueOf',
  'hasOwnProperty',
  'constructor',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__proto__',
  '__defineGetter__',
  'prototype',
];

const auth = { authorization: `Bearer ${TOKEN}` };
const json = { ...auth, 'content-type': 'application/json' };

describe('admin routes under fuzzing', () => {
  let server;
  let incidentId;
  let maintenanceId;
  let before_;
  let checked = 0;

  before(async () => {
    server = await startServer();
    incidentId = (await seed(server.admin)).id;
    const maintenance = await server.admin('POST', '/admin/maintenances', {
      name: 'Database upgrade',
      body: 'Upgrading.',
      scheduledFor: new Date(Date.now() + 3_600_000).toISOString(),
      scheduledUntil: new Date(Date.now() + 7_200_000).toISOString(),
    });
    assert.equal(maintenance.status, 201, JSON.stringify(maintenance.body));
    maintenanceId = maintenance.body.id;
    before_ = readFileSync(server.dataFile);
  });
  after(async () => {
    // Every refusal above left the data file exactly as it was.
    assert.ok(checked > 100, `${checked} refused requests checked`);
    console.log(`# server fuzz: ${checked} refused requests, the data file unchanged after each`);
    await server.close();
  });

  /** Sends a request that must be refused with `status` (or one of a list), and checks nothing changed. */
  async function refused(requestOptions, status, field) {
    const response = await send(server.base, requestOptions);
    const what = `${requestOptions.method} ${requestOptions.path} → ${response.status} ${response.text?.slice(0, 200)}`;
    if (status === 413 && response.status === 'reset') {
      // Over the drain limit the server may close the connection mid-upload.
    } else {
      const statuses = [status].flat();
      assert.ok(statuses.includes(response.status), `expected ${statuses}: ${what}`);
      assert.equal(typeof response.json?.error?.message, 'string', what);
      assert.ok(response.json.error.message.length > 10, what);
      assert.equal(response.json.error.status, response.status, what);
      if (field) assert.equal(response.json.error.field, field, what);
    }
    assert.ok(readFileSync(server.dataFile).equals(before_), `the data file changed after ${what}`);
    checked += 1;
    return response;
  }

  const routes = () => [
    { method: 'PUT', path: '/admin/page', body: { name: 'Acme' } },
    { method: 'PUT', path: '/admin/components/api', body: { name: 'API', status: 'operational' } },
    { method: 'DELETE', path: '/admin/components/api' },
    {
      method: 'POST',
      path: '/admin/incidents',
      body: { name: 'Down', impact: 'major', body: 'Looking.' },
    },
    {
      method: 'POST',
      path: `/admin/incidents/${incidentId}/updates`,
      body: { status: 'monitoring', body: 'Better.' },
    },
    {
      method: 'POST',
      path: '/admin/maintenances',
      body: {
        name: 'Work',
        body: 'Soon.',
        scheduledFor: new Date(Date.now() + 3_600_000).toISOString(),
      },
    },
    {
      method: 'POST',
      path: `/admin/maintenances/${maintenanceId}/updates`,
      body: { status: 'in_progress', body: 'Started.' },
    },
    { method: 'GET', path: '/admin/templates' },
    { method: 'GET', path: '/admin/overdue' },
  ];
  const withBody = (route, headers) => ({
    method: route.method,
    path: route.path,
    headers,
    body: route.body === undefined ? undefined : JSON.stringify(route.body),
  });

  test('a missing, wrong or probing token is 401 on every route', async () => {
    const secret = TOKEN;
    const wrong = [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      `Basic ${Buffer.from(`admin:${secret}`).toString('base64')}`,
      `Bearer ${secret.slice(0, -1)}`,
      `Bearer ${secret}x`,
      `Bearer ${secret.slice(0, 1)}`,
      `Bearer ${'x'.repeat(secret.length)}`,
      `Bearer ${secret.toUpperCase()}`,
      `Bearer ${secret} ${secret}`,
      `Bearer ${'a'.repeat(8000)}`,
      `Token ${secret}`,
    ];
    for (const route of routes()) {
      for (const authorization of wrong) {
        const headers = { 'content-type': 'application/json' };
        if (authorization !== undefined) headers.authorization = authorization;
        const response = await refused(withBody(route, headers), 401);
        assert.equal(response.headers['www-authenticate'], 'Bearer');
      }
    }
  });

  test('a body that is not declared JSON is 415', async () => {
    for (const route of routes().filter((r) => r.body)) {
      for (const type of [
        undefined,
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/jsonp',
        'text/json',
      ]) {
        const headers = { ...auth };
        if (type) headers['content-type'] = type;
        await refused(withBody(route, headers), 415, 'Content-Type');
      }
    }
  });

  test('a body that is not JSON is 400, naming the body', async () => {
    for (const route of routes().filter((r) => r.body)) {
      for (const body of ['', '{', '{"name": "x",}', "{'name': 'x'}", 'null x', '\u0000', 'NaN']) {
        await refused({ method: route.method, path: route.path, headers: json, body }, 400, 'body');
      }
    }
  });

  test('a body over 64 KB is 413, even a valid one, and a huge one is cut off', async () => {
    for (const route of routes().filter((r) => r.body)) {
      const big = JSON.stringify({ ...route.body, body: 'x'.repeat(70 * 1024) });
      await refused({ method: route.method, path: route.path, headers: json, body: big }, 413);
      const huge = Buffer.alloc(3 * 1024 * 1024, 'a');
      await refused(
        {
          method: route.method,
          path: route.path,
          headers: { ...json, 'content-length': huge.length },
          body: huge,
        },
        413,
      );
    }
  });

  test('bodies of the wrong type or missing fields are 400, naming the field', async () => {
    const bodies = [[], 'text', 42, true, null];
    for (const route of routes().filter((r) => r.body)) {
      for (const body of bodies) {
        await refused(
          { method: route.method, path: route.path, headers: json, body: JSON.stringify(body) },
          400,
          'body',
        );
      }
    }
    const wrongFields = [
      ['PUT', '/admin/page', {}, 'name'],
      ['PUT', '/admin/page', { name: 5 }, 'name'],
      ['PUT', '/admin/page', { name: 'A', url: 'javascript:alert(1)' }, 'url'],
      ['PUT', '/admin/page', { name: 'A', extra: 1 }, 'extra'],
      ['PUT', '/admin/components/api', {}, 'name'],
      ['PUT', '/admin/components/api', { name: 'API', status: 'exploded' }, 'status'],
      ['PUT', '/admin/components/api', { name: ['API'], status: 'operational' }, 'name'],
      ['PUT', '/admin/components/api', { name: 'x'.repeat(201), status: 'operational' }, 'name'],
      ['PUT', '/admin/components/api', { name: '   ', status: 'operational' }, 'name'],
      ['POST', '/admin/incidents', {}, 'name'],
      ['POST', '/admin/incidents', { name: 'X', impact: 'apocalyptic', body: 'b' }, 'impact'],
      ['POST', '/admin/incidents', { name: 'X', impact: 'major' }, 'body'],
      ['POST', '/admin/incidents', { name: 'X', impact: 'major', body: 7 }, 'body'],
      ['POST', '/admin/incidents', { name: 'X', impact: 'major', body: 'x'.repeat(5001) }, 'body'],
      [
        'POST',
        '/admin/incidents',
        { name: 'X', impact: 'major', body: 'b', nextUpdateInMinutes: -1 },
        'nextUpdateInMinutes',
      ],
      [
        'POST',
        '/admin/incidents',
        { name: 'X', impact: 'major', body: 'b', nextUpdateInMinutes: '30' },
        'nextUpdateInMinutes',
      ],
      [
        'POST',
        '/admin/incidents',
        { name: 'X', impact: 'major', body: 'b', components: 'api' },
        'components',
      ],
      [
        'POST',
        '/admin/incidents',
        {
          name: 'X',
          impact: 'major',
          body: 'b',
          components: [{ id: 'nope', status: 'major_outage' }],
        },
        'components[0].id',
      ],
      [
        'POST',
        '/admin/incidents',
        { name: 'X', impact: 'major', body: 'b', components: [{ id: 'api', status: 'bad' }] },
        'components[0].status',
      ],
      ['POST', `/admin/incidents/${incidentId}/updates`, {}, 'status'],
      [
        'POST',
        `/admin/incidents/${incidentId}/updates`,
        { status: 'sideways', body: 'b' },
        'status',
      ],
      [
        'POST',
        '/admin/maintenances',
        { name: 'M', body: 'b', scheduledFor: 'tomorrow' },
        'scheduledFor',
      ],
      [
        'POST',
        `/admin/maintenances/${maintenanceId}/updates`,
        { status: 'investigating', body: 'b' },
        'status',
      ],
    ];
    for (const [method, path, body, field] of wrongFields) {
      await refused({ method, path, headers: json, body: JSON.stringify(body) }, 400, field);
    }
  });

  test('ids that try path traversal, odd characters or unknown items are 400 or 404', async () => {
    const ids = [
      '..',
      '..%2F..%2Fetc%2Fpasswd',
      '%2e%2e%2f%2e%2e%2fstatus-data.json',
      '..%5C..%5Cwindows',
      'api%00.json',
      '%2Fetc%2Fpasswd',
      '%E0%A4%A',
      'x'.repeat(65),
      '%3Cscript%3E',
      '-starts-with-dash',
      '.hidden',
    ];
    for (const id of ids) {
      // "/admin/components/.." is "/admin/" once the URL is resolved: no route there.
      const put = await refused(
        {
          method: 'PUT',
          path: `/admin/components/${id}`,
          headers: json,
          body: JSON.stringify({ name: 'X', status: 'operational' }),
        },
        id === '..' ? 404 : 400,
      );
      assert.ok(put.json.error.message.length > 0);
      // DELETE names what is there: an id that cannot exist is simply not found.
      await refused(
        { method: 'DELETE', path: `/admin/components/${id}`, headers: auth },
        [400, 404],
      );
    }
    for (const id of ['nope', '..%2F..', 'x'.repeat(300)]) {
      for (const kind of ['incidents', 'maintenances']) {
        const response = await send(server.base, {
          method: 'POST',
          path: `/admin/${kind}/${id}/updates`,
          headers: json,
          body: JSON.stringify({
            body: 'x',
            status: kind === 'incidents' ? 'monitoring' : 'in_progress',
          }),
        });
        assert.ok([400, 404].includes(response.status), `${kind}/${id}: ${response.status}`);
        assert.ok(readFileSync(server.dataFile).equals(before_));
        checked += 1;
      }
    }
    // Paths that leave /admin/ altogether are never files on disk.
    for (const path of [
      '/admin/../status-data.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/admin/%2e%2e/',
    ]) {
      const response = await send(server.base, { method: 'GET', path });
      assert.ok(response.status >= 400 && response.status < 500, `${path}: ${response.status}`);
      assert.ok(!response.text.includes('"incidents"'), `${path} served data`);
    }
  });

  test('a wrong method is 405 with Allow, an unknown route 404', async () => {
    const wrongMethods = [
      ['GET', '/admin/page', 'PUT'],
      ['POST', '/admin/page', 'PUT'],
      ['DELETE', '/admin/incidents', 'POST'],
      ['PUT', `/admin/incidents/${incidentId}/updates`, 'POST'],
      ['POST', '/admin/components/api', 'PUT, DELETE'],
      ['PATCH', '/admin/components/api', 'PUT, DELETE'],
      ['DELETE', '/admin/templates', 'GET'],
    ];
    for (const [method, path, allow] of wrongMethods) {
      const body = method === 'GET' || method === 'DELETE' ? undefined : '{}';
      const response = await refused({ method, path, headers: json, body }, 405);
      assert.equal(response.headers.allow, allow);
    }
    for (const path of ['/admin', '/admin/', '/admin/unknown', '/admin/incidents/x/updates/y']) {
      await refused({ method: 'POST', path, headers: json, body: '{}' }, 404);
    }
    for (const path of ['/feed.json', '/api/v2/summary.json']) {
      await refused({ method: 'POST', path, headers: json, body: '{}' }, 405);
    }
  });

  test('arbitrary JSON bodies on every route: never a 5xx, and a refusal changes nothing', async () => {
    let accepted = 0;
    let refusals = 0;
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom('operational', 'major', 'investigating', 'scheduled', 'in_progress', '', 'x'),
      fc.integer({ min: -2, max: 2000 }),
      fc.string({ maxLength: 300 }),
      fc.date().map((date) => (Number.isNaN(date.getTime()) ? 'bad' : date.toISOString())),
    );
    const keys = [
      'name',
      'status',
      'impact',
      'body',
      'group',
      'description',
      'url',
      'subscribeUrl',
      'timeZone',
      'components',
      'nextUpdateInMinutes',
      'scheduledFor',
      'scheduledUntil',
      'template',
      'vars',
      'locale',
      'extra',
      // Names a plain object inherits: a body holding them is data like any other.
      ...PROTOTYPE_NAMES,
    ];
    // Any JSON, any mix of known fields, or a valid body with a field or two changed
    // (so that some requests are accepted and the accepted ones are fuzzed too).
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 5 }),
      fc.record({ overrides: fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 2 }) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes().filter((r) => r.body)),
        body,
        async (route, input) => {
          const fileBefore = readFileSync(server.dataFile);
          const response = await send(server.base, {
            method: route.method,
            path: route.path,
            headers: json,
            body: JSON.stringify(input?.overrides ? { ...route.body, ...input.overrides } : input),
          });
          assert.ok(
            response.status < 500,
            `${route.method} ${route.path} ${JSON.stringify(input)} → ${response.status} ${response.text}`,
          );
          if (response.status >= 400) {
            refusals += 1;
            assert.equal(typeof response.json?.error?.message, 'string');
            assert.ok(
              readFileSync(server.dataFile).equals(fileBefore),
              'a refused request changed the data file',
            );
          } else {
            accepted += 1;
          }
        },
      ),
      { numRuns: RUNS * 5 },
    );
    assert.ok(refusals > 0);
    assert.ok(accepted > 0, 'some fuzzed requests were valid');
    console.log(`# server fuzz: ${accepted + refusals} arbitrary bodies, ${refusals} refused`);
    // The feed still reads as a valid native feed after whatever was accepted.
    const feed = await server.getJson('/feed.json');
    assert.equal(feed.version, 1);
    // Accepted writes changed the file; reset the baseline for the after() check.
    if (accepted > 0) before_ = readFileSync(server.dataFile);
  });
});

describe('ids named like Object.prototype members', () => {
  // "__proto__" and "__defineGetter__" are not ids (they start with "_"): refused with 400.
  const valid = (id) => /^[A-Za-z0-9]/.test(id);

  test('every admin route takes them as ids (or refuses them with 400), never a 5xx, and every feed serves them', async () => {
    const ctx = await startServer();
    try {
      for (const id of PROTOTYPE_NAMES) {
        const missing = await send(ctx.base, {
          method: 'DELETE',
          path: `/admin/components/${id}`,
          headers: auth,
        });
        assert.ok(
          (valid(id) ? [404] : [400, 404]).includes(missing.status),
          `DELETE ${id} before: ${missing.text}`,
        );
        for (const expected of [201, 200]) {
          const put = await send(ctx.base, {
            method: 'PUT',
            path: `/admin/components/${id}`,
            headers: json,
            body: JSON.stringify({ name: `Component ${id}`, status: 'partial_outage' }),
          });
          assert.equal(put.status, valid(id) ? expected : 400, `PUT ${id}: ${put.text}`);
        }
        for (const kind of ['incidents', 'maintenances']) {
          const update = await send(ctx.base, {
            method: 'POST',
            path: `/admin/${kind}/${id}/updates`,
            headers: json,
            body: JSON.stringify({
              body: 'x',
              status: kind === 'incidents' ? 'monitoring' : 'in_progress',
            }),
          });
          assert.ok([400, 404].includes(update.status), `${kind}/${id}: ${update.text}`);
        }
      }
      const ids = PROTOTYPE_NAMES.filter(valid);
      const incident = await ctx.admin('POST', '/admin/incidents', {
        name: 'Everything inherited is down',
        impact: 'major',
        body: 'Looking.',
        components: ids.map((id) => ({ id, status: 'major_outage' })),
      });
      assert.equal(incident.status, 201, JSON.stringify(incident.body));
      const update = await ctx.admin('POST', `/admin/incidents/${incident.body.id}/updates`, {
        status: 'identified',
        body: 'Found it.',
        components: [{ id: 'constructor', status: 'degraded_performance' }],
      });
      assert.equal(update.status, 201, JSON.stringify(update.body));
      // Body fields, vars and locales with those names are refused by name, never read from the prototype.
      for (const body of [
        { name: 'X', impact: 'major', body: 'x', toString: 'y' },
        { name: 'X', impact: 'major', template: 'investigating', vars: { toString: 'y' } },
        { name: 'X', impact: 'major', template: 'investigating', locale: 'constructor' },
        { name: 'X', impact: 'major', template: 'toString' },
        JSON.parse('{"name":"X","impact":"major","body":"x","__proto__":{"status":"resolved"}}'),
      ]) {
        const refused = await send(ctx.base, {
          method: 'POST',
          path: '/admin/incidents',
          headers: json,
          body: JSON.stringify(body),
        });
        assert.equal(refused.status, 400, `${JSON.stringify(body)}: ${refused.text}`);
      }
      const feed = await ctx.getJson('/feed.json');
      for (const id of ids) {
        const component = feed.components.find((item) => item.id === id);
        assert.equal(
          component?.status,
          id === 'constructor' ? 'degraded_performance' : 'major_outage',
          id,
        );
        assert.ok(Array.isArray(component.history), `${id} has its own history`);
      }
      for (const path of [
        '/api/v2/summary.json',
        '/api/v2/components.json',
        '/history.atom',
        '/history.rss',
      ]) {
        const response = await fetch(`${ctx.base}${path}`);
        assert.equal(response.status, 200, path);
        if (path.endsWith('.json')) assert.match(await response.text(), /hasOwnProperty/, path);
      }
      const deleted = await send(ctx.base, {
        method: 'DELETE',
        path: '/admin/components/valueOf',
        headers: auth,
      });
      assert.equal(deleted.status, 204, deleted.text);
    } finally {
      await ctx.close();
    }
    // The file they were written to loads again.
    const again = await startServer({ dataFile: ctx.dataFile });
    try {
      const feed = await again.getJson('/feed.json');
      assert.ok(feed.components.some((item) => item.id === 'toString'));
      assert.ok(!feed.components.some((item) => item.id === 'valueOf'));
    } finally {
      await again.close();
    }
  });

  test('a data file with such components, log entries and locales loads; one with a "__proto__" id is refused with a message', async () => {
    const dir = tempDir();
    const dataFile = join(dir, 'status-data.json');
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const components = ['toString', 'constructor', 'hasOwnProperty'].map((id) => ({
      id,
      name: id,
      status: 'major_outage',
    }));
    const text = (statusLog, templateText = '{"en":"Hi","toString":"Salut"}') =>
      `{"version":1,"page":{"name":"Acme"},"components":${JSON.stringify(components)},` +
      `"incidents":[],"maintenances":[],"templates":[{"id":"valueOf","text":${templateText}}],` +
      `"updatedAt":"${at}","statusLog":${statusLog}}`;
    writeFileSync(
      dataFile,
      text(
        `{"toString":[{"at":"${at}","status":"operational"}],"valueOf":[{"at":"${at}","status":"operational"}]}`,
      ),
    );
    const ctx = await startServer({ dataFile });
    try {
      const feed = await ctx.getJson('/feed.json');
      assert.deepEqual(
        feed.components.map((item) => [item.id, item.status]),
        components.map((item) => [item.id, 'major_outage']),
      );
      // toString's own log holds: an hour operational, then the outage seen at start.
      const toString = feed.components.find((item) => item.id === 'toString');
      assert.ok(toString.history.at(-1).uptime < 100, JSON.stringify(toString.history.at(-1)));
      const templates = await ctx.admin('GET', '/admin/templates');
      assert.deepEqual(
        Object.keys(templates.body.templates.find((item) => item.id === 'valueOf').text),
        ['en', 'toString'],
      );
    } finally {
      await ctx.close();
    }
    writeFileSync(dataFile, text(`{"__proto__":[{"at":"${at}","status":"operational"}]}`));
    await assert.rejects(createStatusServer({ dataFile }), (error) => {
      assert.ok(error instanceof DataFileError, String(error));
      assert.match(
        error.message,
        /is not a status-widgets data file: statusLog\.__proto__ must be an id/,
      );
      return true;
    });
    // A locale is text, not an id: one named "__proto__" is kept as a locale like any other.
    writeFileSync(dataFile, text('{}', '{"__proto__":"Salut"}'));
    const kept = await startServer({ dataFile });
    try {
      await kept.admin('PUT', '/admin/page', { name: 'Acme Cloud' });
      const templates = await kept.admin('GET', '/admin/templates');
      const own = templates.body.templates.find((item) => item.id === 'valueOf');
      assert.deepEqual(Object.keys(own.text), ['__proto__']);
      assert.match(readFileSync(dataFile, 'utf8'), /"__proto__": "Salut"/);
    } finally {
      await kept.close();
    }
  });
});
