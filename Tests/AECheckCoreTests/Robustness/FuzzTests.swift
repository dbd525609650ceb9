import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// A deterministic, seeded fuzz run over every hostile input the program reads: typed
/// answers, `assess` documents, session records, knowledge files and transcripts.
///
/// Every case must end with a result or a clean refusal (no crash, no hang), echo no raw
/// control or direction character, and, for a mutation that does not change what was meant
/// (a byte order mark, a line-end form, invisible marks, spaces, case), give a result at
/// least as urgent as the same input without it. `AECHECK_FUZZ_SEED` and `AECHECK_FUZZ_SCALE`
/// (a multiplier of the case counts) make a longer run: see `Scripts/fuzz`.
struct FuzzTests {
    typealias S = InterviewTestSupport

    static let environment = ProcessInfo.processInfo.environment
    static let seed = environment["AECHECK_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_129
    static let scale = environment["AECHECK_FUZZ_SCALE"].flatMap(Int.init) ?? 1

    /// The interactive transcripts of the suite: arguments, typed lines, and the level of
    /// their result (from the screen the transcript holds, which the suite checks).
    static let scripts: [(file: String, arguments: [String], lines: [[UInt8]], level: Int)] =
        TranscriptSuiteTests.files.compactMap { name in
            let path = TranscriptSuiteTests.folder.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path),
                case .success(let transcript) = Transcript.parse(data, file: name),
                let command = transcript.arguments.first, ["check", "intake"].contains(command),
                !transcript.inputs.isEmpty, let level = level(in: transcript.body)
            else { return nil }
            return (name, transcript.arguments, transcript.inputs.map(\.bytes), level)
        }

    /// The rank of the last `Triage:` line of a screen (the result), or nil.
    static func level(in screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").last(where: { $0.hasPrefix("Triage: ") }) else { return nil }
        let label = line.dropFirst("Triage: ".count)
        return S.knowledge.levelsByRank.first { $0.label == label || $0.id.uppercased() == label }?.rank
    }

    /// Runs a session in-process on typed lines, read as standard input reads them.
    static func run(_ arguments: [String], lines: [[UInt8]]) -> (status: Int32, screen: String) {
        let io = LinesIO(lines.map(LineReader.decode))
        let status = CommandLineInterface.run(arguments: arguments, io: io, knowledge: S.knowledge)
        return (status, io.output + io.errors)
    }

    /// True when the text holds a control or direction character other than the newline.
    static func hasHiddenControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && $0.isHiddenControl }
    }

    // MARK: - Answers

    /// Changes that keep what a line means.
    static let preserving: [(name: String, apply: @Sendable ([UInt8], inout SeededGenerator) -> [UInt8])] = [
        ("BOM", { line, _ in [0xEF, 0xBB, 0xBF] + line }),
        ("CR", { line, _ in line + [0x0D] }),
        ("CR CR", { line, _ in line + [0x0D, 0x0D] }),
        ("NEL", { line, _ in line + [0xC2, 0x85] }),
        ("LS", { line, _ in line + [0xE2, 0x80, 0xA8] }),
        ("spaces", { line, _ in Array("  \t".utf8) + line + Array(" \t ".utf8) }),
        ("bidi mark inside", { line, generator in insert([0xE2, 0x80, 0x8F], into: line, using: &generator) }),
        ("RLO inside", { line, generator in insert([0xE2, 0x80, 0xAE], into: line, using: &generator) }),
        ("zero-width space inside", { line, generator in insert([0xE2, 0x80, 0x8B], into: line, using: &generator) }),
        ("C1 inside", { line, generator in insert([0xC2, 0x9B], into: line, using: &generator) }),
        ("NUL inside", { line, generator in insert([0x00], into: line, using: &generator) }),
        ("BEL inside", { line, generator in insert([0x07], into: line, using: &generator) }),
    ]

    /// Changes that may change what a line means.
    static let destructive: [(name: String, apply: @Sendable ([UInt8], inout SeededGenerator) -> [UInt8])] = [
        (
            "random bytes",
            { _, generator in
                (0..<Int.random(in: 1...40, using: &generator)).map { _ in .random(in: 0...255, using: &generator) }
            }
        ),
        (
            "truncated",
            { line, generator in Array(line.prefix(Int.random(in: 0...max(0, line.count), using: &generator))) }
        ),
        ("invalid UTF-8", { line, generator in insert([0xFF, 0xC3, 0x28], into: line, using: &generator) }),
        (
            "ANSI and OSC",
            { line, generator in insert(Array("\u{1B}[2J\u{1B}]0;x\u{7}".utf8), into: line, using: &generator) }
        ),
        (
            "emoji and combining marks",
            { line, generator in insert(Array("\u{1F600}e\u{301}\u{200D}".utf8), into: line, using: &generator) }
        ),
        ("long", { line, _ in line + Array(repeating: UInt8(ascii: "a"), count: 70_000) }),
        (
            "command word",
            { _, generator in
                Array(["back", "restart", "why", "summary", "help", "quit"].randomElement(using: &generator)!.utf8)
            }
        ),
        ("number", { _, generator in Array(String(Int.random(in: -5...30, using: &generator)).utf8) }),
    ]

    static func insert(_ bytes: [UInt8], into line: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        // At a character boundary, so the line's own characters stay whole.
        let boundaries = [0] + line.indices.filter { $0 > 0 && line[$0] & 0xC0 != 0x80 } + [line.count]
        let at = boundaries.randomElement(using: &generator)!
        return Array(line[..<at]) + bytes + Array(line[at...])
    }

    @Test("mutated answers: a result every time, nothing raw echoed, never less urgent when the meaning is kept")
    func answers() throws {
        let scripts = Self.scripts
        try #require(scripts.count >= 50, "the transcripts were not found")
        var generator = SeededGenerator(seed: Self.seed)
        var failures: [String] = []
        var typed = 0
        var longest = 0.0
        for index in 0..<(250 * Self.scale) {
            let script = scripts.randomElement(using: &generator)!
            let keeps = Bool.random(using: &generator)
            let mutation = (keeps ? Self.preserving : Self.destructive).randomElement(using: &generator)!
            var lines = script.lines
            let all = keeps && Int.random(in: 0..<4, using: &generator) == 0
            let target = Int.random(in: 0..<lines.count, using: &generator)
            for line in lines.indices where all || line == target {
                lines[line] = mutation.apply(lines[line], &generator)
            }
            let started = Date()
            let (_, screen) = Self.run(script.arguments, lines: lines)
            longest = max(longest, Date().timeIntervalSince(started))
            typed += lines.count
            let place = "case \(index) \(script.file) \(mutation.name) line \(all ? "all" : String(target + 1))"
            guard let level = Self.level(in: screen) else {
                failures.append("\(place): no result")
                continue
            }
            if Self.hasHiddenControl(screen) { failures.append("\(place): a raw control character on the screen") }
            if keeps && level < script.level {
                failures.append("\(place): less urgent (\(level) < \(script.level))")
            }
        }
        if Self.scale > 1 {
            print(
                "fuzz answers: \(250 * Self.scale) sessions, \(typed) typed lines, longest \(longest) s, seed \(Self.seed)"
            )
        }
        #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(20).joined(separator: "\n"))")
    }

    // MARK: - Documents

    static let documents = [
        #"{"now":"2026-11-21T14:00:00Z","timeZone":"Europe/London","context":{"infusionStart":"2026-11-21T13:00:00Z","infusionNumber":1,"pregnant":false,"indication":"ms"},"text":"hives and itchy skin since 20 minutes after the drip started","findings":[{"id":"headache","status":"present","onset":"1 day ago","trend":"worse"}]}"#,
        #"{"now":"2026-11-21T14:00:00Z","text":"I cannot breathe and my lips are swollen"}"#,
        #"{"now":"2026-11-21T14:00:00Z","findings":[{"id":"breathing-trouble"},{"id":"fever","status":"unknown"}]}"#,
    ]

    @Test("mutated documents: parsed or refused with a position, never a silent repeated key")
    func documents() {
        var generator = SeededGenerator(seed: Self.seed &+ 1)
        var failures: [String] = []
        let tokens = [
            ",", "}", "]", "{", "[", "\"", ":", "null", "true", "1", "0", "-", "\\u001b", "\\ud800", " ", "\u{202E}",
        ]
        for index in 0..<(1_500 * Self.scale) {
            var bytes = Array(Self.documents.randomElement(using: &generator)!.utf8)
            var duplicated = false
            switch Int.random(in: 0..<5, using: &generator) {
            case 0:
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = .random(in: 0...255, using: &generator)
            case 1:
                bytes = Self.insert(
                    Array(tokens.randomElement(using: &generator)!.utf8), into: bytes, using: &generator)
            case 2:
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator)))
            case 3:
                // A key repeated in the top-level object: always refused.
                bytes.removeLast()
                bytes += Array(#","text":"fine"}"#.utf8)
                duplicated = String(decoding: bytes, as: UTF8.self).components(separatedBy: #""text""#).count > 2
            default:
                bytes.remove(at: Int.random(in: 0..<bytes.count, using: &generator))
            }
            switch EvidenceDocument.parse(Data(bytes), interview: S.interview) {
            case .success(let evidence):
                if duplicated { failures.append("case \(index): a repeated key was accepted") }
                _ = S.triage.assess(evidence)
            case .failure(let failure):
                let message = failure.located(in: "<stdin>")
                if Self.hasHiddenControl(message) { failures.append("case \(index): raw control in \(message)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "\n"))")
    }

    // MARK: - Records

    @Test("mutated records: resumed or refused, never crashed, and a refused record is left byte-identical")
    func records() throws {
        let (_, record, _) = try SessionRecordTests.finishedRecord()
        let original = record.encoded()
        var generator = SeededGenerator(seed: Self.seed &+ 2)
        var failures: [String] = []
        let values = ["Breathing-trouble", "banana", "1", "", "999", "-5", "zz", "\u{1B}[31m", "yes", "unsure"]
        for index in 0..<(300 * Self.scale) {
            var data = original
            if Bool.random(using: &generator) {
                var forged = record
                let item = Int.random(in: 0..<forged.item.count, using: &generator)
                forged.item[item].answer = [SessionRecord.Answer(valueString: values.randomElement(using: &generator)!)]
                data = forged.encoded()
            } else {
                var bytes = [UInt8](data)
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = .random(in: 0...255, using: &generator)
                data = Data(bytes)
            }
            // Every tenth case through the command line and a file; the rest in memory.
            if index % 10 == 0 {
                let path = SessionRecordTests.temporaryPath("fuzz.json")
                try data.write(to: URL(fileURLWithPath: path))
                let (status, io) = SessionRecordTests.run(["intake", "--resume", path] + SessionRecordTests.clock, [])
                if status != 0 && FileManager.default.contents(atPath: path) != data {
                    failures.append("case \(index): a refused record was changed")
                }
                if Self.hasHiddenControl(io.output + io.errors) { failures.append("case \(index): raw control") }
            } else if case .success(let decoded) = SessionRecord.decode(data),
                decoded.answerProblem(knowledge: S.knowledge, now: S.now) == nil
            {
                _ = S.interview.next(log: decoded.log, now: S.now, timeZone: S.timeZone)
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "\n"))")
    }

    // MARK: - Transcripts and knowledge files

    @Test("mutated transcripts and knowledge files: parsed or refused, never crashed")
    func transcriptsAndKnowledge() throws {
        var generator = SeededGenerator(seed: Self.seed &+ 3)
        let transcript = try #require(
            FileManager.default.contents(
                atPath: TranscriptSuiteTests.folder.appendingPathComponent("commands/back.txt").path))
        let pieces = [
            "\\{9999999:xyz}", "\\{", "\\x", "\\", "# command: check --record x", "\n", "# exit: 999", ">\\ ",
        ]
        for _ in 0..<(1_000 * Self.scale) {
            let bytes = Self.insert(
                Array(pieces.randomElement(using: &generator)!.utf8), into: [UInt8](transcript), using: &generator)
            if case .failure(let problem) = Transcript.parse(Data(bytes), file: "t.txt") {
                #expect(!problem.message.isEmpty)
            }
        }
        let knowledgeFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Knowledge")
        let files = KnowledgeLoader.embeddedFiles
        let deep = "when: " + String(repeating: "not (", count: 500) + "fever" + String(repeating: ")", count: 500)
        for _ in 0..<(3 * Self.scale) {
            var mutated = files
            let index = Int.random(in: 0..<mutated.count, using: &generator)
            var bytes = [UInt8](mutated[index].data)
            let piece = Bool.random(using: &generator) ? Array(deep.utf8) : [.random(in: 0...255, using: &generator)]
            bytes = Self.insert(piece + [0x0A], into: bytes, using: &generator)
            mutated[index] = KnowledgeFile(name: mutated[index].name, data: Data(bytes))
            let result = KnowledgeLoader.load(files: mutated, checkingExamples: false)
            #expect(result.knowledge != nil || !result.errors.isEmpty)
        }
        #expect(FileManager.default.fileExists(atPath: knowledgeFolder.path))
    }
}
