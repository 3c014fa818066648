// `@shipml/dev/e2e`: what an app's browser tests need.
export { chromiumPath, launchBrowser } from './browser.js';
export { getFreePort, waitForHttp } from './ports.js';
export { startApp, type ListenableApp, type RunningApp } from './app.js';
export { buildForProduction, startProduction, type ProductionServer } from './production.js';
