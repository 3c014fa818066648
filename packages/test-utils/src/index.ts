export { chromiumPath, launchBrowser, type LaunchedBrowser } from './browser.js';
export { getFreePort, waitForHttp } from './net.js';
export { makeTempDir } from './tmp.js';
