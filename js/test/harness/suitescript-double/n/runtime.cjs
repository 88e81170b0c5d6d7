// Jest stub of N/runtime (customStubs in js/jest.config.cjs): the double's N/runtime of the account whose entry point runs.
'use strict';

module.exports = require('../modules.cjs').moduleView('N/runtime');
