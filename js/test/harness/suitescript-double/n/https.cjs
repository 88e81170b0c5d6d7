// Jest stub of N/https (customStubs in js/jest.config.cjs): the double's N/https of the account whose entry point runs.
'use strict';

module.exports = require('../modules.cjs').moduleView('N/https');
