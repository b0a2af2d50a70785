import { runFixtureSuite } from './helpers/fixtures';

runFixtureSuite('go');
