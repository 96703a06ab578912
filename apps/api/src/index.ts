/** The API application's public face, for what composes it: the all-in-one process, the test kit and the OpenAPI script. */
export { apiRootModule } from './api-root.module.js';
export { createHttpApp, openApiDocument, setApiPrefix } from './http-app.js';
export { serveApi } from './serve-api.js';
