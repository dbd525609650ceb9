import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// Typed lines in any of the forms files and terminals produce (a byte order mark, CR LF,
/// CR CR LF, NEL, invisible direction marks) give the same answers; replay never writes a
/// file a transcript names and bounds what an escape can type.
struct InputFormTests {
    static let clock = ["--now", "2026-11-21T14:00:00Z", "--tz", "Europe/London"]

    /// Lines as a pipe carries them: split on newline bytes and read like standard input.
    static func run(_ command: String, bytes: [UInt8]) -> (status: Int32, output: String) {
        var pipe: [Int32] = [0, 0]
        _ = pipe.withUnsafeMutableBufferPointer { Foundation.pipe($0.baseAddress!) }
        let writeEnd = pipe[1]
        let writer = Thread {
            _ = bytes.withUnsafeBytes { Foundation.write(writeEnd, $0.baseAddress, $0.count) }
            close(writeEnd)
        }
        writer.start()
        let reader = LineReader(descriptor: pipe[0])
        var lines: [String] = []
        while let line = reader.next() { lines.append(line) }
        close(pipe[0])
        let io = LinesIO(lines)
        let status = CommandLineInterface.run(arguments: [command] + clock, io: io)
        return (status, io.output)
    }

    static func triage(_ output: String) -> String? {
        output.split(separator: "\n").last { $0.hasPrefix("Triage: ") }.map(String.init)
    }

    /// Ways a line can be written that must not change it.
    static let forms: [(name: String, apply: @Sendable (String) -> [UInt8])] = [
        ("plain LF", { Array($0.utf8) + [0x0A] }),
        ("BOM on every line", { [0xEF, 0xBB, 0xBF] + Array($0.utf8) + [0x0A] }),
        ("CR LF", { Array($0.utf8) + [0x0D, 0x0A] }),
        ("CR CR LF", { Array($0.utf8) + [0x0D, 0x0D, 0x0A] }),
        ("NEL before LF", { Array($0.utf8) + [0xC2, 0x85, 0x0A] }),
        ("LINE SEPARATOR before LF", { Array($0.utf8) + [0xE2, 0x80, 0xA8, 0x0A] }),
        ("right-to-left override first", { [0xE2, 0x80, 0xAE] + Array($0.utf8) + [0x0A] }),
        ("zero-width space last", { Array($0.utf8) + [0xE2, 0x80, 0x8B, 0x0A] }),
        ("C1 CSI inside", { Array($0.utf8.prefix(1)) + [0xC2, 0x9B] + Array($0.utf8.dropFirst()) + [0x0A] }),
    ]

    static let scripts: [(command: String, lines: [String])] = [
        ("check", ["not sure", "no", "no", "no"]),
        ("check", ["none", "1 hour ago", "my lips are swelling", "yes"]),
        ("intake", ["none", "ms", "20", "4 weeks ago", "not sure", "fever", "yes", "quit"]),
    ]

    @Test("a BOM, CR CR LF, NEL, separators and invisible marks never shift or change an answer")
    func lineForms() {
        for script in Self.scripts {
            let plain = Self.run(script.command, bytes: script.lines.flatMap(Self.forms[0].apply))
            let expected = Self.triage(plain.output)
            #expect(expected != nil)
            for form in Self.forms.dropFirst() {
                // The first line alone, and every line, in the form.
                for everyLine in [false, true] {
                    let bytes = script.lines.enumerated().flatMap { index, line in
                        index == 0 || everyLine ? form.apply(line) : Self.forms[0].apply(line)
                    }
                    let result = Self.run(script.command, bytes: bytes)
                    #expect(Self.triage(result.output) == expected, "\(script.lines) \(form.name) every: \(everyLine)")
                    #expect(
                        result.output.contains("Decision: HOLD") == plain.output.contains("Decision: HOLD"),
                        "\(form.name)")
                }
            }
        }
    }

    @Test("a very long line is cut at the limit as it arrives and the next line is still read")
    func longLine() {
        let long = Array(repeating: UInt8(ascii: "x"), count: 3 * LineReader.limit + 17)
        var pipe: [Int32] = [0, 0]
        _ = pipe.withUnsafeMutableBufferPointer { Foundation.pipe($0.baseAddress!) }
        let bytes = long + [0x0A] + Array("next\r\r\n".utf8)
        let writeEnd = pipe[1]
        let writer = Thread {
            _ = bytes.withUnsafeBytes { Foundation.write(writeEnd, $0.baseAddress, $0.count) }
            close(writeEnd)
        }
        writer.start()
        let reader = LineReader(descriptor: pipe[0])
        #expect(reader.next()?.utf8.count == LineReader.limit)
        #expect(reader.next() == "next")
        #expect(reader.next() == nil)
        close(pipe[0])
    }

    @Test("a transcript naming --record or --resume is malformed: replay never writes files")
    func replayNeverWrites() {
        for option in ["--record", "--resume"] {
            let text = "# command: check --now 2026-11-21T14:00:00Z --tz UTC \(option) victim.txt\n\n> none\n"
            guard case .failure(let problem) = Transcript.parse(Data(text.utf8), file: "t.txt") else {
                Issue.record("\(option) accepted")
                continue
            }
            #expect(problem.message.contains("replay never writes files"))
        }
    }

    @Test("a repeat escape cannot type more than the line size limit, whatever the count and text")
    func repeatBound() {
        let unit = String(repeating: "y", count: 150)
        for line in [">\\ \\{10000000:\(unit)}", ">\\ \\{7000:\(unit)}\\{7000:\(unit)}"] {
            guard case .failure(let problem) = InputLine.decode(line) else {
                Issue.record("accepted: \(line.prefix(30))")
                continue
            }
            #expect(problem.message.contains("longer than"))
        }
        #expect((try? InputLine.decode(">\\ \\{70000:x}").get().count) == 70_000)
    }
}
