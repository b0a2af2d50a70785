import { runFixtureSuite } from './helpers/fixtures';

runFixtureSuite('rust');
