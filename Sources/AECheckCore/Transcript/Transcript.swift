import AECheckLanguage
import Foundation

/// A recorded conversation: a header that says how to run `aecheck`, and the screen a person saw.
///
/// The file format is described in `Tests/Transcripts/README.md`. In short:
///
///     # command: check --now 2026-11-21T14:00:00Z --tz Europe/London
///     # Sparkles an hour after the start.
///     # covers: reaction-within-2h
///
///     Hello. ...
///     > none
///     ...
///
/// The header is the run of `#` lines at the top, followed by one blank line. The body is
/// the screen: the program's output, with each typed line shown after its `> ` prompt.
struct Transcript: Sendable {
    /// The name used in messages (the path as given).
    var file: String
    /// The header lines as written, without their newlines; kept by `--update`.
    var headerLines: [String]
    /// The `aecheck` arguments from `# command:`.
    var arguments: [String]
    /// The expected exit status from `# exit:` (0 when absent).
    var expectedExit: Int32
    /// Rule ids from `# covers:` lines: each must fire in the output.
    var covers: [TranscriptTag]
    /// Rule ids from `# near-miss:` lines: none may fire in the output.
    var nearMisses: [TranscriptTag]
    /// Names from `# boundary:` lines (timing boundaries the transcript sits beside).
    var boundaries: [String]
    /// The expected screen, exactly as it follows the header's blank line.
    var body: String
    /// The 1-based file line of the body's first line.
    var bodyLine: Int
    /// The typed lines, in order.
    var inputs: [TranscriptInput]
}

/// A rule id named in the header, with the line that names it.
struct TranscriptTag: Sendable, Equatable {
    var id: String
    var line: Int
}

/// One typed line of a transcript body.
struct TranscriptInput: Sendable {
    /// The 1-based file line.
    var line: Int
    /// The line as it stands in the file (`> yes`, `>`, or an escaped `>\ ...` line).
    var screenLine: String
    /// The bytes the person typed, without the newline.
    var bytes: [UInt8]
}

/// A transcript that cannot be replayed, located like a compiler diagnostic.
struct TranscriptProblem: Error, Sendable, Equatable, CustomStringConvertible {
    var file: String
    var line: Int
    var message: String

    var description: String { "\(file):\(line): \(message)" }
}

extension Transcript {
    /// The header fields the format knows; other `# word:` lines are free comments unless
    /// they look like a misspelt field.
    static let fields = ["command", "exit", "covers", "near-miss", "boundary"]

    /// Commands that read answers and so need a fixed clock and time zone in the header.
    static func isInteractive(_ arguments: CommandLineInterface.Arguments) -> Bool {
        let oneShot: Set<String> = ["assess", "validate", "help"]
        let informational = ["--help", "-h", "--version"].contains { arguments.flags.contains($0) }
        return !oneShot.contains(arguments.command) && !informational
    }

    /// Parses a transcript file, or says the first thing that is wrong with it.
    static func parse(_ data: Data, file: String) -> Result<Transcript, TranscriptProblem> {
        // Read as an array of bytes: walking `Data` byte by byte is slow.
        let bytes = [UInt8](data)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            let line = Self.lineOfFirstInvalidByte(data)
            return .failure(.init(file: file, line: line, message: "the file is not valid UTF-8"))
        }
        // Checked on bytes: a Swift string holds "\r\n" as one character.
        if let carriageReturn = bytes.firstIndex(of: 0x0D) {
            let line = bytes[..<carriageReturn].filter { $0 == 0x0A }.count + 1
            return .failure(
                .init(file: file, line: line, message: "carriage return in the file; save with LF line ends"))
        }
        // Split on the newline byte: without carriage returns, each newline is a character of
        // its own, so these are the lines a split on characters gives.
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        var header = HeaderReader(file: file)
        var index = 0
        while index < lines.count, lines[index].hasPrefix("#") {
            if let problem = header.read(lines[index], line: index + 1) { return .failure(problem) }
            index += 1
        }
        if index == 0 {
            return .failure(
                .init(file: file, line: 1, message: "missing header; a transcript starts with '# command: ...'"))
        }
        guard let arguments = header.arguments else {
            return .failure(.init(file: file, line: 1, message: "missing '# command:' line in the header"))
        }
        let headerLines = Array(lines[..<index])
        var bodyLines: ArraySlice<String> = []
        if index < lines.count {
            guard lines[index].isEmpty else {
                return .failure(.init(file: file, line: index + 1, message: "expected a blank line after the header"))
            }
            bodyLines = lines[(index + 1)...]
        }
        var inputs: [TranscriptInput] = []
        for (offset, line) in bodyLines.enumerated() where line.hasPrefix(">") {
            let number = index + 2 + offset
            switch InputLine.decode(line) {
            case .success(let bytes): inputs.append(TranscriptInput(line: number, screenLine: line, bytes: bytes))
            case .failure(let problem): return .failure(.init(file: file, line: number, message: problem.message))
            }
        }
        return .success(
            Transcript(
                file: file, headerLines: headerLines, arguments: arguments.words, expectedExit: header.exit,
                covers: header.covers, nearMisses: header.nearMisses, boundaries: header.boundaries,
                body: bodyLines.joined(separator: "\n"), bodyLine: index + 2, inputs: inputs))
    }

    /// The file with a new body and the header as it was.
    static func rewrite(headerLines: [String], body: String) -> String {
        headerLines.joined(separator: "\n") + "\n\n" + body
    }

    private static func lineOfFirstInvalidByte(_ data: Data) -> Int {
        let bytes = [UInt8](data)
        var line = 1
        var start = 0
        for (position, byte) in bytes.enumerated() where byte == 0x0A {
            if String(validating: bytes[start..<position], as: UTF8.self) == nil { return line }
            line += 1
            start = position + 1
        }
        return line
    }
}

/// Reads the `#` lines at the top of a transcript, one at a time.
private struct HeaderReader {
    let file: String
    var arguments: (words: [String], parsed: CommandLineInterface.Arguments)?
    var exit: Int32 = 0
    var sawExit = false
    var covers: [TranscriptTag] = []
    var nearMisses: [TranscriptTag] = []
    var boundaries: [String] = []

    init(file: String) { self.file = file }

    /// Reads one header line; returns a problem when the line is a field that does not parse.
    mutating func read(_ line: String, line number: Int) -> TranscriptProblem? {
        let file = self.file
        func problem(_ message: String) -> TranscriptProblem { .init(file: file, line: number, message: message) }
        var text = Substring(line.dropFirst())
        if text.hasPrefix(" ") { text = text.dropFirst() }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let key = String(text[..<colon])
        let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, key.allSatisfy({ $0.isLowercase || $0 == "-" }) else { return nil }
        let ids = value.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        switch key {
        case "command":
            guard arguments == nil else { return problem("a second '# command:' line") }
            return readCommand(value, problem: problem)
        case "exit":
            guard !sawExit else { return problem("a second '# exit:' line") }
            guard let status = Int32(value), (0...255).contains(status) else {
                return problem("'# exit:' needs a number from 0 to 255, not '\(value)'")
            }
            exit = status
            sawExit = true
        case "covers": covers += ids.map { TranscriptTag(id: $0, line: number) }
        case "near-miss": nearMisses += ids.map { TranscriptTag(id: $0, line: number) }
        case "boundary": boundaries += ids
        default:
            if let field = Suggestion.closest(to: key, in: Transcript.fields) {
                return problem("unknown header field '\(key)'; did you mean '\(field)'?")
            }
        }
        return nil
    }

    private mutating func readCommand(_ value: String, problem: (String) -> TranscriptProblem) -> TranscriptProblem? {
        let words = value.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return problem("'# command:' is empty; write the aecheck arguments, e.g. 'check'") }
        if words.first == "aecheck" { return problem("write the arguments without the program name 'aecheck'") }
        let parsed: CommandLineInterface.Arguments
        switch CommandLineInterface.parse(words) {
        case .failure(let usage): return problem(usage.message)
        case .success(let result): parsed = result
        }
        if parsed.command == "replay" { return problem("a transcript cannot run 'replay'") }
        // Replay reads and compares; it never writes a file a transcript names.
        for option in ["--record", "--resume"] where parsed.values[option] != nil {
            return problem("a transcript cannot use '\(option)': replay never writes files")
        }
        if Transcript.isInteractive(parsed) {
            guard let now = parsed.values["--now"] else {
                return problem("an interactive command needs a fixed clock; add --now, e.g. --now 2026-11-21T14:00:00Z")
            }
            guard let zoneName = parsed.values["--tz"] else {
                return problem("an interactive command needs a time zone; add --tz, e.g. --tz Europe/London")
            }
            guard let zone = TimeZone(identifier: zoneName) else { return problem("unknown time zone '\(zoneName)'") }
            if ISODate.parse(now, timeZone: zone) == nil {
                return problem("--now '\(now)' is not an ISO 8601 time such as 2026-11-21T14:00:00Z")
            }
        }
        arguments = (words, parsed)
        return nil
    }
}
