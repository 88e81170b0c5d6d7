// Jest for the SuiteScript entry points (js/test/netsuite-*.jest.cjs), set up as a SuiteCloud
// project sets it up (Oracle's SuiteCloud Unit Testing: its Babel transform of the AMD scripts,
// its module mapping of SuiteScripts/…), with three changes:
//   - N/search, N/record, N/runtime, N/https, N/log, N/error are the NetSuite double
//     (test/harness/suitescript-double), given as customStubs the way Oracle documents;
//   - the library maps to the shim the SDF project ships (dist/netsuite/jest/), as a customer's
//     jest.config.js does, so the 5 MB bundle is never sent through Babel;
//   - two projects run every test: with WebAssembly, and without it (the wasm2js build).
// Run after the build (it tests dist/netsuite): bash js/tasks/test.sh, or
//   cd js && node node_modules/jest/bin/jest.js --config jest.config.cjs
const path = require('node:path');
const SuiteCloudJestConfiguration = require('@oracle/suitecloud-unit-testing/jest-configuration/SuiteCloudJestConfiguration');

const sdfProject = path.join(__dirname, '..', 'dist', 'netsuite');
const DOUBLE_MODULES = ['search', 'record', 'runtime', 'https', 'log', 'error'];

function project(displayName, withoutWebAssembly) {
  const base = SuiteCloudJestConfiguration.build({
    // Oracle's builder joins this to the working directory.
    projectFolder: path.relative(process.cwd(), path.join(sdfProject, 'src')),
    projectType: SuiteCloudJestConfiguration.ProjectType.ACP,
    rootDir: __dirname,
    customStubs: DOUBLE_MODULES.map((m) => ({ module: `N/${m}`, path: `<rootDir>/test/harness/suitescript-double/n/${m}.cjs` })),
  });
  return {
    ...base,
    displayName,
    rootDir: __dirname,
    roots: ['<rootDir>/test'],
    testMatch: ['<rootDir>/test/netsuite-*.jest.cjs'],
    testEnvironment: '<rootDir>/test/harness/suitescript-environment.cjs',
    testEnvironmentOptions: { withoutWebAssembly },
    moduleNameMapper: {
      '(^|/)vendor-central-connector\\.amd(\\.js)?$': path.join(sdfProject, 'jest', 'vendor-central-connector.cjs'),
      ...base.moduleNameMapper,
    },
  };
}

module.exports = {
  projects: [project('wasm', false), project('wasm2js', true)],
  // Volume runs (5,000 POs, 100,000 inventory rows) take tens of seconds per project.
  testTimeout: 300000,
};
