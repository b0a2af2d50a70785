// Written in the subset of TypeScript that is also JavaScript, so the stand-in compiler
// (tools/typescript: this build has no registry access) only has to copy it.
const fs = require('fs');
const { total } = require('./lib/sum');

const prices = JSON.parse(fs.readFileSync('data/prices.json', 'utf8'));
console.log('items:', Object.keys(prices).sort().join(','));
console.log('total:', total(Object.values(prices)));
console.log('cwd:', process.cwd());
console.log('compiled at:', __filename.replace(process.cwd() + '/', ''));
console.log('package version:', require('../../package.json').version);
