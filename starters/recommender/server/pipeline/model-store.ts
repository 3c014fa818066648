import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { registerLocalModel, type ModelEntry } from '@shipml/models';
import { fromSidecar, toSidecar } from './model-sidecar.js';
import type { RecommenderModel } from './model.js';

/**
 * Model versions on disk, declared in models.json:
 *
 *   models.json               ← "default": the version the server loads
 *   models/
 *     20250101-120000-bundled/
 *       model.onnx            ← scoring graph (served by @shipml/serve's onnx backend)
 *       model.json            ← sidecar: catalogue, item vectors, biases, metrics
 *
 * A version's folder is written under a temporary name and renamed into place (atomic within
 * one folder), and only then is it registered in models.json, which is itself replaced
 * atomically: a training run killed half-way leaves the previous version serving.
 */
export interface StoredModel {
  version: string;
  onnxPath: string;
  model: RecommenderModel;
}

/** A sortable version name: UTC time plus the data source, e.g. "20250101-120000-bundled". */
export function newVersionName(source: string, now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}-${source}`;
}

/** The models.json id of a version: `movies-<version>`. */
export function modelId(version: string): string {
  return `movies-${version}`;
}

/**
 * Writes a new version (ONNX graph + sidecar) into `models/` beside `manifestPath`, then
 * registers it there as the default model. Returns the manifest entry.
 */
export async function writeModelVersion(
  manifestPath: string,
  version: string,
  files: { onnx: Uint8Array; model: RecommenderModel; licence: string; description: string },
): Promise<ModelEntry> {
  if (!/^[\w.-]+$/.test(version))
    throw new Error(`version "${version}" must be letters, digits, ".", "_" or "-"`);
  const modelsDir = join(dirname(manifestPath), 'models');
  await mkdir(modelsDir, { recursive: true });
  const finalDir = join(modelsDir, version);
  const tempDir = join(modelsDir, `.${version}.tmp-${process.pid}`);
  await rm(tempDir, { recursive: true, force: true });
  await mkdir(tempDir);
  try {
    await writeFile(join(tempDir, 'model.onnx'), files.onnx);
    await writeFile(
      join(tempDir, 'model.json'),
      JSON.stringify(toSidecar(files.model, version, files.licence)),
    );
    await rename(tempDir, finalDir); // fails if the version exists: versions are never overwritten
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
  return registerLocalModel(
    manifestPath,
    {
      id: modelId(version),
      task: 'recommendation',
      runtime: 'onnx',
      description: files.description,
      license: files.licence,
      folder: finalDir,
      files: ['model.onnx', 'model.json'],
    },
    { makeDefault: true },
  );
}

/** Loads a version from its resolved files (`model.onnx` and `model.json`, absolute paths). */
export async function readModelFiles(files: Record<string, string>): Promise<StoredModel> {
  const onnxPath = files['model.onnx'];
  const sidecarPath = files['model.json'];
  if (!onnxPath || !sidecarPath)
    throw new Error('a recommender model needs two files: model.onnx and model.json');
  const sidecar: unknown = JSON.parse(await readFile(sidecarPath, 'utf8'));
  const model = fromSidecar(sidecar);
  const version = (sidecar as { version: string }).version;
  return { version, onnxPath, model };
}
