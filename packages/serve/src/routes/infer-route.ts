import type { FastifyInstance } from 'fastify';
import { InvalidInputError } from '../errors.js';
import { clientSignal, deadlineFrom, requireJson } from '../http/request-context.js';
import { decodeInput, encodeOutput, type JsonTensor } from '../tensor-json.js';
import type { Tensor } from '../types.js';
import { inferenceRequestSchema, modelParams } from './schemas.js';

interface InferenceRequest {
  id?: string;
  parameters?: Record<string, unknown>;
  inputs: JsonTensor[];
  outputs?: { name: string }[];
}

/** `POST /v2/models/{name}[/versions/{version}]/infer`. */
export function inferRoute(app: FastifyInstance, deadlineHeader: string, bodyLimit: number): void {
  for (const base of ['/v2/models/:name', '/v2/models/:name/versions/:version']) {
    app.post<{ Params: { name: string; version?: string }; Body: InferenceRequest }>(
      `${base}/infer`,
      {
        bodyLimit,
        onRequest: requireJson,
        schema: {
          tags: ['inference'],
          summary: 'Inference',
          params: modelParams,
          body: inferenceRequestSchema,
        },
      },
      async (request, reply) => {
        const { name, version } = request.params;
        const body = request.body;
        // Fail fast on an unknown model before decoding a large body.
        const model = app.inference.model(name, version);
        let inputs: Record<string, Tensor>;
        try {
          inputs = decodeInputs(body.inputs);
        } catch (err) {
          app.inference.countFailure(model.name, 400);
          throw err;
        }
        const outputs = await app.inference.infer(name, inputs, {
          ...(version === undefined ? {} : { version }),
          ...(body.outputs ? { outputs: body.outputs.map((o) => o.name) } : {}),
          ...(body.parameters ? { parameters: body.parameters } : {}),
          ...optional('deadlineMs', deadlineFrom(request, deadlineHeader)),
          signal: clientSignal(reply),
          transfer: true, // the decoded tensors are ours alone
        });
        return {
          model_name: model.name,
          model_version: model.version,
          ...(body.id === undefined ? {} : { id: body.id }),
          outputs: Object.entries(outputs).map(([n, t]) => encodeOutput(n, t)),
        };
      },
    );
  }
}

function decodeInputs(raw: unknown[]): Record<string, Tensor> {
  const inputs: Record<string, Tensor> = {};
  for (const item of raw) {
    const t = decodeInput(item);
    if (Object.hasOwn(inputs, t.name)) throw new InvalidInputError(`input '${t.name}' given twice`);
    inputs[t.name] = { datatype: t.datatype, shape: t.shape, data: t.data };
  }
  return inputs;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
