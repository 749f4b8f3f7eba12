// Imported first by tests that assert on styles: chalk decides its colour level when it loads.
process.env['FORCE_COLOR'] = '1';
