import Foundation
import Testing

/// Runs the built `aecheck` binary through a pipe, with a fixed clock, as a person or a script would.
struct CheckPipeTests {
    static let clock = ["--now", "2026-11-21T14:00:00Z", "--tz", "Europe/London", "--reporter", "self"]

    /// The built binary: beside the test bundle, or in the package's `.build/debug`.
    static let binary: URL? = {
        let manager = FileManager.default
        var candidates: [URL] = []
        let argv0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        candidates.append(argv0.deletingLastPathComponent().appendingPathComponent("aecheck"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("aecheck"))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("aecheck"))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/aecheck"))
        return candidates.first { manager.isExecutableFile(atPath: $0.path) }
    }()

    struct Run {
        var output: String
        var error: String
        var status: Int32
    }

    static func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:]) throws -> Run {
        let binary = try #require(Self.binary, "the aecheck binary was not found; run swift build")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        final class Box: @unchecked Sendable { var data = Data() }
        let errorBox = Box()
        let reader = Thread { errorBox.data = stderr.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while reader.isExecuting || !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        return Run(
            output: String(decoding: out, as: UTF8.self), error: String(decoding: errorBox.data, as: UTF8.self),
            status: process.terminationStatus)
    }

    static func check(_ lines: [String], extra: [String] = [], environment: [String: String] = [:]) throws -> Run {
        try run(
            Self.clock + extra, input: Data(lines.map { $0 + "\n" }.joined().utf8), environment: environment)
    }

    static func level(_ run: Run) -> String? {
        run.output.split(separator: "\n").first { $0.hasPrefix("Triage: ") }.map { String($0.dropFirst(8)) }
    }

    // MARK: - Levels

    struct Conversation: CustomTestStringConvertible, Sendable {
        let lines: [String]
        let level: String
        var testDescription: String { lines.joined(separator: " / ") + " -> " + level }
    }

    /// Opening answers; every later question gets "none" (refused where it does not fit) until the end.
    static let conversations: [Conversation] = [
        Conversation(lines: ["1"], level: "EMERGENCY"),
        Conversation(lines: ["14", "no", "yes"], level: "EMERGENCY"),
        Conversation(lines: ["none", "3 days ago", "yellow eyes", "yes"], level: "URGENT"),
        // Hives 3 days after the infusion, start not given: the drip is known to be over, so the
        // unknown onset falls to the later-reaction rule (review 2, finding 1), not "stop the drip".
        Conversation(lines: ["none", "3 days ago", "I have hives", "yes"], level: "SOON"),
        Conversation(lines: ["none", "3 days ago", "I have a cough", "yes", "no"], level: "SOON"),
        Conversation(lines: ["none", "3 days ago", "I have a headache", "yes"], level: "SELF-CARE"),
    ]

    @Test(arguments: conversations)
    func reachesLevel(_ conversation: Conversation) throws {
        let result = try Self.check(conversation.lines + Array(repeating: "none", count: 8))
        #expect(result.status == 0)
        #expect(Self.level(result) == conversation.level, "\(result.output.suffix(3000))")
        #expect(result.output.components(separatedBy: "Triage: ").count == 2)
    }

    // MARK: - Commands

    @Test(arguments: [
        ("help", "Commands:"), ("why", "I ask this because"), ("summary", "So far:"), ("back", "first question"),
        ("restart", "Starting again."),
    ])
    func commandAtFirstQuestion(command: String, expected: String) throws {
        let result = try Self.check([command])
        #expect(result.status == 0)
        #expect(result.output.contains(expected), "\(result.output.prefix(2000))")
        #expect(result.output.components(separatedBy: "First, are any of these").count == 3)
        #expect(result.output.contains("Triage:"))
    }

    @Test func backReturnsToThePreviousQuestion() throws {
        let result = try Self.check(["none", "back", "none", "2 hours ago"])
        #expect(result.output.components(separatedBy: "First, are any of these").count == 3)
        #expect(result.output.components(separatedBy: "When did your most recent").count == 3)
    }

    @Test func quitGivesTheSafestAdviceSoFar() throws {
        let result = try Self.check(["none", "quit", "this line is never read"])
        #expect(result.status == 0)
        #expect(result.output.contains("The check ended before all questions were answered"))
        #expect(Self.level(result) != nil)
    }

    // MARK: - Bad input

    static let badInputs: [(name: String, bytes: [UInt8])] = [
        ("empty line", Array("".utf8)),
        ("unknown option number", Array("99".utf8)),
        ("invalid UTF-8", [0xFF, 0xFE, 0xC3, 0x28]),
        ("control characters", [0x01, 0x02, 0x1B, 0x07]),
        ("1 MB line", Array(repeating: UInt8(ascii: "x"), count: 1 << 20)),
    ]

    @Test(arguments: 0..<5)
    func badInputAtTheScreen(_ index: Int) throws {
        let bad = Self.badInputs[index]
        let input = Data(bad.bytes + [0x0A] + Array("none\n".utf8))
        let result = try Self.run(Self.clock, input: input)
        #expect(result.status == 0, "\(bad.name)")
        let sorry = result.output.split(separator: "\n").filter { $0.contains("Sorry, ") }
        #expect(sorry.count == 1, "\(bad.name): \(result.output.prefix(1500))")
        #expect(result.output.components(separatedBy: "First, are any of these").count == 3, "\(bad.name)")
        #expect(result.output.contains("When did your most recent"), "\(bad.name)")
    }

    @Test(arguments: ["in 2 hours", "25:99", "banana", "99"])
    func badTimeAnswer(_ answer: String) throws {
        let result = try Self.check(["none", answer, "2 hours ago"])
        #expect(result.status == 0)
        let sorry = result.output.split(separator: "\n").filter { $0.contains("Sorry, ") }
        #expect(sorry.count == 1, "\(answer): \(result.output.suffix(1500))")
        #expect(result.output.components(separatedBy: "When did your most recent").count == 3, "\(answer)")
        #expect(result.output.contains("In your own words"), "\(answer)")
    }

    // MARK: - End of input at each stage

    @Test(arguments: [
        [String](), ["none"], ["none", "2 hours ago"], ["none", "2 hours ago", "I have hives"],
        ["none", "2 hours ago", "I have hives", "yes"], ["14"], ["14", "no"],
    ])
    func endOfInput(_ lines: [String]) throws {
        let result = try Self.check(lines)
        #expect(result.status == 0)
        #expect(Self.level(result) != nil, "\(result.output.suffix(1500))")
        #expect(result.error.isEmpty, "\(result.error)")
    }

    // MARK: - Output modes and exit codes

    @Test func noColourHasNoEscapes() throws {
        let result = try Self.check(["1"], environment: ["NO_COLOR": "1"])
        #expect(!result.output.contains("\u{1B}"))
        #expect(Self.level(result) == "EMERGENCY")
    }

    @Test func nurseModeShowsQuestionIDs() throws {
        let result = try Self.check(["none"], extra: ["--mode", "nurse"])
        #expect(result.output.contains("[emergency-screen]"))
        #expect(result.output.contains("[infusion-start]"))
    }

    @Test func unknownOptionIsBadUsage() throws {
        let result = try Self.run(Self.clock + ["--mdoe", "nurse"])
        #expect(result.status == 2)
        #expect((result.output + result.error).contains("did you mean"), "\(result.error)")
    }

    @Test func validateTheShippedKnowledge() throws {
        let result = try Self.run(["validate"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("0 errors"), "\(result.output)")
    }
}
