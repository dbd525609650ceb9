import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// A scripted terminal for in-process runs: lines in, everything written collected.
final class LinesIO: TerminalIO {
    private var lines: [String]
    private(set) var output = ""
    private(set) var errors = ""

    init(_ lines: [String]) { self.lines = lines }

    func readLine() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
    func write(_ text: String) { output += text }
    func writeError(_ text: String) { errors += text }
    var colour: Bool { false }
    func flush() {}
}

/// The session record of `--record` and `--resume`: FHIR-shaped, rewritten after every answer,
/// private to its owner, resumable, and refused when damaged or made with other knowledge.
struct SessionRecordTests {
    static let clock = ["--now", "2026-11-21T14:00:00Z", "--tz", "Europe/London"]
    /// A Crohn's patient on infusion 6 with a fever: the checklist holds. With a fever it also asks
    /// the reaction signs since the last infusion (low blood pressure signs would make sepsis).
    static let answers = [
        "none", "crohns", "6", "4 weeks ago", "none", "fever", "no", "none", "no", "no", "45", "none", "none", "none",
        "none", "none", "13 weeks ago", "yes", "2", "0", "5", "negative", "no", "4 weeks ago", "none", "yesterday 9am",
    ]

    static func temporaryPath(_ name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aecheck-record-\(UUID())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    static func run(_ arguments: [String], _ lines: [String]) -> (status: Int32, io: LinesIO) {
        let io = LinesIO(lines)
        let status = CommandLineInterface.run(arguments: arguments, io: io)
        return (status, io)
    }

    static func record(at path: String) throws -> SessionRecord {
        let data = try #require(FileManager.default.contents(atPath: path))
        return try SessionRecord.decode(data).get()
    }

    /// Answers the intake until it ends, using the scripted answers and then whatever is needed.
    static func finishedRecord() throws -> (path: String, record: SessionRecord, output: String) {
        let path = temporaryPath("full.json")
        let (status, io) = run(["intake", "--record", path] + clock, answers + Array(repeating: "none", count: 10))
        #expect(status == 0)
        return (path, try record(at: path), io.output)
    }

    @Test("a completed intake leaves a completed record with every answer and the decision")
    func completed() throws {
        let (path, record, output) = try Self.finishedRecord()
        #expect(record.resourceType == "QuestionnaireResponse")
        #expect(record.questionnaire == "aecheck/intake")
        #expect(record.status == "completed")
        #expect(record.meta.knowledgeHash == InterviewTestSupport.knowledge.hash)
        #expect(record.authored == "2026-11-21T14:00:00Z")
        #expect(record.item.count >= Self.answers.count)
        #expect(record.item.first?.linkId == "emergency-screen")
        #expect(record.outcome?.decision == "hold")
        #expect(record.outcome?.holdReasons?.contains { $0.rule == "fever" } == true)
        #expect(output.contains("Decision: HOLD"))
        #expect(output.contains("Handover (SBAR)"))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
    }

    @Test("'not sure' is recorded as asked-unknown; the question showing at quit as asked-declined")
    func absentReasons() throws {
        let path = Self.temporaryPath("quit.json")
        let (status, _) = Self.run(["intake", "--record", path] + Self.clock, ["none", "ms", "not sure", "quit"])
        #expect(status == 0)
        let record = try Self.record(at: path)
        #expect(record.status == "stopped")
        let unknown = try #require(record.item.first { $0.linkId == "next-infusion-number" })
        #expect(unknown.extension?.first?.valueCode == "asked-unknown")
        let declined = try #require(record.item.last)
        #expect(declined.linkId == "last-infusion")
        #expect(declined.answer == nil)
        #expect(declined.extension?.first?.valueCode == "asked-declined")
        #expect(record.outcome != nil)
    }

    @Test("resuming after any answer reaches the same outcome as the uninterrupted session")
    func resumeMatches() throws {
        let full = try Self.finishedRecord()
        let log = full.record.log
        let lines = log.map(\.answer).map(Self.typed)
        for cut in [1, 4, log.count / 2, log.count - 1] {
            let path = Self.temporaryPath("cut.json")
            _ = Self.run(["intake", "--record", path] + Self.clock, Array(lines.prefix(cut)))
            #expect(try Self.record(at: path).log.count == cut)
            let rest = Array(lines.dropFirst(cut))
            let (status, io) = Self.run(["intake", "--resume", path] + Self.clock, rest)
            #expect(status == 0, "\(io.errors)")
            #expect(io.output.hasPrefix("Resuming the saved session (\(cut) answers)."))
            let resumed = try Self.record(at: path)
            #expect(resumed.status == "completed", "cut \(cut)")
            #expect(resumed.outcome == full.record.outcome, "cut \(cut)")
            #expect(resumed.log == full.record.log, "cut \(cut)")
        }
    }

    @Test("a check that went through words it could not place (closest signs, body area, list) resumes")
    func resumeAfterWordsNotPlaced() throws {
        let path = Self.temporaryPath("words.json")
        let clock = ["--now", "2026-11-21T14:00:00Z", "--tz", "UTC"]
        let typed = ["none", "2 weeks ago", "my knees feel funny", "yes", "none", "not sure"]
        _ = Self.run(["check", "--record", path, "--reporter", "self"] + clock, typed)
        let saved = try Self.record(at: path)
        #expect(saved.log.contains { $0.key.hasSuffix("/closest") })
        #expect(saved.log.contains { $0.key.hasSuffix("/area") })
        let (status, io) = Self.run(["check", "--resume", path] + clock, [])
        #expect(status == 0, "\(io.errors)")
        #expect(io.output.hasPrefix("Resuming the saved session"))
        #expect(io.output.contains("Triage: SOON"), "\(io.output.suffix(800))")
    }

    /// A logged answer typed back: time answers in the log are ISO ranges, typed as their start.
    static func typed(_ answer: String) -> String {
        answer.contains("..") ? String(answer.prefix { $0 != "." }) : answer
    }

    @Test("a damaged record, or one from other knowledge or another flow, is refused and left untouched")
    func refusals() throws {
        let full = try Self.finishedRecord()
        var foreign = full.record
        foreign.meta.knowledgeHash = String(repeating: "0", count: 64)
        let cases: [(String, Data, String, String)] = [
            ("damaged.json", Data("{\"resourceType\": \"Questionnaire".utf8), "intake", "damaged or not JSON"),
            ("empty.json", Data(), "intake", "damaged or not JSON"),
            ("foreign.json", foreign.encoded(), "intake", "made with other knowledge"),
            ("flow.json", full.record.encoded(), "check", "it was saved by 'aecheck intake'"),
        ]
        for (name, data, command, message) in cases {
            let path = Self.temporaryPath(name)
            try data.write(to: URL(fileURLWithPath: path))
            let (status, io) = Self.run([command, "--resume", path] + Self.clock, ["none"])
            #expect(status == 1, "\(name)")
            #expect(io.errors.contains(message), "\(name): \(io.errors)")
            #expect(io.errors.contains("left as it is"), "\(name)")
            #expect(FileManager.default.contents(atPath: path) == data, "\(name) was changed")
        }
        let (status, io) = Self.run(["intake", "--resume", Self.temporaryPath("missing.json")] + Self.clock, [])
        #expect(status == 1)
        #expect(io.errors.contains("cannot read"))
    }

    @Test("killing the process at random moments leaves a valid record that resumes to the same result")
    func sigkill() throws {
        let binary = try #require(CheckPipeTests.binary, "the aecheck binary was not found; run swift build")
        let full = try Self.finishedRecord()
        let lines = full.record.log.map(\.answer).map(Self.typed)
        var generator = SeededGenerator(seed: 20_261_122)
        for round in 0..<8 {
            let path = Self.temporaryPath("killed-\(round).json")
            let killAfter = Int.random(in: 0...(lines.count - 1), using: &generator)
            let process = Process()
            process.executableURL = binary
            process.arguments = ["intake", "--record", path] + Self.clock
            let stdin = Pipe()
            let stdout = Pipe()
            process.standardInput = stdin
            process.standardOutput = stdout
            process.standardError = FileHandle.nullDevice
            try process.run()
            let reader = PromptCounter(stdout.fileHandleForReading)
            // Wait for the first prompt, then answer one line at a time, each after its prompt.
            reader.waitFor(prompts: 1)
            var acknowledged = 0
            for (index, line) in lines.enumerated() {
                stdin.fileHandleForWriting.write(Data((line + "\n").utf8))
                if index == killAfter {
                    // Sometimes kill at once, sometimes after a short random pause.
                    if Bool.random(using: &generator) {
                        Thread.sleep(forTimeInterval: Double.random(in: 0...0.003, using: &generator))
                    }
                    break
                }
                reader.waitFor(prompts: index + 2)
                acknowledged = index + 1
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            let record = try Self.record(at: path)
            #expect(record.log.count >= acknowledged, "round \(round): \(record.log.count) < \(acknowledged)")
            #expect(record.log.count <= killAfter + 1)
            #expect(Array(full.record.log.prefix(record.log.count)) == record.log, "round \(round)")
            let rest = Array(lines.dropFirst(record.log.count))
            let (status, io) = Self.run(["intake", "--resume", path] + Self.clock, rest)
            #expect(status == 0, "\(io.errors)")
            let resumed = try Self.record(at: path)
            #expect(resumed.status == "completed")
            #expect(resumed.outcome == full.record.outcome, "round \(round)")
        }
    }
}

/// Counts prompts (`> ` at the end of a write) on a pipe, so a test can answer in step.
final class PromptCounter: @unchecked Sendable {
    private let lock = NSCondition()
    private var collected = ""
    private var closed = false

    init(_ handle: FileHandle) {
        handle.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            self.lock.lock()
            if data.isEmpty { self.closed = true } else { self.collected += String(decoding: data, as: UTF8.self) }
            self.lock.broadcast()
            self.lock.unlock()
            if data.isEmpty { handle.readabilityHandler = nil }
        }
    }

    private var prompts: Int { collected.components(separatedBy: "\n> ").count - 1 }

    /// Everything read so far.
    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }

    /// Waits until `count` prompts have been shown (or the pipe closed, or 20 seconds passed).
    func waitFor(prompts count: Int) {
        let deadline = Date().addingTimeInterval(20)
        lock.lock()
        while prompts < count && !closed && Date() < deadline { _ = lock.wait(until: deadline) }
        lock.unlock()
    }
}
