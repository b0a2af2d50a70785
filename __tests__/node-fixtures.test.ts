import { runFixtureSuite } from './helpers/fixtures';

runFixtureSuite('node');
