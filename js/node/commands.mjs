// The CLI's engine commands, one entry per core function: how its input is read from files and
// flags, how its result is printed, and when it needs a person. Adding an engine to the CLI is one
// entry here (the command appears in --help; `call <function>` works for every function anyway).
//
// Entry: {
//   fn: 'coreFunctionName',
//   summary: 'one line for --help', usage: 'the flags',
//   options: { flag: { type: 'string' | 'boolean' } },          // util.parseArgs options
//   input({ values, positionals, now, UsageError }) → the core's input object (files read here)
//   print(out, result, { formatTable, printExceptions })        // the readable output
//   attention(result) → boolean                                  // exit code 1 when true
// }
export const ENGINE_COMMANDS = {};
