// The opt-in BuildKit pass (--buildkit): each feature, and each case where it is refused.
// Every case carries its options in NAME.options.json; without them nothing changes (the other
// ecosystems' fixtures, planned without the option, stay byte-identical).
import { runFixtureSuite } from './helpers/fixtures';

runFixtureSuite('buildkit');
