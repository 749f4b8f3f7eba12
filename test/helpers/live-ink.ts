/**
Imported before Ink by a test that renders Ink to a fake terminal: Ink reads CI and CONTINUOUS_INTEGRATION once, as
it loads, and in CI mode draws no live frames, so a test run by CI (which sets CI=true) would see a blank screen.
The variables stay hidden for the rest of the test process, as kjobs' own entry point hides them on a terminal.
*/
import {hideCi} from '../../source/terminal/ci-env.js';

hideCi(process.env);
