// Turns the files run-peers.sh collects (runs.tsv, servers.tsv, machine.txt and each run's
// --json-out) into the markdown results section of docs/benchmarks.md, replacing the section
// between the two markers below (or creating the file with just that section).
//
// node render-results.mjs --runs runs.tsv --servers servers.tsv --machine machine.txt --clk-tck 100 --out FILE
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const START = '<!-- bench-results:start -->';
const END = '<!-- bench-results:end -->';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const clkTck = Number(args['clk-tck'] || 100);

const tsv = (file) => readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => l.split('\t'));
const machine = Object.fromEntries(readFileSync(args.machine, 'utf8').split('\n').filter(Boolean)
  .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

const ms = (micros) => (micros === undefined ? '–' : micros < 10_000 ? (micros / 1000).toFixed(2)
  : micros < 100_000 ? (micros / 1000).toFixed(1) : (micros / 1000).toFixed(0));
const int = (n) => Math.round(n).toLocaleString('en-US');
const latencyKind = { put: 'PutRecords', 'put-latency': 'PutRecord', get: 'GetRecords', e2e: 'put-to-read' };

function row([server, scenario, encoding, exit, ticks, jsonFile]) {
  const cpuSeconds = Number(ticks) / clkTck;
  if (!existsSync(jsonFile)) {
    return `| ${server} | ${scenario} | ${encoding} | no result (exit ${exit}) | | | | | | | ${cpuSeconds.toFixed(1)} | |`;
  }
  const r = JSON.parse(readFileSync(jsonFile, 'utf8'));
  const sides = [r, r.producer].filter(Boolean);
  const failedRecords = sides.reduce((n, s) => n + s.errors.failedRecords, 0);
  const failedRequests = sides.reduce((n, s) => n + s.errors.failedRequests, 0);
  const types = sides.flatMap((s) => [...Object.entries(s.errors.failedRecordsByErrorCode),
    ...Object.entries(s.errors.failedRequestsByType)]).map(([t, n]) => `${t} ${n}`);
  const moved = (r.producer ? r.producer.throughput.totalRecords : r.throughput.totalRecords) || 0;
  const verify = r.verification ? (r.verification.passed ? 'ok' : '**FAILED**') : '–';
  const outcome = r.outcome === 'ok' ? '' : ` (${r.outcome})`;
  return [
    server, scenario + outcome, encoding, int(r.throughput.recordsPerSecond), r.throughput.megabytesPerSecond.toFixed(2),
    `${latencyKind[scenario] || r.latencyKind}: ${ms(r.latency.p50Micros)} / ${ms(r.latency.p99Micros)} / ${ms(r.latency.p999Micros)}`,
    `${int(failedRecords)} / ${int(failedRequests)}${types.length ? ' (' + types.join(', ') + ')' : ''}`,
    verify, cpuSeconds.toFixed(1), moved > 0 ? (cpuSeconds * 1e6 / moved).toFixed(1) : '–',
  ].join(' | ').replace(/^/, '| ').replace(/$/, ' |');
}

const runs = tsv(args.runs);
const servers = tsv(args.servers);
const lines = [
  START,
  `## Results of ${machine.date}${machine.smoke === '1' ? ' (SMOKE RUN: seconds-long, not a measurement)' : ''}`,
  '',
  `Machine: ${machine.nproc} CPUs, ${machine.cpu}, ${machine.ram} RAM, ${machine.kernel}; ${machine.java}; node ${machine.node}; Tributary ${machine.tributary}.`,
  'Client and server share the machine; every server ran alone, one after the other.',
  '',
  '| server | scenario | encoding | records/s | MB/s | latency p50 / p99 / p99.9 (ms) | failed records / requests | verify | server CPU s | server CPU µs/record |',
  '| --- | --- | --- | ---: | ---: | --- | --- | --- | ---: | ---: |',
  ...runs.map(row),
  '',
  '| server | version | peak RSS (MiB) | CPU s, all scenarios | port open after (s) | status |',
  '| --- | --- | ---: | ---: | ---: | --- |',
  ...servers.map(([server, version, rssKb, ticks, , status, listeningMs]) =>
    `| ${server} | ${version} | ${rssKb ? (Number(rssKb) / 1024).toFixed(0) : '–'} | ${ticks ? (Number(ticks) / clkTck).toFixed(1) : '–'} | ${listeningMs ? (Number(listeningMs) / 1000).toFixed(2) : '–'} | ${status} |`),
  '',
  'Commands (ports were picked free for the run; `$WORK` is the run\'s scratch directory):',
  '',
  '```sh',
  ...servers.map(([server, , , , command]) => `# ${server}\n${command}`),
  '',
  ...runs.map(([server, , , , , , command]) =>
    `java -cp broker-cli/target/tributary.jar io.tributary.cli.bench.BenchMain ${command.replace(/^bench /, '')}   # ${server}`),
  '```',
  END,
];
const section = lines.join('\n');

let text = existsSync(args.out) ? readFileSync(args.out, 'utf8') : '';
if (text.includes(START) && text.includes(END)) {
  text = text.slice(0, text.indexOf(START)) + section + text.slice(text.indexOf(END) + END.length);
} else {
  text = (text ? text.replace(/\n*$/, '\n\n') : '') + section + '\n';
}
writeFileSync(args.out, text);
