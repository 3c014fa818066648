/**
 * Setup (b), the common tutorial server: a fastify route that calls `session.run` inline for
 * each request. ONNX Runtime's run is synchronous native work, so the event loop is blocked
 * while it computes, and requests are never batched. Args: modelPath port.
 */
import Fastify from 'fastify';
import * as ort from 'onnxruntime-node';

const [modelPath, port] = process.argv.slice(2);
// Default session options: ONNX Runtime uses every core for one request.
const session = await ort.InferenceSession.create(modelPath!);
const app = Fastify();

interface Body {
  inputs: { name: string; shape: number[]; data: number[] }[];
}

app.get('/v2/health/live', () => ({ live: true }));
app.post<{ Body: Body }>('/v2/models/bench/infer', async (request) => {
  const input = request.body.inputs[0]!;
  const x = new ort.Tensor('float32', Float32Array.from(input.data), input.shape);
  const { y } = await session.run({ x });
  return {
    model_name: 'bench',
    outputs: [
      { name: 'y', datatype: 'FP32', shape: y!.dims, data: Array.from(y!.data as Float32Array) },
    ],
  };
});

await app.listen({ port: Number(port), host: '127.0.0.1' });
console.log('ready');
