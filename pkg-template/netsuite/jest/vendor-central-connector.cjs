// The vendor-central-connector library for Jest, without Babel. The library is a 5 MB AMD
// module (src/FileCabinet/SuiteScripts/vendor-central-connector/lib/vendor-central-connector.amd.js);
// SuiteCloud's Jest configuration sends every .js file through Babel, which takes minutes on it.
// jest.config.js maps the library's module name to this file, which reads the bundle as it is and
// runs it with a local `define`: the real core, loaded in well under a second. It runs in the
// test's global scope, so a test environment without WebAssembly gets the wasm2js build, as an
// account whose engine lacks WebAssembly would.
'use strict';

const fs = require('fs');
const path = require('path');

const file = path.join(__dirname, '..', 'src', 'FileCabinet', 'SuiteScripts', 'vendor-central-connector', 'lib', 'vendor-central-connector.amd.js');
let library;
const define = (deps, factory) => {
  library = factory();
};
// eslint-disable-next-line no-new-func -- evaluating the bundle as NetSuite does, with its own define
new Function('define', `${fs.readFileSync(file, 'utf8')}\n//# sourceURL=${file}`)(define);
module.exports = library;
