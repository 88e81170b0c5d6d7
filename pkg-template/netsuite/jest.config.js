// Jest for this SuiteCloud project, as Oracle's SuiteCloud Unit Testing sets it up
// (npm install --save-dev @oracle/suitecloud-unit-testing jest; npm test), plus one line for
// the vendor-central-connector library: its module name maps to jest/vendor-central-connector.cjs,
// which loads the 5 MB bundle without Babel (Babel would spend minutes transforming it on each
// cold cache). Keep that entry first: mappings are tried in order.
const SuiteCloudJestConfiguration = require('@oracle/suitecloud-unit-testing/jest-configuration/SuiteCloudJestConfiguration');

const base = SuiteCloudJestConfiguration.build({
  projectFolder: 'src',
  projectType: SuiteCloudJestConfiguration.ProjectType.ACP,
});

module.exports = {
  ...base,
  moduleNameMapper: {
    '(^|/)vendor-central-connector\\.amd(\\.js)?$': '<rootDir>/jest/vendor-central-connector.cjs',
    ...base.moduleNameMapper,
  },
};
