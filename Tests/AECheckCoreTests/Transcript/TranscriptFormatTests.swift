import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// The transcript format: header, body, typed lines and escapes, and malformed files.
struct TranscriptFormatTests {
    static let clock = "check --now 2026-11-21T14:00:00Z --tz Europe/London --reporter self"

    static func parse(_ text: String) -> Result<Transcript, TranscriptProblem> {
        Transcript.parse(Data(text.utf8), file: "t.txt")
    }

    @Test func headerAndBody() throws {
        let text = """
            # command: \(Self.clock) --mode nurse
            # Hives an hour in.
            # exit: 0
            # covers: reaction-within-2h, reaction-at-centre
            # near-miss: anaphylaxis-combination
            # boundary: reaction-2h-inside

            Hello.
            > none
            >
            >\\ \\xFF\\t
            Bye.

            """
        let transcript = try Self.parse(text).get()
        #expect(transcript.arguments == Self.clock.split(separator: " ").map(String.init) + ["--mode", "nurse"])
        #expect(transcript.expectedExit == 0)
        #expect(transcript.covers.map(\.id) == ["reaction-within-2h", "reaction-at-centre"])
        #expect(transcript.covers.first?.line == 4)
        #expect(transcript.nearMisses.map(\.id) == ["anaphylaxis-combination"])
        #expect(transcript.boundaries == ["reaction-2h-inside"])
        #expect(transcript.headerLines.count == 6)
        #expect(transcript.bodyLine == 8)
        #expect(transcript.body == "Hello.\n> none\n>\n>\\ \\xFF\\t\nBye.\n")
        #expect(transcript.inputs.map(\.line) == [9, 10, 11])
        #expect(transcript.inputs.map(\.bytes) == [Array("none".utf8), [], [0xFF, 0x09]])
        #expect(Transcript.rewrite(headerLines: transcript.headerLines, body: transcript.body) == text)
    }

    @Test func oneShotCommandsNeedNoClock() throws {
        for command in ["assess -", "--version", "--help", "assess - --json"] {
            #expect(throws: Never.self) { try Self.parse("# command: \(command)\n").get() }
        }
    }

    @Test(
        arguments: [
            ("\\xFF\\xFE\\xC3\\x28", [0xFF, 0xFE, 0xC3, 0x28]),
            ("\\x01\\x02\\e\\x07", [0x01, 0x02, 0x1B, 0x07]),
            ("\\sa\\\\b\\s", [0x20, 0x61, 0x5C, 0x62, 0x20]),
            ("\\0\\r", [0x00, 0x0D]),
            ("\\{3:ab}!", Array("ababab!".utf8)),
        ] as [(String, [UInt8])])
    func escapes(_ escaped: String, _ bytes: [UInt8]) throws {
        #expect(try InputLine.decode(">\\ " + escaped).get() == bytes)
    }

    @Test(arguments: [[UInt8](), Array("yes".utf8), [0xFF, 0x41], [0x20, 0x61, 0x20], [0x1B, 0x5C, 0x09]])
    func encodeRoundTrips(_ bytes: [UInt8]) throws {
        #expect(try InputLine.decode(InputLine.encode(bytes)).get() == bytes)
    }

    /// Each malformed transcript and the `FILE:LINE: message` it gets.
    @Test(arguments: [
        ("Hello.\n> none\n", "t.txt:1: missing header; a transcript starts with '# command: ...'"),
        ("# only a comment\n\n> none\n", "t.txt:1: missing '# command:' line in the header"),
        (
            "# command: check\n",
            "t.txt:1: an interactive command needs a fixed clock; add --now, e.g. --now 2026-11-21T14:00:00Z"
        ),
        (
            "# command: check --now 2026-11-21T14:00:00Z\n",
            "t.txt:1: an interactive command needs a time zone; add --tz, e.g. --tz Europe/London"
        ),
        (
            "# command: check --now yesterday --tz Europe/London\n",
            "t.txt:1: --now 'yesterday' is not an ISO 8601 time such as 2026-11-21T14:00:00Z"
        ),
        ("# command: check --now 2026-11-21T14:00:00Z --tz Mars/Base\n", "t.txt:1: unknown time zone 'Mars/Base'"),
        ("# x\n# command: \(clock) --mdoe nurse\n", "t.txt:2: unknown option '--mdoe'; did you mean '--mode'?"),
        ("# command: replay Tests\n", "t.txt:1: a transcript cannot run 'replay'"),
        ("# command: aecheck check\n", "t.txt:1: write the arguments without the program name 'aecheck'"),
        ("# command: \(clock)\n# comand: check\n", "t.txt:2: unknown header field 'comand'; did you mean 'command'?"),
        ("# command: \(clock)\n# command: \(clock)\n", "t.txt:2: a second '# command:' line"),
        ("# command: \(clock)\n# exit: two\n", "t.txt:2: '# exit:' needs a number from 0 to 255, not 'two'"),
        ("# command: \(clock)\nHello.\n", "t.txt:2: expected a blank line after the header"),
        (
            "# command: \(clock)\n\n>yes\n",
            "t.txt:3: a typed line starts with '> ' (or is '>' alone, or '>\\ ' with escapes)"
        ),
        (
            "# command: \(clock)\n\n> a\n>\\ \\q\n",
            "t.txt:4: unknown escape '\\q'; use \\\\, \\s, \\t, \\r, \\e, \\0, \\xHH or \\{N:TEXT}"
        ),
        ("# command: \(clock)\n\n>\\ \\x4\n", "t.txt:3: '\\x' needs two hex digits, e.g. \\xFF"),
        ("# command: \(clock)\n\n>\\ \\x0A\n", "t.txt:3: a typed line cannot contain a newline (\\x0A)"),
        (
            "# command: \(clock)\n\n>\\ \\{0:x}\n",
            "t.txt:3: '\\{' needs a count and text, e.g. \\{70000:x} (count 1 to 10000000)"
        ),
        ("# command: \(clock)\r\n", "t.txt:1: carriage return in the file; save with LF line ends"),
    ])
    func malformed(_ text: String, _ message: String) {
        guard case .failure(let problem) = Self.parse(text) else {
            Issue.record("parsed: \(text)")
            return
        }
        #expect(problem.description == message)
    }

    @Test func invalidUTF8InTheFileIsMalformed() {
        let data = Data("# command: --version\n\nok\n".utf8) + Data([0xFF, 0x0A])
        guard case .failure(let problem) = Transcript.parse(data, file: "t.txt") else {
            Issue.record("parsed")
            return
        }
        #expect(problem.description == "t.txt:4: the file is not valid UTF-8")
    }
}
