import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { repoRoot } from './helpers.js';

/** The Open Inference Protocol specs, read from `shared/` beside the repository. */
export const specDir = join(repoRoot, '..', 'shared', 'specs', 'open-inference-protocol');

interface Spec {
  paths: Record<string, Record<string, Operation | unknown>>;
  components: { schemas: Record<string, unknown> };
}
interface Operation {
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

function load(file: string, id: string, ajv: Ajv): Spec {
  const spec = parse(readFileSync(join(specDir, file), 'utf8')) as Spec;
  ajv.addSchema({ $id: id, components: spec.components });
  return spec;
}

/** `/v2/models/${MODEL_NAME}/versions/${MODEL_VERSION}/infer` → a RegExp over request paths. */
function templateRegex(template: string): RegExp {
  const body = template.replace(/\/$/, '').replace(/\$\{[A-Z_]+\}/g, '[^/]+');
  return new RegExp(`^${body}/?$`);
}

export interface Checked {
  /** The spec path template the request matched. */
  template: string;
  /** The schema the body was validated against, or 'none' when the spec declares no body. */
  schema: string;
}

/**
 * Validates HTTP responses against open_inference_rest.yaml and generate_rest.yaml. Routes
 * without a version are checked against their versioned template. Statuses the spec does not
 * list for an operation must carry the protocol's error object `{"error": string}`.
 */
export class OipValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly specs: { spec: Spec; id: string }[];
  private readonly errorSchema: ValidateFunction;

  constructor() {
    for (const f of ['float', 'double', 'int32', 'int64']) this.ajv.addFormat(f, true);
    this.specs = [
      { spec: load('open_inference_rest.yaml', 'oip', this.ajv), id: 'oip' },
      { spec: load('generate_rest.yaml', 'generate', this.ajv), id: 'generate' },
    ];
    this.errorSchema = this.ajv.getSchema(
      'oip#/components/schemas/metadata_server_error_response',
    )!;
  }

  private find(method: string, path: string): { template: string; op: Operation; id: string } {
    const pathname = path.split('?')[0]!;
    // Unversioned routes are the same operations with the version left to the server.
    const versioned = pathname.replace(
      /^(\/v2\/models\/[^/]+)(?!\/versions\/)(\/(ready|infer|generate|generate_stream))?$/,
      '$1/versions/x$2',
    );
    for (const { spec, id } of this.specs) {
      for (const [template, ops] of Object.entries(spec.paths)) {
        const op = ops[method.toLowerCase()] as Operation | undefined;
        if (op && templateRegex(template).test(versioned)) return { template, op, id };
      }
    }
    throw new Error(`${method} ${path} is not an Open Inference Protocol route`);
  }

  /** Throws with the schema errors if `body` (parsed JSON) does not fit the spec. */
  check(
    method: string,
    path: string,
    status: number,
    body: unknown,
    contentType = 'application/json',
  ): Checked {
    const { template, op, id } = this.find(method, path);
    const declared = op.responses[String(status)];
    // Every error carries the protocol's `{"error": string}`, declared for its status or not.
    if (status >= 400) this.assert(this.errorSchema, body, `${method} ${path} ${status}`);
    if (!declared) {
      if (status < 400)
        throw new Error(`${method} ${template}: status ${status} is not in the spec`);
      return { template, schema: 'error' };
    }
    const media =
      declared.content?.[contentType.split(';')[0]!] ?? declared.content?.['application/json'];
    if (!media) return { template, schema: 'none' };
    const ref = (media.schema as { $ref?: string }).$ref;
    const validate = ref
      ? this.ajv.getSchema(`${id}${ref}`)!
      : this.ajv.compile(media.schema as object);
    this.assert(validate, body, `${method} ${path} ${status}`);
    return { template, schema: ref ?? 'inline' };
  }

  private assert(validate: ValidateFunction, body: unknown, what: string): void {
    if (!validate(body)) {
      throw new Error(
        `${what}: ${this.ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`,
      );
    }
  }
}
