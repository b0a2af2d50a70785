const { total } = require('../src/lib/sum');
if (total([1, 2]) !== 3) throw new Error('sum');
