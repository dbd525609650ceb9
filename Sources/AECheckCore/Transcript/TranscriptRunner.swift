import AECheckLanguage
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
        // The outcome shown says which rules fired; a screen's `(rule ID;` lines (nurse wording,
        // `sources`) and JSON reasons say the same and count too.
        let fired = io.firedRules.union(Self.firedRules(in: screen))
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
        let markers = [("(rule ", ";"), ("\"rule\":\"", "\"")]
        guard isASCII(screen) else { return firedRules(in: screen, markers: markers) }
        // An ASCII screen is searched byte by byte: the same matches, without Foundation.
        let bytes = Array(screen.utf8)
        var fired: Set<String> = []
        for (marker, end) in markers {
            let target = Array(marker.utf8)
            var start = 0
            while let found = firstIndex(of: target, in: bytes, from: start) {
                start = found + target.count
                var stop = start
                while stop < bytes.count, isIDByte(bytes[stop]) { stop += 1 }
                if stop < bytes.count, bytes[stop] == end.utf8.first {
                    fired.insert(String(decoding: bytes[start..<stop], as: UTF8.self))
                }
            }
        }
        return fired
    }

    /// `firedRules` on any text, with Foundation's search.
    private static func firedRules(in screen: String, markers: [(String, String)]) -> Set<String> {
        var fired: Set<String> = []
        for (marker, end) in markers {
            var rest = screen[...]
            while let found = rest.range(of: marker) {
                rest = rest[found.upperBound...]
                let id = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
                if rest.dropFirst(id.count).first == end.first { fired.insert(String(id)) }
            }
        }
        return fired
    }

    /// An ASCII letter, digit or hyphen: what a rule id is made of, as `firedRules` reads it.
    private static func isIDByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x2D
    }

    /// The screen with the knowledge hash replaced by placeholders.
    static func normalise(_ screen: String, hash: String, shortHash: String) -> String {
        guard !hash.isEmpty else { return screen }
        var text = replacing(hash, with: hashPlaceholder, in: screen)
        if !shortHash.isEmpty { text = replacing(shortHash, with: shortHashPlaceholder, in: text) }
        return text
    }

    /// `text.replacingOccurrences(of: target, with: replacement)`. When both are ASCII (as
    /// screens and hashes are), that is a plain byte search, done here without Foundation.
    private static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        guard !target.isEmpty, isASCII(text), isASCII(target) else {
            return text.replacingOccurrences(of: target, with: replacement)
        }
        let bytes = Array(text.utf8)
        let needle = Array(target.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var start = 0
        while let found = firstIndex(of: needle, in: bytes, from: start) {
            result += bytes[start..<found]
            result += replacement.utf8
            start = found + needle.count
        }
        result += bytes[start...]
        return String(decoding: result, as: UTF8.self)
    }

    private static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    /// Where `needle` (not empty) first occurs in `bytes` at or after `start`.
    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == first && bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
