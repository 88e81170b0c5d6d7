// Jest stub of N/record (customStubs in js/jest.config.cjs): the double's N/record of the account whose entry point runs.
'use strict';

module.exports = require('../modules.cjs').moduleView('N/record');
