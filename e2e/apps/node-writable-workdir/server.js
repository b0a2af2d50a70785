// Writes a session file into its VOLUME and a log next to itself.
const fs = require('fs');
for (const p of ['data/session.json', 'app.log']) {
  fs.writeFileSync(p, '{}\n');
  console.log('wrote', p);
}
