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
        "--reporter": true,
    ]

    /// Parsed arguments.
    struct Arguments {
        var command = "check"
        var positional: [String] = []
        var values: [String: String] = [:]
        var flags: Set<String> = []
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
            io.write(helpText)
            return 0
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
            io.writeError(
                "aecheck: the knowledge has \(result.errors.count) errors; run 'aecheck validate'\n")
            return nil
        }
        return knowledge
    }

    static func validate(_ arguments: Arguments, io: TerminalIO) -> Int32 {
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
          --json            machine-readable output (assess)
          --coverage        list each source section with the records citing it (validate)
          --update          rewrite transcripts with this run's screens (replay)

        At any question you can type: help, back, why, summary, restart, quit.
        In an emergency, do not wait for this tool: call your local emergency number.

        """
}
