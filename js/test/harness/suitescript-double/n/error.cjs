// Jest stub of N/error (customStubs in js/jest.config.cjs): the double's N/error of the account whose entry point runs.
'use strict';

module.exports = require('../modules.cjs').moduleView('N/error');
