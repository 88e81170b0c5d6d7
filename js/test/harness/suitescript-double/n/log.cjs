// Jest stub of N/log (customStubs in js/jest.config.cjs): the double's N/log of the account whose entry point runs.
'use strict';

module.exports = require('../modules.cjs').moduleView('N/log');
