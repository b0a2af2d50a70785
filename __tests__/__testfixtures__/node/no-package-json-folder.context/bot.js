require('./lib/util')
