#!/usr/bin/env node
// Committed so package managers can link the command before the first build; the code is in dist.
import '../dist/cli.js';
