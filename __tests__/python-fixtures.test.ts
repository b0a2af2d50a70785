import { runFixtureSuite } from './helpers/fixtures';

runFixtureSuite('python');
