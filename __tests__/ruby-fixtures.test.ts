import { runFixtureSuite } from './helpers/fixtures';

runFixtureSuite('ruby');
