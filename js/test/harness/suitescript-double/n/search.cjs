// Jest stub of N/search (customStubs in js/jest.config.cjs): the double's N/search of the account whose entry point runs.
'use strict';

module.exports = require('../modules.cjs').moduleView('N/search');
