#!/usr/bin/env -S node --import tsx --conditions=@signet/source
// `pnpm emulator`: @signet/testing's emulator CLI, run on the workspace sources. The shebang makes
// this file the package's `emulator` bin, which is how `pnpm emulator` reaches it at the repository
// root without pnpm's script banner on stdout (the URL is stdout's first line). It lives here, not in
// @signet/testing, because that published package's code must not need tsx.
import { runEmulatorCli } from "@signet/testing";

process.exit(await runEmulatorCli(process.argv.slice(2)));
