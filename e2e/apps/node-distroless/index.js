'use strict';
// Run by `npm start` (scripts.start = `node index.js --mode report`); on distroless nodejs the
// rewrite must pass the same arguments to node, whose ENTRYPOINT it is.
const os = require('os');
const zlib = require('zlib');
const crypto = require('crypto');

console.log('args:', JSON.stringify(process.argv.slice(2)));
console.log('NODE_ENV:', process.env.NODE_ENV);
console.log('cwd:', process.cwd());
console.log('sha256(abc):', crypto.createHash('sha256').update('abc').digest('hex'));
console.log('gzip roundtrip:', zlib.gunzipSync(zlib.gzipSync('distroless')).toString());
console.log('intl:', new Intl.NumberFormat('de-DE').format(1234567.891));
console.log('eol is \\n:', os.EOL === '\n');
