import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// Running transcripts: the screen, left-over input, exit status, the diff, and `--update`.
struct TranscriptRunnerTests {
    static let clock = "check --now 2026-11-21T14:00:00Z --tz Europe/London --reporter self"

    static func run(_ text: String) throws -> TranscriptRunner.Verdict {
        let knowledge = try #require(KnowledgeLoader.loadEmbedded().knowledge)
        return TranscriptRunner(knowledge: knowledge).replay(data: Data(text.utf8), file: "t.txt")
    }

    @Test func aFreshTranscriptGetsItsScreenAndTheSecondRunMatches() throws {
        let fresh = "# command: \(Self.clock)\n\n> 1\n"
        let first = try Self.run(fresh)
        let screen = try #require(first.screen)
        #expect(first.diff != nil)
        #expect(screen.contains("\n> 1\n"))
        #expect(screen.contains("Triage: "))
        let second = try Self.run("# command: \(Self.clock)\n\n" + screen)
        #expect(second.passed, "\(second.problems) \(second.diff ?? "")")
    }

    @Test func endOfInputDropsThePendingPrompt() throws {
        let verdict = try Self.run("# command: \(Self.clock)\n\n")
        let screen = try #require(verdict.screen)
        #expect(!screen.contains("\n> "))
        #expect(screen.contains("The check ended before all questions were answered"))
    }

    @Test func aLineLeftOverAfterTheEndIsMalformed() throws {
        // After the result one more line may ask for its sources; a line after that is left over.
        let verdict = try Self.run("# command: \(Self.clock)\n\n> 1\n> \n> more\n")
        #expect(verdict.problems.contains("t.txt:5: typed line left over: the session ended before reading it"))
    }

    @Test func theExitStatusIsCompared() throws {
        let verdict = try Self.run("# command: assess -\n# exit: 2\n\n> {\"now\": \"soon\"}\n")
        #expect(verdict.problems.isEmpty, "\(verdict.problems)")
        let wrong = try Self.run("# command: assess -\n\n> {\"now\": \"soon\"}\n")
        #expect(wrong.problems.contains("t.txt: exit status 2, expected 0"))
    }

    @Test func theKnowledgeHashIsAPlaceholder() throws {
        let verdict = try Self.run("# command: --version\n\n")
        #expect(verdict.screen?.contains("knowledge <knowledge-hash>\n") == true)
    }

    @Test func tagsAreChecked() throws {
        let verdict = try Self.run(
            "# command: \(Self.clock)\n# covers: emergency-airway, fever\n# near-miss: emergency-chest-pain\n# covers: hivez\n\n> 1,4\n"
        )
        #expect(verdict.problems.contains("t.txt:2: rule 'fever' is covered but did not fire"))
        #expect(verdict.problems.contains("t.txt:3: rule 'emergency-chest-pain' is a near miss but fired"))
        #expect(verdict.problems.contains { $0.hasPrefix("t.txt:4: unknown rule 'hivez'") })
        #expect(!verdict.problems.contains { $0.contains("'emergency-airway'") })
    }

    @Test func theDiffShowsFileLinesAndContext() {
        let diff = LineDiff.render(
            expected: "a\nb\nc\nd\ne\nf\ng\nh\n", actual: "a\nb\nc\nd\nE\nf\ng\nh\n", file: "t.txt", firstLine: 10,
            context: 2)
        #expect(diff == "@@ t.txt:12 @@\n  c\n  d\n- e\n+ E\n  f\n  g\n")
    }

    @Test func theDiffMarksAMissingFinalNewline() {
        let diff = LineDiff.render(expected: "a\n", actual: "a", file: "t.txt", firstLine: 1)
        #expect(diff.contains("+ \\ no newline at the end"))
    }

    @Test func replayUpdatesAndReports() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("sub/one.txt")
        try Data("# command: \(Self.clock)\n# A red flag.\n\n> 1\n".utf8).write(to: file)
        try Data("not a transcript".utf8).write(to: folder.appendingPathComponent("README.txt"))
        let failing = BufferIO()
        #expect(CommandLineInterface.run(arguments: ["replay", folder.path], io: failing) == 1)
        #expect(failing.output.contains("FAIL \(folder.path)/sub/one.txt\n"))
        #expect(failing.output.hasSuffix("0 passed, 1 failed\n"))
        let updating = BufferIO()
        #expect(CommandLineInterface.run(arguments: ["replay", folder.path, "--update"], io: updating) == 0)
        #expect(updating.output.hasSuffix("1 passed, 0 failed, 1 updated\n"))
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("# command: \(Self.clock)\n# A red flag.\n\n"))
        let again = BufferIO()
        #expect(CommandLineInterface.run(arguments: ["replay", file.path], io: again) == 0)
        #expect(again.output == "1 passed, 0 failed\n")
    }
}

/// A `TerminalIO` that collects output, for in-process command runs.
final class BufferIO: TerminalIO {
    var output = ""
    func readLine() -> String? { nil }
    func write(_ text: String) { output += text }
    func writeError(_ text: String) { output += text }
    var colour: Bool { false }
    func flush() {}
}
