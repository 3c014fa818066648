// `@shipml/dev/e2e`: what an app's end-to-end tests need: a browser, its own server, and a
// loopback mirror of the Hugging Face hub for the model-download path.
export { chromiumPath, launchBrowser } from './browser.js';
export { getFreePort, waitForHttp } from './ports.js';
export { startApp, type ListenableApp, type RunningApp } from './app.js';
export { buildForProduction, startProduction, type ProductionServer } from './production.js';
export {
  serveHubMirror,
  type HubFault,
  type HubFile,
  type HubMirror,
  type LoggedRequest,
} from './hub-mirror.js';
export { hubRepoFiles, type HubRepoOptions } from './hub-repo-files.js';
