import { identityModel, type OnnxElemType } from '@shipml/test-utils';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Datatype } from '../index.js';
import { modelDir } from './helpers.js';
import { OipValidator } from './oip-validator.js';

// Every V2 datatype, the ONNX type it maps to, sample JSON data and what comes back.
const CASES: [Datatype, OnnxElemType, unknown[], unknown[]][] = [
  ['BOOL', 'bool', [true, false, true], [true, false, true]],
  ['UINT8', 'uint8', [0, 7, 255], [0, 7, 255]],
  ['UINT16', 'uint16', [0, 65535, 3], [0, 65535, 3]],
  ['UINT32', 'uint32', [0, 4294967295, 3], [0, 4294967295, 3]],
  ['UINT64', 'uint64', [0, '18446744073709551615', 3], [0, 2 ** 64, 3]],
  ['INT8', 'int8', [-128, 0, 127], [-128, 0, 127]],
  ['INT16', 'int16', [-32768, 0, 32767], [-32768, 0, 32767]],
  ['INT32', 'int32', [-2147483648, 0, 2147483647], [-2147483648, 0, 2147483647]],
  ['INT64', 'int64', [-3, 0, 9007199254740991], [-3, 0, 9007199254740991]],
  ['FP16', 'float16', [0.5, -2, 65504], [0.5, -2, 65504]],
  ['FP32', 'float32', [0.25, -1e30, 3], [0.25, -1e30 /* fp32-rounded below */, 3]],
  ['FP64', 'float64', [0.1, -1e300, 3], [0.1, -1e300, 3]],
  ['BYTES', 'string', ['a', '', 'ünï'], ['a', '', 'ünï']],
];

const dir = modelDir();
const validator = new OipValidator();
let app: FastifyInstance;

beforeAll(async () => {
  app = await createServer({
    models: CASES.map(([dt, onnx]) => ({
      name: dt.toLowerCase(),
      backend: 'onnx' as const,
      path: dir.write(`${dt}.onnx`, identityModel(onnx, ['n'])),
    })),
  });
});
afterAll(() => app.close());

describe('every datatype round-trips through a real ONNX model', () => {
  it.each(CASES)('%s', async (datatype, _onnx, data, expected) => {
    const url = `/v2/models/${datatype.toLowerCase()}/infer`;
    const res = await app.inject({
      method: 'POST',
      url,
      payload: { inputs: [{ name: 'input', datatype, shape: [3], data }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    validator.check('POST', url, 200, body);
    const out = body.outputs[0];
    expect(out).toMatchObject({ name: 'output', datatype, shape: [3] });
    if (datatype === 'FP32')
      expect(out.data).toEqual(Array.from(new Float32Array(expected as number[])));
    else expect(out.data).toEqual(expected);
    const meta = (await app.inject(`/v2/models/${datatype.toLowerCase()}`)).json();
    expect(meta.inputs).toEqual([{ name: 'input', datatype, shape: [-1] }]);
  });

  it('refuses a value of another datatype for a typed input', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v2/models/uint8/infer',
      payload: { inputs: [{ name: 'input', datatype: 'UINT8', shape: [1], data: [-1] }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatch(/not a valid UINT8/);
  });
});
