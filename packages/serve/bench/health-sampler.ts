/**
 * Measures `GET /v2/health/live` latency from a quiet process while the server is under load.
 * Args: url durationMs intervalMs delayMs. Prints 'ready' at once, samples after `delayMs`, then prints {"p50", "p99", "max", "n"} in ms as its last line.
 */
import { Agent, request } from 'node:http';
import { percentile } from './shared.js';

const [url, durationArg = '3000', intervalArg = '10', delayArg = '0'] = process.argv.slice(2);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function once(): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = request(url!, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - start));
    });
    req.on('error', reject);
    req.end();
  });
}

console.log('ready');
await new Promise((r) => setTimeout(r, Number(delayArg)));
const latencies: number[] = [];
const end = performance.now() + Number(durationArg);
while (performance.now() < end) {
  latencies.push(await once());
  await new Promise((r) => setTimeout(r, Number(intervalArg)));
}
agent.destroy();
console.log(
  JSON.stringify({
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    n: latencies.length,
  }),
);
