// An in-memory NetSuite for SuiteScript tests, which obeys NetSuite's documented rules (rules.cjs):
// records and searches checked against the project's objects, usage units per call and per
// invocation, search paging limits, field lengths, typed script parameters. Under Jest the N/
// modules a script requires are this double's (js/jest.config.cjs maps them with customStubs).
'use strict';

const { createAccount, SuiteScriptError } = require('./account.cjs');
const { activate, createModules } = require('./modules.cjs');
const runners = require('./runners.cjs');
const rules = require('./rules.cjs');

module.exports = { createAccount, SuiteScriptError, activate, createModules, rules, ...runners };
