import { runFixtureSuite } from './helpers/fixtures';

runFixtureSuite('dotnet');
