'use strict';
// Started by `npm start` in the onbuild image; prints what a rewrite must keep, then exits.
const banner = require('./lib/banner');
const fs = require('fs');

console.log(banner('onbuild app'));
console.log('cwd:', process.cwd());
console.log('NODE_ENV set:', 'NODE_ENV' in process.env, JSON.stringify(process.env.NODE_ENV));
console.log('config:', fs.readFileSync('config/app.txt', 'utf8').trim());
console.log('args:', JSON.stringify(process.argv.slice(2)));
