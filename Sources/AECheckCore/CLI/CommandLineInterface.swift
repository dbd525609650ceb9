import AECheckLanguage
import Foundation

/// The `aecheck` command line: arguments in, text out, an exit status back.
///
/// Exit status: 0 success, 1 a check failed (invalid knowledge, replay mismatch),
/// 2 bad usage or a malformed input document.
public enum CommandLineInterface {
    /// The version of the program (the knowledge has its own hash).
    public static let version = "0.1.0"

    static let commands = ["check", "intake", "assess", "replay", "validate", "help"]
    static let options: [String: Bool] = [  // option -> takes a value
        "--help": false, "-h": false, "--version": false, "--knowledge": true, "--now": true, "--tz": true,
        "--mode": true, "--json": false, "--coverage": false, "--update": false, "--record": true, "--resume": true,
        "--reporter": true, "--region": true,
    ]

    /// The options each command takes (besides `--help` and `-h`); any other is a usage error.
    static let commandOptions: [String: Set<String>] = [
        "check": [
            "--knowledge", "--now", "--tz", "--mode", "--record", "--resume", "--reporter", "--region", "--version",
        ],
        "intake": ["--knowledge", "--now", "--tz", "--mode", "--record", "--resume", "--region"],
        "assess": ["--knowledge", "--json", "--mode", "--region"],
        "replay": ["--knowledge", "--update"],
        "validate": ["--knowledge", "--coverage"],
        "help": [],
    ]

    /// Parsed arguments.
    struct Arguments {
        var command = "check"
        var positional: [String] = []
        var values: [String: String] = [:]
        var flags: Set<String> = []
        /// True when the command was named, not taken as the default.
        var commandNamed = false
    }

    /// Runs one invocation and returns the exit status.
    public static func run(arguments: [String], io: TerminalIO) -> Int32 {
        run(arguments: arguments, io: io, knowledge: nil)
    }

    /// Runs one invocation with knowledge loaded beforehand (transcript replay loads it once
    /// for a whole suite); nil loads it as the arguments say.
    static func run(arguments: [String], io: TerminalIO, knowledge preloaded: KnowledgeBase?) -> Int32 {
        let parsed: Arguments
        switch parse(arguments) {
        case .success(let value): parsed = value
        case .failure(let usage):
            io.writeError("aecheck: \(usage.message)\nRun 'aecheck --help' for usage.\n")
            return 2
        }
        if parsed.flags.contains("--help") || parsed.flags.contains("-h") || parsed.command == "help" {
            let named = parsed.command == "help" ? parsed.positional.first : parsed.commandNamed ? parsed.command : nil
            io.write(named.flatMap { commandHelp[$0] } ?? helpText)
            return 0
        }
        let allowed = commandOptions[parsed.command] ?? []
        let given = parsed.flags.union(parsed.values.keys)
        if let wrong = given.sorted().first(where: { !allowed.contains($0) }) {
            let takes = allowed.isEmpty ? "no options" : allowed.sorted().joined(separator: ", ")
            io.writeError(
                "aecheck: '\(parsed.command)' does not take \(wrong); it takes \(takes)\n"
                    + "Run 'aecheck \(parsed.command) --help' for usage.\n")
            return 2
        }
        if parsed.command == "validate" {
            return validate(parsed, io: io)
        }
        guard let knowledge = preloaded ?? loadKnowledge(parsed, io: io) else { return 1 }
        if parsed.flags.contains("--version") {
            io.write("aecheck \(version)\nknowledge \(knowledge.hash)\n")
            return 0
        }
        switch parsed.command {
        case "assess": return AssessCommand.run(parsed, knowledge: knowledge, io: io)
        case "replay": return ReplayCommand.run(parsed, knowledge: knowledge, io: io)
        case "intake": return CheckCommand.run(parsed, knowledge: knowledge, io: io, flow: "intake")
        default: return CheckCommand.run(parsed, knowledge: knowledge, io: io, flow: "check")
        }
    }

    struct UsageError: Error {
        var message: String
    }

    static func parse(_ arguments: [String]) -> Result<Arguments, UsageError> {
        var result = Arguments()
        var sawCommand = false
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument.hasPrefix("-") && argument != "-" {
                var name = argument
                var inlineValue: String?
                if let equals = argument.firstIndex(of: "=") {
                    name = String(argument[..<equals])
                    inlineValue = String(argument[argument.index(after: equals)...])
                }
                guard let takesValue = options[name] else {
                    return .failure(
                        UsageError(message: "unknown option '\(name)'" + suggestion(name, options.keys)))
                }
                if takesValue {
                    if let inlineValue {
                        result.values[name] = inlineValue
                    } else if index < arguments.count {
                        result.values[name] = arguments[index]
                        index += 1
                    } else {
                        return .failure(UsageError(message: "option '\(name)' needs a value"))
                    }
                } else {
                    result.flags.insert(name)
                }
            } else if !sawCommand && result.positional.isEmpty {
                guard commands.contains(argument) else {
                    return .failure(
                        UsageError(message: "unknown command '\(argument)'" + suggestion(argument, commands)))
                }
                result.command = argument
                result.commandNamed = true
                sawCommand = true
            } else {
                result.positional.append(argument)
            }
        }
        return .success(result)
    }

    private static func suggestion(_ name: String, _ candidates: some Sequence<String>) -> String {
        Suggestion.closest(to: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The knowledge named by `--knowledge`, or the embedded one; problems go to stderr.
    static func loadKnowledge(_ arguments: Arguments, io: TerminalIO) -> KnowledgeBase? {
        let result =
            arguments.values["--knowledge"].map { KnowledgeLoader.load(directory: URL(fileURLWithPath: $0)) }
            ?? KnowledgeLoader.loadEmbedded(checkingExamples: false)
        guard let knowledge = result.knowledge else {
            for diagnostic in result.errors.prefix(20) { io.writeError("\(diagnostic)\n") }
            let count = result.errors.count
            let folder = arguments.values["--knowledge"].map { " " + $0.visibleControls } ?? ""
            io.writeError(
                "aecheck: the knowledge has \(count) error\(count == 1 ? "" : "s"); run 'aecheck validate\(folder)'\n")
            return nil
        }
        return knowledge
    }

    static func validate(_ arguments: Arguments, io: TerminalIO) -> Int32 {
        if arguments.positional.count > 1 {
            io.writeError("aecheck: validate takes one folder, not '\(arguments.positional[1].visibleControls)'\n")
            return 2
        }
        let directory = arguments.positional.first ?? arguments.values["--knowledge"]
        let result =
            directory.map { KnowledgeLoader.load(directory: URL(fileURLWithPath: $0)) }
            ?? KnowledgeLoader.loadEmbedded()
        for diagnostic in result.diagnostics {
            let prefix = directory.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "Knowledge/"
            var located = diagnostic
            if !diagnostic.file.hasPrefix("(") && !diagnostic.file.hasPrefix("/") {
                located.file = prefix + diagnostic.file
            }
            io.write("\(located)\n")
        }
        if arguments.flags.contains("--coverage"), let knowledge = result.knowledge {
            io.write(CoverageReport.render(knowledge))
        }
        let errors = result.errors.count
        let warnings = result.warnings.count
        io.write("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n")
        return errors == 0 ? 0 : 1
    }

    static let helpText = """
        aecheck - a symptom checker for people having natalizumab infusions

        USAGE
          aecheck [check] [options]        the patient symptom check (the default)
          aecheck intake [options]         the nurse pre-infusion checklist (proceed or hold)
          aecheck assess [FILE|-] [--json] triage one evidence document (JSON)
          aecheck replay FILE|DIR... [--update]
                                           replay recorded transcripts and compare the
                                           screens (exit 1 on a difference); --update
                                           rewrites the expected screens for review
          aecheck validate [DIR] [--coverage]
                                           check knowledge files (exit 1 on errors)
          aecheck --version                the program version and the knowledge hash
          aecheck --help                   this text

        OPTIONS
          --knowledge DIR   use the knowledge files in DIR instead of the built-in ones
          --now TIME        fix the clock (ISO 8601), for repeatable runs
          --tz ZONE         the time zone for clock times (e.g. Europe/London)
          --mode nurse      clinical wording and question ids (the default for intake)
          --record FILE     keep a session record (JSON, rewritten after every answer)
          --resume FILE     continue the session saved in FILE, and keep recording to it
          --reporter WHO    answer "who is checking" in advance (check): self or carer
          --region CODE     the emergency, urgent and crisis numbers of uk, ie, us, ca, au
                            or eu (or set AECHECK_REGION); without one, no country's number
          --json            machine-readable output (assess)
          --coverage        list each source section with the records citing it (validate)
          --update          rewrite transcripts with this run's screens (replay)

        At any question you can type: help, back, why, summary, restart, quit.
        At the result, type sources for the rules and sources behind it.
        'aecheck COMMAND --help' describes one command.
        In an emergency, do not wait for this tool: call your local emergency number.

        """

    /// Each command's own help (`aecheck COMMAND --help`).
    static let commandHelp: [String: String] = [
        "check": """
        aecheck check - the patient symptom check (the default command)

        USAGE
          aecheck [check] [--region CODE] [--reporter self|carer] [--mode patient|nurse]
                          [--now TIME] [--tz ZONE] [--record FILE | --resume FILE] [--knowledge DIR]

        Asks a few questions, one at a time, then says how soon to get help. Type help,
        back, why, summary, restart or quit at any question; at the result, sources.

        """,
        "intake": """
        aecheck intake - the nurse pre-infusion checklist, ending in PROCEED or HOLD

        USAGE
          aecheck intake [--mode nurse|patient] [--region CODE] [--now TIME] [--tz ZONE]
                         [--record FILE | --resume FILE] [--knowledge DIR]

        """,
        "assess": """
        aecheck assess - triage one evidence document (JSON)

        USAGE
          aecheck assess FILE [--json] [--mode patient|nurse] [--region CODE] [--knowledge DIR]
          aecheck assess - ...         read the document from standard input

        The document's fields are described in the README. Example:
          echo '{"now":"2026-11-21T14:00:00Z","text":"what you feel"}' | aecheck assess -

        """,
        "replay": """
        aecheck replay - replay recorded transcripts and compare the screens

        USAGE
          aecheck replay FILE|DIR... [--update] [--knowledge DIR]

        Exit 1 on a difference; --update rewrites the expected screens for review.

        """,
        "validate": """
        aecheck validate - check knowledge files

        USAGE
          aecheck validate [DIR] [--coverage] [--knowledge DIR]

        Prints each problem as FILE:LINE:COLUMN: error: message [id]; exit 1 on errors.

        """,
    ]
}
