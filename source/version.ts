/**
The kjobs version, kept equal to package.json's by a test (a constant, so the single-file bundle needs no package.json).
*/
export const version = '0.1.0';
