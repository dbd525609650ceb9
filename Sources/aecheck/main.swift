import AECheckCore
import Foundation

// The thin front end: read arguments, pick a command, run it, exit with its status.
// Every behaviour lives in AECheckCore; see `aecheck --help`.

let io = StandardIO()
let status = CommandLineInterface.run(arguments: Array(CommandLine.arguments.dropFirst()), io: io)
io.flush()
exit(status)
