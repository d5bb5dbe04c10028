import type { CliCommand } from '../cliCommand';
import { addCommand } from './add';
import { bibCommand } from './bib';
import { claimsCommand } from './claims';
import { dailyCommand } from './daily';
import { listCommand } from './list';
import { referencesCommand } from './references';
import { renderCommand } from './render';
import { showCommand } from './show';
import { uncategorisedCommand } from './uncategorised';

/** Every CLI command; a new command is one file and one line here. */
export const COMMANDS: readonly CliCommand[] = [
  listCommand,
  showCommand,
  bibCommand,
  uncategorisedCommand,
  referencesCommand,
  renderCommand,
  claimsCommand,
  addCommand,
  dailyCommand,
];
