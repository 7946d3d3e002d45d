#!/usr/bin/env node
// status-widgets-server: run the reference feed server, or export its feeds as files.
import { parseArgs } from 'node:util';
import { exportStatic } from './export.js';
import { DataFileError, StartError } from './errors.js';
import { SCENARIOS, type ScenarioName } from './scenario.js';
import { createStatusServer } from './server.js';

const HELP = `Usage:
  status-widgets-server [options]          serve the feeds and the admin API
  status-widgets-server export --data FILE --out DIR
  status-widgets-server export [--data FILE] --source URL… --out DIR
                                           write the feeds as static files (with
                                           --source: after one poll of each source)

Options:
  --port N            port to listen on (default 8787; 0 picks a free one)
  --host HOST         address to listen on (default 127.0.0.1)
  --data FILE         the data file (default ./status-data.json; created when missing)
  --token TOKEN       admin API bearer token (or STATUS_ADMIN_TOKEN); without one
                      the admin API is off and only reading works
  --scenario NAME     demo (English) or demo-zh-CN (Chinese): an incident told on a
                      loop (in memory unless --data is given)
  --step-seconds N    seconds per scenario step (default 6)
  --static [/PREFIX=]DIR
                      also serve the files in DIR (at /, or under /PREFIX/); repeatable
  --max-streams N     event streams open at once (default: the open-file limit
                      less 256, e.g. 768 under ulimit -n 1024)
  --max-streams-per-client N
                      event streams one client address may hold (default 16; 0: no cap)
  --max-connections-per-client N
                      connections one client address may hold, streams included
                      (default 64; 0: no cap; off when --max-streams-per-client is 0)
  --retention N       resolved incidents and completed maintenances kept in the
                      data file (default 1000, at least 50); older ones move to
                      the archive file beside it (status-data.archive.jsonl)
  --source [adapter=NAME,][interval=SECONDS,][name=LABEL,]URL
                      relay a status source (Uptime Kuma, Gatus, Statuspage,
                      Instatus, Cachet, a native feed…): read it from here and
                      publish it in every format above; repeatable. The format is
                      detected unless adapter= names it; polled every 30 s unless
                      interval= says otherwise (at least 10); name= labels its
                      group. Without --data the relay keeps no data file
  --source-unknown-after SECONDS
                      how long after its last answer a source that stopped
                      answering is shown as unknown instead of its last data
                      (default 600, or 3 of its intervals if longer)
  --out DIR           (export) where to write the files
  -h, --help          show this help
`;

function fail(message: string): never {
  console.error(`status-widgets-server: ${message}`);
  process.exit(1);
}

function positiveNumber(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) fail(`${flag} must be a number ≥ 0, not "${value}".`);
  return number;
}

/** A whole number flag, or undefined when not given. */
function wholeNumber(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) {
    fail(`${flag} must be a whole number ≥ ${min}, not "${value}".`);
  }
  return number;
}

function stepSeconds(value: string | undefined): number {
  const seconds = positiveNumber(value, '--step-seconds', 6);
  if (seconds === 0) fail('--step-seconds must be more than 0.');
  return seconds;
}

async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        token: { type: 'string' },
        scenario: { type: 'string' },
        'step-seconds': { type: 'string' },
        static: { type: 'string', multiple: true },
        'max-streams': { type: 'string' },
        'max-streams-per-client': { type: 'string' },
        'max-connections-per-client': { type: 'string' },
        retention: { type: 'string' },
        source: { type: 'string', multiple: true },
        'source-unknown-after': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${HELP}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const command = positionals[0] ?? 'serve';
  if (positionals.length > 1 || !['serve', 'export'].includes(command)) {
    fail(`unknown command "${positionals.join(' ')}".\n\n${HELP}`);
  }

  if (command === 'export') {
    const sources = values.source ?? [];
    if ((!values.data && !sources.length) || !values.out)
      fail('export needs --out DIR, and --data FILE or at least one --source URL.');
    const files = await exportStatic(values.data, values.out, { sources });
    console.log(`Wrote ${files.length} files to ${values.out}.`);
    return;
  }

  const scenario = values.scenario;
  if (scenario !== undefined && !SCENARIOS.includes(scenario as ScenarioName)) {
    fail(`--scenario must be one of ${SCENARIOS.join(', ')}, not "${scenario}".`);
  }
  const token = values.token ?? process.env['STATUS_ADMIN_TOKEN'] ?? undefined;
  const sources = values.source ?? [];
  // The demo and a relay run in memory unless asked to use a file, so they never
  // rewrite real data.
  const dataFile = values.data ?? (scenario || sources.length ? undefined : './status-data.json');
  const server = await createStatusServer({
    dataFile,
    token: token || undefined,
    scenario: scenario as ScenarioName | undefined,
    stepSeconds: stepSeconds(values['step-seconds']),
    static: values.static,
    maxStreams: wholeNumber(values['max-streams'], '--max-streams', 1),
    maxStreamsPerClient: wholeNumber(
      values['max-streams-per-client'],
      '--max-streams-per-client',
      0,
    ),
    maxConnectionsPerClient: wholeNumber(
      values['max-connections-per-client'],
      '--max-connections-per-client',
      0,
    ),
    retention: wholeNumber(values.retention, '--retention', 50),
    sources,
    sourceUnknownAfterSeconds: wholeNumber(
      values['source-unknown-after'],
      '--source-unknown-after',
      10,
    ),
  });
  const port = positiveNumber(values.port ?? process.env['PORT'], '--port', 8787);
  const host = values.host ?? process.env['HOST'] ?? '127.0.0.1';
  let url: string;
  try {
    url = await server.listen(port, host);
  } catch (error) {
    fail(`cannot listen on ${host}:${port} (${(error as Error).message}).`);
  }
  // One write, so that whoever watches stdout sees the whole banner at once.
  console.log(
    [
      `status-widgets-server listening on ${url}`,
      `  data: ${dataFile ?? 'in memory'}${scenario ? `; scenario: ${scenario}` : ''}`,
      `  admin API: ${token ? 'on (Bearer token)' : 'off (no --token or STATUS_ADMIN_TOKEN)'}`,
      ...(server.relay?.sources ?? []).map(
        (source) =>
          `  source: ${source.spec.url.href} (${source.adapterName}, every ${source.spec.intervalSeconds} s): ${source.state}`,
      ),
    ].join('\n'),
  );
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  fail(
    error instanceof DataFileError || error instanceof StartError
      ? error.message
      : ((error as Error).stack ?? String(error)),
  );
});
