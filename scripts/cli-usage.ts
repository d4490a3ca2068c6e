// The operator's commands, each with a line on what it does and how to call it: `safer-towns --help` and
// `safer-towns help <command>` print them, and each command's own usage errors quote the same line.
export const CLI_USAGE = {
  seed: {
    summary: "The towns' partnerships (safe to run again); with --demo, clearly marked demo data",
    usage: 'safer-towns seed [--demo]',
  },
  appoint: {
    summary: 'Give someone a seat in a town (or on the board) before they open the app',
    usage:
      'safer-towns appoint --town <town|board> --name "<display name>" --email <upn> --aad-object-id <Entra object id> [--role <partnership role>]',
  },
  towns: {
    summary: "The programme's towns: list, add, rename, retire, or redraw a town's area",
    usage:
      'safer-towns towns list | add --name <name> --code <ABC> | rename --town <town> --name <new name> | retire --town <town> | area --town <town> (--geojson <file> | --lsoa "<codes>")',
  },
  report: {
    summary: 'The board report of every town, as a workbook or CSV files (recorded in the audit trail)',
    usage: 'safer-towns report [--format xlsx|csv] [--out <folder>]',
  },
  import: {
    summary: "A town's delivery plan from a spreadsheet, checked row by row (--dry-run writes nothing)",
    usage:
      'safer-towns import <plan.xlsx> --town <town> [--dry-run] [--reason "why the approved plan changes"]',
  },
  'crime-data': {
    summary: 'police.uk street-level files into the town profiles; what is imported; count the towns again',
    usage: 'safer-towns crime-data <import FILE... [--dry-run] | months | rebuild>',
  },
  'public-summary': {
    summary: "A town's public progress page, with no names, as HTML",
    usage: 'safer-towns public-summary --town <town> [--out <folder>]',
  },
  'export-person': {
    summary: 'Everything held about one person, for a subject access request',
    usage: 'safer-towns export-person --email <upn> | --aad-object-id <Entra object id> [--out <file.json>]',
  },
  'erase-person': {
    summary: 'Erase one person (a dry run unless --confirm), keeping the records they took part in',
    usage: 'safer-towns erase-person --email <upn> | --aad-object-id <Entra object id> [--confirm]',
  },
  'scan-personal-data': {
    summary: 'List stored free text that the personal-data guard would hold today, changing nothing',
    usage: 'safer-towns scan-personal-data [--show-text] [--out <file.json>]',
  },
  'refresh-read-models': {
    summary: 'After changing the database behind the bot, have every instance load it again',
    usage: 'safer-towns refresh-read-models',
  },
} as const;

export type CliCommandName = keyof typeof CLI_USAGE;
export const usageOf = (name: CliCommandName): string => CLI_USAGE[name].usage;
