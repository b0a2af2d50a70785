// No package.json and no dependencies: a plain `node server.js` with a local module.
const { greet } = require('./lib/greet');
const fs = require('fs');
console.log(greet('Ada'));
console.log('cwd', process.cwd());
console.log('files', fs.readdirSync('.').sort().join(','));
