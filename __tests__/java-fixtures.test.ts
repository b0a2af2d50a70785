import { runFixtureSuite } from './helpers/fixtures';

runFixtureSuite('java');
