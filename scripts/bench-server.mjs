// `npm run bench:server`: throughput and latency of the reference server's
// /api/v2/summary.json, with and without If-None-Match, at 1, 50 and 500
// connections on loopback (autocannon); and, in the same run, the same bytes served
// by nginx as the physical reference. Bounded: DURATION seconds per cell.
// Then the server under a 1,024-descriptor limit: STREAMS event streams held
// (past its cap) while /feed.json keeps answering (p99), memory per stream, the
// time to fan one change out to every stream, and admin writes per second with the
// data file at the retention limit.
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { mkdtempSync, mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DURATION = Number(process.env.DURATION ?? 5);
const STREAMS = Number(process.env.STREAMS ?? 2000);
const WRITES = Number(process.env.WRITES ?? 200);
const CONNECTIONS = (process.env.CONNECTIONS ?? '1,50,500').split(',').map(Number);
const TOKEN = 'bench-token';

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url, attempts = 100) {
  for (let i = 0; i < attempts; i += 1) {
    try {
      const response = await fetch(url);
      if (response.ok) return response;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

async function startOurs(dir) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      'dist/server/cli.js',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--data',
      join(dir, 'status-data.json'),
      '--token',
      TOKEN,
      // autocannon is one address standing for many clients, as a proxy is.
      '--max-connections-per-client',
      '0',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/v2/summary.json`);
  // A realistic page: a few components and one live incident.
  const admin = (method, path, body) =>
    fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  for (const [id, name] of [
    ['api', 'API'],
    ['web', 'Website'],
    ['db', 'Database'],
    ['cdn', 'CDN'],
  ]) {
    await admin('PUT', `/admin/components/${id}`, { name, status: 'operational' });
  }
  await admin('POST', '/admin/incidents', {
    name: 'Elevated error rates on the API',
    impact: 'major',
    body: 'We are investigating elevated error rates on the API.',
    components: [{ id: 'api', status: 'partial_outage' }],
    nextUpdateInMinutes: 30,
  });
  return { base, stop: () => child.kill() };
}

function startNginx(dir, body) {
  const nginx = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim();
  if (!nginx) return undefined;
  const root = join(dir, 'www');
  mkdirSync(join(root, 'api/v2'), { recursive: true });
  writeFileSync(join(root, 'api/v2/summary.json'), body);
  for (const path of [dir, root, join(root, 'api'), join(root, 'api/v2')]) chmodSync(path, 0o755);
  return freePort().then(async (port) => {
    const conf = join(dir, 'nginx.conf');
    writeFileSync(
      conf,
      `daemon off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 2048; }
http { access_log off; types { application/json json; } default_type application/json;
  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  server { listen 127.0.0.1:${port}; root ${root}; etag on; add_header Access-Control-Allow-Origin *; } }`,
    );
    const child = spawn(nginx, ['-c', conf, '-p', dir], { stdio: 'inherit' });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/v2/summary.json`);
    return { base, stop: () => child.kill() };
  });
}

async function measure(url, connections, headers) {
  const result = await autocannon({ url, connections, duration: DURATION, headers });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // 304 is the expected answer to If-None-Match; anything 4xx/5xx or lost is an error.
    errors: result.errors + result.timeouts + result['4xx'] + result['5xx'],
  };
}

const dir = mkdtempSync(join(tmpdir(), 'status-bench-'));
chmodSync(dir, 0o755);
const ours = await startOurs(dir);
const first = await fetch(`${ours.base}/api/v2/summary.json`);
const body = await first.text();
const etag = first.headers.get('etag');
const nginx = await startNginx(dir, body);
const nginxEtag = nginx
  ? (await fetch(`${nginx.base}/api/v2/summary.json`)).headers.get('etag')
  : undefined;

console.log(`summary.json: ${body.length} bytes; ${DURATION} s per cell; node ${process.version}`);
if (!nginx)
  console.log(
    'nginx not found: install it for the reference column (Debian: apt-get install nginx-light).',
  );
const rows = [];
for (const connections of CONNECTIONS) {
  for (const [mode, oursHeaders, nginxHeaders] of [
    ['200 (full body)', undefined, undefined],
    ['304 (If-None-Match)', { 'if-none-match': etag }, { 'if-none-match': nginxEtag }],
  ]) {
    const a = await measure(`${ours.base}/api/v2/summary.json`, connections, oursHeaders);
    const b = nginx
      ? await measure(`${nginx.base}/api/v2/summary.json`, connections, nginxHeaders)
      : undefined;
    rows.push({ connections, mode, a, b });
  }
}
ours.stop();
nginx?.stop();

const pad = (value, n) => String(value).padStart(n);
console.log(
  `${'conns'.padEnd(6)}${'response'.padEnd(22)}${pad('ours req/s', 12)}${pad('p50', 6)}${pad('p99', 6)}${pad('err', 5)}` +
    `${pad('nginx req/s', 13)}${pad('p50', 6)}${pad('p99', 6)}${pad('err', 5)}${pad('ours/nginx', 12)}`,
);
for (const { connections, mode, a, b } of rows) {
  console.log(
    `${String(connections).padEnd(6)}${mode.padEnd(22)}${pad(Math.round(a.rps), 12)}${pad(a.p50, 6)}${pad(a.p99, 6)}${pad(a.errors, 5)}` +
      (b
        ? `${pad(Math.round(b.rps), 13)}${pad(b.p50, 6)}${pad(b.p99, 6)}${pad(b.errors, 5)}${pad((a.rps / b.rps).toFixed(2), 12)}`
        : ''),
  );
}
console.log(
  'Latency in ms. Both servers on this machine, loopback, one autocannon client in this process.',
);

// ── Under a 1,024-descriptor limit ──────────────────────────────────────────────

/** A raw GET /events, resolved with its status line once the headers arrive. */
function rawStream(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`GET /events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`),
    );
    socket.once('data', (chunk) =>
      resolve({ socket, status: Number(String(chunk).split(' ')[1]) }),
    );
    socket.once('error', () => resolve({ socket, status: 'error' }));
    // Past its connection limit the server closes a new connection at once.
    socket.once('close', () => resolve({ socket, status: 'closed' }));
  });
}

function memoryOf(pid) {
  const status = spawnSync('cat', [`/proc/${pid}/status`], { encoding: 'utf8' }).stdout;
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) * 1024;
}

async function streamsUnderLimit() {
  const port = await freePort();
  const dataFile = join(dir, 'limited.json');
  // The data file at the retention limit: 1,000 resolved incidents, 10 components.
  const at = new Date().toISOString();
  const incidents = Array.from({ length: 1000 }, (_, i) => ({
    id: `old${i}`,
    name: `Resolved incident ${i}`,
    status: 'resolved',
    impact: 'minor',
    createdAt: at,
    updatedAt: at,
    resolvedAt: at,
    components: ['api'],
    updates: [
      {
        id: `old${i}a`,
        status: 'resolved',
        body: 'This incident has been resolved.',
        createdAt: at,
      },
      {
        id: `old${i}b`,
        status: 'investigating',
        body: 'We are investigating elevated error rates.',
        createdAt: at,
      },
    ],
  }));
  const components = Array.from({ length: 10 }, (_, i) => ({
    id: i ? `c${i}` : 'api',
    name: `Component ${i}`,
    status: 'operational',
  }));
  writeFileSync(
    dataFile,
    JSON.stringify({
      version: 1,
      page: { name: 'Bench' },
      components,
      incidents,
      maintenances: [],
      templates: [],
    }),
  );
  const child = spawn(
    'sh',
    [
      '-c',
      'ulimit -n 1024 && exec "$0" "$@"',
      process.execPath,
      'dist/server/cli.js',
      '--port',
      String(port),
      '--data',
      dataFile,
      '--token',
      TOKEN,
      '--max-streams-per-client',
      '0',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/feed.json`);
  const idle = memoryOf(child.pid);
  const opened = [];
  const statuses = {};
  for (let i = 0; i < STREAMS; i += 1) {
    const stream = await rawStream(port);
    statuses[stream.status] = (statuses[stream.status] ?? 0) + 1;
    opened.push(stream);
  }
  const held = opened.filter((stream) => stream.status === 200);
  await new Promise((r) => setTimeout(r, 500));
  const withStreams = memoryOf(child.pid);
  const feed = await autocannon({ url: `${base}/feed.json`, connections: 50, duration: DURATION });

  // Fan-out: from the admin write's answer to the last stream's event.
  let received = 0;
  let lastAt = 0;
  for (const { socket } of held) {
    socket.on('data', (chunk) => {
      if (String(chunk).includes('"indicator":"major"')) {
        received += 1;
        lastAt = performance.now();
      }
    });
  }
  const admin = (method, path, body) =>
    fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const start = performance.now();
  const put = await admin('PUT', '/admin/components/api', { name: 'API', status: 'major_outage' });
  const acknowledged = performance.now();
  while (received < held.length && performance.now() - start < 10_000) {
    await new Promise((r) => setTimeout(r, 5));
  }
  for (const { socket } of opened) socket.destroy();

  // Writes at the retention limit: each closes an incident, so the file stays at 1,000 resolved.
  const writesStart = performance.now();
  for (let i = 0; i < WRITES; i += 1) {
    const response = await admin('POST', '/admin/incidents', {
      name: `Incident ${i}`,
      impact: 'minor',
      status: 'resolved',
      body: 'Resolved.',
    });
    if (response.status !== 201) throw new Error(`write ${i}: ${response.status}`);
  }
  const writesPerSecond = WRITES / ((performance.now() - writesStart) / 1000);
  const { size } = await import('node:fs').then((fs) => fs.statSync(dataFile));
  child.kill();

  console.log(
    `\nUnder ulimit -n 1024: ${STREAMS} stream requests → ${Object.entries(statuses)
      .map(([status, count]) => `${count} × ${status}`)
      .join(', ')}`,
  );
  console.log(
    `/feed.json meanwhile (50 connections, ${DURATION} s): ${Math.round(feed.requests.average)} req/s, p50 ${feed.latency.p50} ms, p99 ${feed.latency.p99} ms, ${feed.non2xx + feed.errors} errors`,
  );
  console.log(
    `memory: ${(idle / 2 ** 20).toFixed(0)} MB idle, ${(withStreams / 2 ** 20).toFixed(0)} MB with ${held.length} streams: ${((withStreams - idle) / held.length / 1024).toFixed(1)} KB per stream`,
  );
  console.log(
    `fan-out of one change (PUT ${put.status} answered in ${(acknowledged - start).toFixed(0)} ms): ${received}/${held.length} streams had it ${(lastAt - start).toFixed(0)} ms after the write was sent`,
  );
  console.log(
    `writes at the retention limit (1,000 resolved incidents kept, ${(size / 1024).toFixed(0)} KB file): ${writesPerSecond.toFixed(0)} writes/s`,
  );
}

await streamsUnderLimit();

// Relay mode: N browsers polling the relay cost the source one request per interval.
async function relayUpstreamRate() {
  const seconds = Number(process.env.RELAY_SECONDS ?? 25);
  const browsers = Number(process.env.RELAY_BROWSERS ?? 200);
  const body = await import('node:fs').then((fs) =>
    fs.readFileSync('test/fixtures/gatus/documented-statuses.json'),
  );
  let upstreamRequests = 0;
  const upstream = (await import('node:http')).createServer((request, response) => {
    upstreamRequests += 1;
    if (request.headers['if-none-match'] === '"v1"') return response.writeHead(304).end();
    response.writeHead(200, { 'content-type': 'application/json', etag: '"v1"' }).end(body);
  });
  await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const source = `interval=10,http://127.0.0.1:${upstream.address().port}/api/v1/endpoints/statuses`;
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['dist/server/cli.js', '--port', String(port), '--source', source],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${port}/feed.json`;
  await waitFor(url);
  const before = upstreamRequests;
  const load = await autocannon({ url, connections: browsers, duration: seconds });
  const minutes = seconds / 60;
  child.kill();
  upstream.close();
  console.log(
    `\nRelay (one Gatus source, interval 10 s): ${browsers} browsers, ${Math.round(load.requests.average)} reads/s for ${seconds} s → ${upstreamRequests - before} upstream requests (${((upstreamRequests - before) / minutes).toFixed(1)} per minute; the interval allows 6)`,
  );
}

await relayUpstreamRate();
