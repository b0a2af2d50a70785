#!/usr/bin/env node
'use strict';
console.log('lintish: nothing to report');
