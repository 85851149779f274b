#!/usr/bin/env node
// The installed command. It exists before the first build, so npm can link it on install;
// the program itself is compiled to dist/ by `npm run build`.
import '../dist/main.js';
