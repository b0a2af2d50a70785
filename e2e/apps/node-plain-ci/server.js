'use strict';
// A plain node:20 app: a local dependency (symlinked by npm from node_modules), ENV at run time,
// files read relative to WORKDIR. Prints and exits.
const path = require('path');
const fs = require('fs');
const shout = require('shout');

console.log(shout(process.env.GREETING || 'no greeting'));
console.log('cwd:', process.cwd());
console.log('shout resolves to:', path.relative(process.cwd(), require.resolve('shout')));
console.log('templates:', fs.readdirSync('templates').sort().join(','));
console.log('node major >= 18:', Number(process.versions.node.split('.')[0]) >= 18);
