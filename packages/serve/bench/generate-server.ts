/** The generate bench's server: a causal LM with continuous batching. Args: modelDir port. */
import { createServer } from './built.js';

const [dir, port] = process.argv.slice(2);
const app = await createServer({
  docs: false,
  models: [{ name: 'gpt', backend: 'causal-lm', path: dir!, slotsPerWorker: 16 }],
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
console.log('ready');
