// The Jest test environment of the SuiteScript tests: Node's, less what NetSuite's server engine
// does not document (TextDecoder, TextEncoder, atob, btoa), so the library runs on its own UTF-8
// and base64 code as it must in an account; with `withoutWebAssembly` (the wasm2js project of
// js/jest.config.cjs) WebAssembly is gone too and the library picks its wasm2js build.
'use strict';

const { TestEnvironment } = require('jest-environment-node');

class SuiteScriptEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ['TextDecoder', 'TextEncoder', 'atob', 'btoa']) delete this.global[name];
    if (config.projectConfig.testEnvironmentOptions?.withoutWebAssembly) delete this.global.WebAssembly;
  }
}

module.exports = SuiteScriptEnvironment;
