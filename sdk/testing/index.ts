// The SDK's test harness, for a plugin in this repository or anywhere else:
//   import { startPluginServer } from "ferrite/sdk/testing";
// See sdk/README.md, "Testing a plugin".
export { connectClient, startPluginServer, TEST_SERVER_FLAGS, type PluginServer, type PluginServerOptions } from "./plugin-server.js";
export { freePort, waitForPort } from "./ports.js";
export { connectResp3, type Resp3Client } from "./resp3-client.js";
export { FERRITE_MAIN, listenArgs, spawnServer, startFerrite, type ServerProcess, type ServerProcessOptions } from "./server-process.js";
