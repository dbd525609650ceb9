import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// `--record` never writes over something that is not the session's own record, never
/// through a link, and stops the session with a non-zero exit when it cannot keep writing;
/// `--resume` refuses a record whose answers are not valid for their questions, and leaves it
/// byte-identical.
struct RecordSafetyTests {
    typealias R = SessionRecordTests
    static let clock = R.clock

    @Test("a new session refuses a path that already holds something, and leaves it as it was")
    func refusesExisting() throws {
        let notes = R.temporaryPath("notes.txt")
        try Data("my notes\n".utf8).write(to: URL(fileURLWithPath: notes))
        var (status, io) = R.run(["intake", "--record", notes] + Self.clock, ["none"])
        #expect(status == 2)
        #expect(io.errors.contains("is not a session record; choose another name"))
        #expect(FileManager.default.contents(atPath: notes) == Data("my notes\n".utf8))

        // Another patient's record: refused, with the command that would continue it.
        let (path, record, _) = try R.finishedRecord()
        let before = try #require(FileManager.default.contents(atPath: path))
        (status, io) = R.run(["intake", "--record", path] + Self.clock, ["none"])
        #expect(status == 2)
        #expect(io.errors.contains("'aecheck intake --resume \(path)'"))
        #expect(FileManager.default.contents(atPath: path) == before)
        #expect(record.status == "completed")

        (status, io) = R.run(["check", "--record", "/dev/null"] + Self.clock, ["none"])
        #expect(status == 2)
        #expect(io.errors.contains("is a device"))
    }

    @Test("links are never followed: not at the record's path, not at the old temporary name")
    func links() throws {
        let path = R.temporaryPath("visit.json")
        let folder = (path as NSString).deletingLastPathComponent
        let victim = folder + "/victim.txt"
        try Data("victim\n".utf8).write(to: URL(fileURLWithPath: victim))
        chmod(victim, 0o644)
        try FileManager.default.createSymbolicLink(atPath: path + ".tmp", withDestinationPath: victim)
        let (status, _) = R.run(["intake", "--record", path] + Self.clock, ["none", "ms"])
        #expect(status == 0)
        #expect(FileManager.default.contents(atPath: victim) == Data("victim\n".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: victim)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o644)
        #expect(try R.record(at: path).log.count == 2)

        let link = folder + "/link.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
        let (refused, io) = R.run(["intake", "--record", link] + Self.clock, ["none"])
        #expect(refused == 2)
        #expect(io.errors.contains("is a link"))
        #expect(FileManager.default.contents(atPath: victim) == Data("victim\n".utf8))
        // No temporary file is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
        #expect(left == ["visit.json.tmp"])
    }

    @Test("a record replaced mid-session is not overwritten: the session stops with the safest advice and exit 1")
    func recordReplacedMidSession() throws {
        let path = R.temporaryPath("visit.json")
        let io = HookedIO(["none", "ms", "20", "4 weeks ago", "none"])
        io.beforeLine[2] = {
            try? FileManager.default.removeItem(atPath: path)
            try? Data("someone else's file\n".utf8).write(to: URL(fileURLWithPath: path))
        }
        let status = CommandLineInterface.run(arguments: ["intake", "--record", path] + Self.clock, io: io)
        #expect(status == 1)
        #expect(io.errors.contains("the session stops here"))
        #expect(io.output.contains("The check ended before all questions were answered"))
        #expect(io.output.contains("Decision: HOLD"))
        #expect(!io.output.contains("Decision: PROCEED"))
        #expect(FileManager.default.contents(atPath: path) == Data("someone else's file\n".utf8))
    }

    /// Edits of one saved answer that a resume must refuse.
    static let forgeries: [(name: String, key: String, answer: String)] = [
        ("option id in another case", "emergency-screen", "Breathing-trouble"),
        ("unknown option id", "emergency-screen", "banana"),
        ("a number at a findings screen", "emergency-screen", "1"),
        ("an empty answer", "emergency-screen", ""),
        ("unknown indication", "indication", "zz"),
        ("age 999", "age", "999"),
        ("age -5", "age", "-5"),
        ("infusion number 1000000000", "next-infusion-number", "1000000000"),
        ("a last infusion in 2030", "last-infusion", "2030-01-01T10:00:00Z..2030-01-01T10:00:00Z"),
        ("a reversed band", "last-infusion", "2026-10-25T10:00:00Z..2026-10-20T10:00:00Z"),
        ("an escape sequence", "indication", "ms\u{1B}]0;owned\u{7}"),
        ("a question that does not exist", "no-such-question", "yes"),
    ]

    @Test(
        "a record whose answers are not valid for their questions is refused and left byte-identical",
        arguments: forgeries)
    func forgedAnswers(_ forgery: (name: String, key: String, answer: String)) throws {
        let path = R.temporaryPath("cut.json")
        _ = R.run(["intake", "--record", path] + Self.clock, ["none", "ms", "20", "4 weeks ago"])
        var record = try R.record(at: path)
        if let index = record.item.firstIndex(where: { $0.linkId == forgery.key }) {
            record.item[index].answer = [SessionRecord.Answer(valueString: forgery.answer)]
        } else {
            record.item.insert(
                SessionRecord.Item(linkId: forgery.key, answer: [SessionRecord.Answer(valueString: forgery.answer)]),
                at: 1)
        }
        let data = record.encoded()
        try data.write(to: URL(fileURLWithPath: path))
        let (status, io) = R.run(["intake", "--resume", path] + Self.clock, ["none"])
        #expect(status == 1, "\(forgery.name)")
        #expect(io.errors.contains("left as it is"), "\(forgery.name): \(io.errors)")
        #expect(!io.errors.unicodeScalars.contains { $0 != "\n" && $0.isHiddenControl }, "\(forgery.name)")
        #expect(FileManager.default.contents(atPath: path) == data, "\(forgery.name) was changed")
    }

    @Test("a record with a repeated key, an unknown mode or time zone is refused as damaged")
    func damagedMeta() throws {
        let path = R.temporaryPath("cut.json")
        _ = R.run(["intake", "--record", path] + Self.clock, ["none", "ms"])
        let text = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
        let edits = [
            ("admin mode", text.replacingOccurrences(of: "\"mode\" : \"nurse\"", with: "\"mode\" : \"admin\"")),
            ("bad zone", text.replacingOccurrences(of: "\"Europe/London\"", with: "\"Mars/Olympus\"")),
            (
                "repeated key",
                text.replacingOccurrences(of: "\"status\" :", with: "\"status\" : \"stopped\", \"status\" :")
            ),
        ]
        for (name, edited) in edits {
            #expect(edited != text, "\(name): the edit did not apply")
            try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
            let (status, io) = R.run(["intake", "--resume", path] + Self.clock, ["none"])
            #expect(status == 1, "\(name)")
            #expect(io.errors.contains("damaged"), "\(name): \(io.errors)")
            #expect(FileManager.default.contents(atPath: path) == Data(edited.utf8), "\(name)")
        }
    }

    @Test("--record next to --resume is a usage error, not silently ignored")
    func recordWithResume() {
        let (status, io) = R.run(
            ["intake", "--record", R.temporaryPath("a.json"), "--resume", R.temporaryPath("b.json")] + Self.clock, [])
        #expect(status == 2)
        #expect(io.errors.contains("use --resume FILE alone"))
    }
}

/// A scripted terminal that runs a hook before handing out a given line (0-based).
final class HookedIO: TerminalIO {
    private var lines: [String]
    private var read = 0
    var beforeLine: [Int: () -> Void] = [:]
    private(set) var output = ""
    private(set) var errors = ""

    init(_ lines: [String]) { self.lines = lines }

    func readLine() -> String? {
        beforeLine[read]?()
        read += 1
        return lines.isEmpty ? nil : lines.removeFirst()
    }
    func write(_ text: String) { output += text }
    func writeError(_ text: String) { errors += text }
    var colour: Bool { false }
    func flush() {}
}
