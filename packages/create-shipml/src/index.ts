// The render engine shared by the monorepo's plop generators and the create-shipml CLI.
export { dependencyRange, type RenderTarget } from './engine/dependencies.js';
export { formatFile, PRETTIER_OPTIONS } from './engine/format.js';
export {
  listRecipes,
  loadLayer,
  loadRecipe,
  resolveOptions,
  type LayerManifest,
  type PackageContribution,
  type RecipeManifest,
  type RecipeModel,
  type RecipeOptions,
} from './engine/manifest.js';
export {
  renderRecipe,
  RUN_SCRIPT,
  type PackageManager,
  type RenderedFile,
  type RenderRequest,
  type RenderResult,
  type RenderStep,
} from './engine/render.js';
export { NODE_ENGINES, VERSIONS } from './engine/versions.js';
export { isInside, writeProject } from './engine/write.js';
export * from './errors.js';
