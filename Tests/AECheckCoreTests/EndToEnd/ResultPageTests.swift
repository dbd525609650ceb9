import Foundation
import Testing

@testable import AECheckCore

/// The result page as a frightened patient or carer reads it, and the command line's options.
struct ResultPageTests {
    /// The "What to do now" lines of a screen.
    static func steps(_ screen: String) -> [String] {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "What to do now:") else { return [] }
        return Array(lines[(start + 1)...].prefix { $0.hasPrefix("- ") })
    }

    @Test("an emergency page: at most 5 steps, the call first, each once, no ids, no country's number")
    func emergencyPage() throws {
        let run = try CheckPipeTests.check(["1,2,3"])
        let steps = Self.steps(run.output)
        #expect((1...5).contains(steps.count), "\(steps)")
        #expect(steps.first == "- Call your local emergency number now.")
        #expect(Set(steps).count == steps.count)
        #expect(!run.output.contains("(rule "))
        #expect(!run.output.contains("source:"))
        for number in ["911", "999", "112", "988"] { #expect(!run.output.contains(number)) }
        // Breathless and faint: one posture line, not two that pull different ways.
        #expect(steps.filter { $0.contains("lie down") || $0.contains("Sit up") }.count == 1)
    }

    @Test("a patient typing alone never gets bystander wording; a carer does")
    func selfOrCarer() throws {
        let patient = try CheckPipeTests.run(
            ["--now", "2026-11-21T14:00:00Z", "--tz", "Europe/London", "--reporter", "self"],
            input: Data("5\n".utf8))
        #expect(!patient.output.contains("Stay with them"))
        #expect(!patient.output.contains("If they have a fit"))
        let carer = try CheckPipeTests.run(
            ["--now", "2026-11-21T14:00:00Z", "--tz", "Europe/London", "--reporter", "carer"],
            input: Data("5\n".utf8))
        #expect(carer.output.contains("Stay with them"))
        #expect(!carer.output.contains("Ask someone to stay with you"))
    }

    @Test("a step for the infusion centre shows only when the person may be there")
    func place() throws {
        func page(_ location: String) throws -> String {
            let document = """
                {"now":"2026-11-21T14:00:00Z","context":{"infusionStart":"2026-11-21T13:00:00Z","infusionEnd":"2026-11-21T13:30:00Z",
                "infusionOngoing":false,"location":"\(location)"},"text":"hives since 20 minutes ago"}
                """
            return try CheckPipeTests.run(["assess", "-"], input: Data(document.utf8)).output
        }
        #expect(try !page("home").contains("at the clinic"))
        #expect(try page("centre").contains("If you are still at the clinic, tell the nurse now."))
    }

    @Test("sources at the result shows the rules and their sources")
    func sourcesOnRequest() throws {
        let run = try CheckPipeTests.check(["1", "sources"])
        #expect(run.output.contains("(rule emergency-airway;"))
        #expect(run.output.contains("source: "))
        #expect(run.status == 0)
    }

    @Test(
        "--region and AECHECK_REGION name that country's numbers",
        arguments: [
            (["--region", "uk"], [:], "Call 999 now."),
            (["--region", "au"], [:], "Call 000 (Triple Zero) now."),
            ([], ["AECHECK_REGION": "us"], "Call 911 now."),
            (["--region", "ie"], ["AECHECK_REGION": "us"], "Call 112 or 999 now."),
        ])
    func region(extra: [String], environment: [String: String], expected: String) throws {
        let run = try CheckPipeTests.check(["1"], extra: extra, environment: environment)
        #expect(run.output.contains(expected), "\(run.output)")
    }

    @Test("the crisis line follows the region")
    func crisisLine() throws {
        let uk = try CheckPipeTests.check(["10"], extra: ["--region", "uk"])
        #expect(uk.output.contains("Samaritans on 116 123"))
        let none = try CheckPipeTests.check(["10"])
        #expect(none.output.contains("a local crisis line"))
        #expect(!none.output.contains("988"))
    }

    @Test("an unknown region is a usage error naming the known ones")
    func unknownRegion() throws {
        let run = try CheckPipeTests.check(["1"], extra: ["--region", "mars"])
        #expect(run.status == 2)
        #expect(run.error.contains("uk"))
    }

    @Test(
        "an option a command does not take is a usage error naming the command",
        arguments: [
            (["--json"], "'check'"),
            (["check", "--json"], "'check'"),
            (["intake", "--update"], "'intake'"),
            (["validate", "--json"], "'validate'"),
        ])
    func wrongOption(arguments: [String], command: String) throws {
        let run = try CheckPipeTests.run(arguments)
        #expect(run.status == 2)
        #expect(run.error.contains(command), "\(run.error)")
        #expect(run.output.isEmpty)
    }

    @Test("validate takes one folder")
    func validateExtraArgument() throws {
        let run = try CheckPipeTests.run(["validate", "a", "b"])
        #expect(run.status == 2)
    }

    @Test("COMMAND --help prints that command's help", arguments: ["check", "intake", "assess", "replay", "validate"])
    func commandHelp(command: String) throws {
        let run = try CheckPipeTests.run([command, "--help"])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("aecheck \(command) - "))
    }

    @Test("knowledge errors: the hint names the folder, and one error is singular")
    func knowledgeErrorHint() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aecheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("level: x\nrank: one\nlabel: X\npatient: p\nnurse: n\n".utf8)
            .write(to: folder.appendingPathComponent("a.txt"))
        let run = try CheckPipeTests.run(["--knowledge", folder.path, "--version"])
        #expect(run.error.contains("run 'aecheck validate \(folder.path)'"), "\(run.error)")
        #expect(!run.error.contains(" 1 errors"))
    }
}

/// The line editor's keys, without a terminal.
struct LineEditTests {
    static func edit(_ keys: [LineEdit.Key], history: [String] = []) -> String? {
        var edit = LineEdit(history: history)
        for key in keys {
            if case .done(let line) = edit.apply(key) { return line }
        }
        return String(edit.text)
    }

    static func typed(_ text: String) -> [LineEdit.Key] { text.map { .character($0) } }

    @Test("a line wider than the terminal scrolls sideways and always fits one row")
    func window() {
        let text = Array("got a blotchy itchy rash on my tummy since last night, no swelling")
        for room in [8, 20, 40] {
            for cursor in 0...text.count {
                let shown = LineEdit.window(text: text, cursor: cursor, room: room)
                #expect(shown.shown.count < room, "room \(room), cursor \(cursor)")
                #expect((0...shown.shown.count).contains(shown.cursor))
            }
        }
        #expect(LineEdit.window(text: Array("abcdefghijkl"), cursor: 12, room: 8) == ("<hijkl", 6))
        #expect(LineEdit.window(text: Array("short"), cursor: 2, room: 40) == ("short", 2))
    }

    @Test("arrows, Home, End, Backspace and Delete edit in place")
    func moving() {
        #expect(Self.edit(Self.typed("nne") + [.left, .left, .character("o"), .enter]) == "none")
        #expect(
            Self.edit(Self.typed("one") + [.home, .character("n"), .end, .backspace, .character("e"), .enter]) == "none"
        )
        #expect(Self.edit(Self.typed("noxne") + [.home, .right, .right, .delete, .enter]) == "none")
    }

    @Test("Ctrl-K, Ctrl-U and Ctrl-W delete to the end, to the start and the word before")
    func deleting() {
        #expect(Self.edit(Self.typed("yes please") + [.home, .right, .right, .right, .killToEnd, .enter]) == "yes")
        #expect(Self.edit(Self.typed("oops yes") + [.left, .left, .left, .killToStart, .enter]) == "yes")
        #expect(Self.edit(Self.typed("2 hours ago") + [.deleteWord, .enter]) == "2 hours ")
    }

    @Test("Up and Down walk the answers given, and come back to the line being typed")
    func history() {
        #expect(Self.edit([.up, .enter], history: ["1", "2 hours ago"]) == "2 hours ago")
        #expect(Self.edit([.up, .up, .enter], history: ["1", "2 hours ago"]) == "1")
        #expect(Self.edit(Self.typed("ye") + [.up, .down, .character("s"), .enter], history: ["1"]) == "yes")
    }

    @Test("escape sequences are keys, never text in the answer")
    func escapes() {
        let bytes = Array("a\u{1B}[A\u{1B}[1;5C\u{1B}OHb".utf8)
        var keys: [LineEdit.Key] = []
        var index = 0
        while let (key, used) = LineEdit.key(in: bytes, at: index) {
            keys.append(key)
            index += used
        }
        #expect(keys == [.character("a"), .up, .right, .home, .character("b")])
    }
}

/// Wrapping to a terminal's width.
struct TextWrapTests {
    @Test("words are never broken, and list lines hang under their first word")
    func wrap() {
        let text = "- Call your local emergency number if it is hard to breathe."
        let (wrapped, _) = TextWrap.wrap(text, width: 30)
        let lines = wrapped.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 30 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") })
        #expect(wrapped.replacingOccurrences(of: "\n  ", with: " ") == text)
        let (option, _) = TextWrap.wrap("  11. bleeding that will not stop, like a nosebleed", width: 30)
        #expect(option.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("      ") })
    }
}

/// Answers in everyday words, and one "not sure" in a list.
struct EverydayAnswerTests {
    static let toTrend = ["none", "yesterday", "headache", "yes", "none", "this morning"]

    @Test("the course question lists one 'not sure'")
    func oneNotSure() throws {
        let run = try CheckPipeTests.check(Self.toTrend + ["same"])
        let list = run.output.components(separatedBy: "getting worse?\n").dropFirst().first ?? ""
        let options = list.split(separator: "\n").prefix { $0.hasPrefix("  ") }
        #expect(options.filter { $0.lowercased().contains("not sure") }.count == 1, "\(options)")
    }

    @Test(
        "everyday words answer the course question",
        arguments: [
            ("the same", "SELF-CARE"), ("about the same", "SELF-CARE"), ("no change", "SELF-CARE"),
            ("a bit worse", "SOON"), ("a little better", "SELF-CARE"),
            ("dunno", "SELF-CARE"),  // as "not sure" (option 5) gives for a mild headache
            ("getting worse, slowly", "SOON"), ("it's gone, it only lasted ten minutes", "SELF-CARE"),
            ("it went away", "SELF-CARE"), ("it's got worse", "SOON"),
        ])
    func everydayWords(answer: String, level: String) throws {
        let run = try CheckPipeTests.check(Self.toTrend + [answer, "none", "none"])
        #expect(!run.output.contains("Sorry"), "\(answer) was refused")
        #expect(CheckPipeTests.level(run) == level, "\(answer)")
    }
}
