import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** Model id of the placeholder model in the smallest starter's models.json. */
export const CELSIUS_MODEL_ID = 'celsius-to-fahrenheit';

/**
 * Builds the smallest starter's placeholder model: one Gemm node, `fahrenheit = celsius × 1.8 + 32`.
 *
 * A real (if tiny) ONNX model, so a new starter runs end to end through
 * ONNX Runtime before anyone has chosen the model the recipe is really about.
 * Input `celsius`: FP32 [batch, 1]; output `fahrenheit`: FP32 [batch, 1].
 * The bytes are deterministic (no timestamps), so the committed file's sha256 is stable.
 */
export function buildCelsiusModel(): Uint8Array {
  const FLOAT = onnx.TensorProto.DataType.FLOAT;
  const batchBy1 = (name: string): onnxProto.onnx.IValueInfoProto => ({
    name,
    type: {
      tensorType: {
        elemType: FLOAT,
        shape: { dim: [{ dimParam: 'batch' }, { dimValue: 1 }] },
      },
    },
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'shipml-generators',
    producerVersion: '1',
    docString: 'Converts Celsius to Fahrenheit: a linear layer with weight 1.8 and bias 32.',
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: CELSIUS_MODEL_ID,
      input: [batchBy1('celsius')],
      output: [batchBy1('fahrenheit')],
      initializer: [
        { name: 'weight', dataType: FLOAT, dims: [1, 1], floatData: [1.8] },
        { name: 'bias', dataType: FLOAT, dims: [1], floatData: [32] },
      ],
      node: [
        {
          opType: 'Gemm',
          name: 'linear',
          input: ['celsius', 'weight', 'bias'],
          output: ['fahrenheit'],
        },
      ],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
