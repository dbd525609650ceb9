import Foundation

/// Replays transcripts in-process through `CommandLineInterface.run`, the same code path as
/// the interactive front end, and compares the screens.
///
/// The knowledge is loaded once for a whole suite. The knowledge hash on the screen is
/// replaced by `<knowledge-hash>` (and its short form by `<knowledge-hash-short>`), so a
/// knowledge edit does not change every transcript.
struct TranscriptRunner {
    /// The placeholder for the full knowledge hash.
    static let hashPlaceholder = "<knowledge-hash>"
    /// The placeholder for the short knowledge hash (nurse results).
    static let shortHashPlaceholder = "<knowledge-hash-short>"

    /// The knowledge for transcripts that do not name one with `--knowledge`.
    let knowledge: KnowledgeBase

    init(knowledge: KnowledgeBase) {
        self.knowledge = knowledge
    }

    /// What one replay found.
    struct Verdict: Sendable {
        /// The transcript's file name, as given.
        var file: String
        /// The parsed transcript (nil when it is malformed).
        var transcript: Transcript?
        /// The screen of this run, normalised (nil when the transcript is malformed).
        var screen: String?
        /// Problems other than a screen difference: malformed, exit status, coverage tags.
        var problems: [String] = []
        /// The line diff when the screen differs from the body.
        var diff: String?

        /// True when the screen matched and nothing else was wrong.
        var passed: Bool { problems.isEmpty && diff == nil }
        /// True when the file could be rewritten by `--update` (it parsed and was run).
        var canUpdate: Bool { screen != nil }
    }

    /// Parses and replays one file.
    func replay(data: Data, file: String) -> Verdict {
        switch Transcript.parse(data, file: file) {
        case .failure(let problem):
            return Verdict(file: file, problems: [problem.description])
        case .success(let transcript):
            return replay(transcript)
        }
    }

    /// Replays one parsed transcript.
    func replay(_ transcript: Transcript) -> Verdict {
        let file = transcript.file
        var knowledge = self.knowledge
        if let folder = (try? CommandLineInterface.parse(transcript.arguments).get())?.values["--knowledge"],
            let named = KnowledgeLoader.load(directory: URL(fileURLWithPath: folder)).knowledge
        {
            knowledge = named
        }
        let io = ScriptedIO(inputs: transcript.inputs)
        let status = CommandLineInterface.run(arguments: transcript.arguments, io: io, knowledge: knowledge)
        let screen = Self.normalise(io.screen, hash: knowledge.hash, shortHash: knowledge.shortHash)
        var verdict = Verdict(file: file, transcript: transcript, screen: screen)
        if let leftover = io.leftover {
            let problem = TranscriptProblem(
                file: file, line: leftover.line, message: "typed line left over: the session ended before reading it")
            verdict.problems.append(problem.description)
        }
        if status != transcript.expectedExit {
            verdict.problems.append("\(file): exit status \(status), expected \(transcript.expectedExit)")
        }
        let fired = Self.firedRules(in: screen)
        let known = Set(knowledge.rules.map(\.id))
        for tag in transcript.covers + transcript.nearMisses where !known.contains(tag.id) {
            let suggestion = Suggestion.closest(to: tag.id, in: known).map { "; did you mean '\($0)'?" } ?? ""
            verdict.problems.append(
                TranscriptProblem(file: file, line: tag.line, message: "unknown rule '\(tag.id)'" + suggestion)
                    .description)
        }
        for tag in transcript.covers where known.contains(tag.id) && !fired.contains(tag.id) {
            verdict.problems.append(
                TranscriptProblem(file: file, line: tag.line, message: "rule '\(tag.id)' is covered but did not fire")
                    .description)
        }
        for tag in transcript.nearMisses where fired.contains(tag.id) {
            verdict.problems.append(
                TranscriptProblem(file: file, line: tag.line, message: "rule '\(tag.id)' is a near miss but fired")
                    .description)
        }
        if screen != transcript.body {
            verdict.diff = LineDiff.render(
                expected: transcript.body, actual: screen, file: file, firstLine: transcript.bodyLine)
        }
        return verdict
    }

    /// The ids of the rules a result says fired: a text result's Why lines read
    /// `(rule ID; ...)`, a JSON result's reasons hold `"rule":"ID"`. (`why` at a question
    /// prints `(rule ID)`, a rule that may fire, which does not count.)
    static func firedRules(in screen: String) -> Set<String> {
        var fired: Set<String> = []
        for (marker, end) in [("(rule ", ";"), ("\"rule\":\"", "\"")] {
            var rest = screen[...]
            while let found = rest.range(of: marker) {
                rest = rest[found.upperBound...]
                let id = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
                if rest.dropFirst(id.count).first == end.first { fired.insert(String(id)) }
            }
        }
        return fired
    }

    /// The screen with the knowledge hash replaced by placeholders.
    static func normalise(_ screen: String, hash: String, shortHash: String) -> String {
        guard !hash.isEmpty else { return screen }
        var text = screen.replacingOccurrences(of: hash, with: hashPlaceholder)
        if !shortHash.isEmpty { text = text.replacingOccurrences(of: shortHash, with: shortHashPlaceholder) }
        return text
    }
}
