import Foundation
import Testing

@testable import AECheckCore

/// Runs the built `aecheck` under a pseudo-terminal of 60 columns, as a person at a small
/// terminal window would see it: wrapped lines, and a line editor with history.
@Suite(.serialized)
struct TerminalTests {
    /// A pseudo-terminal pair: the program gets the terminal side, the test types on the other.
    final class Terminal: @unchecked Sendable {
        let master: Int32
        let slave: Int32
        var screen: [UInt8] = []

        init(columns: UInt16) throws {
            var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
            var pair: (master: Int32, slave: Int32) = (-1, -1)
            let status = openpty(&pair.master, &pair.slave, nil, nil, &size)
            try #require(status == 0, "no pseudo-terminal: errno \(errno)")
            master = pair.master
            slave = pair.slave
        }

        deinit {
            close(master)
            close(slave)
        }

        func type(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { Foundation.write(master, $0.baseAddress, $0.count) }
        }

        /// Reads what the program printed until `text` appears (or `seconds` pass).
        @discardableResult
        func wait(for text: String, seconds: Double = 20) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if String(decoding: screen, as: UTF8.self).contains(text) { return true }
                var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 100) > 0 else { continue }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = read(master, &chunk, chunk.count)
                if count > 0 { screen += chunk[..<count] }
            }
            return String(decoding: screen, as: UTF8.self).contains(text)
        }

        /// The screen's lines as a person sees them: escapes and carriage returns replayed.
        var lines: [String] {
            var result: [String] = []
            var line: [Character] = []
            var cursor = 0
            var bytes = String(decoding: screen, as: UTF8.self).unicodeScalars[...]
            while let scalar = bytes.popFirst() {
                switch scalar {
                case "\r": cursor = 0
                case "\n":
                    result.append(String(line))
                    line = []
                    cursor = 0
                case "\u{1B}":
                    guard bytes.first == "[" else { continue }
                    bytes.removeFirst()
                    var parameter = ""
                    while let next = bytes.popFirst() {
                        if (0x40...0x7E).contains(next.value) {
                            let count = Int(parameter) ?? 1
                            if next == "K" { line.removeSubrange(min(cursor, line.count)...) }
                            if next == "D" { cursor = max(0, cursor - count) }
                            if next == "C" { cursor += count }
                            break
                        }
                        parameter.unicodeScalars.append(next)
                    }
                default:
                    while line.count < cursor { line.append(" ") }
                    if cursor < line.count {
                        line[cursor] = Character(scalar)
                    } else {
                        line.append(Character(scalar))
                    }
                    cursor += 1
                }
            }
            result.append(String(line))
            return result
        }
    }

    @Test("at 60 columns no line is longer than 60, and Up recalls the previous answer")
    func smallTerminal() throws {
        let binary = try #require(CheckPipeTests.binary, "the aecheck binary was not found; run swift build")
        let terminal = try Terminal(columns: 60)
        let process = Process()
        process.executableURL = binary
        process.arguments = CheckPipeTests.clock
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm"
        environment["NO_COLOR"] = "1"
        environment["COLUMNS"] = nil
        process.environment = environment
        let handle = FileHandle(fileDescriptor: terminal.slave, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        #expect(terminal.wait(for: "> "))
        // An answer that is not an option, then the same again with Up: both are refused
        // with the words typed, and no escape bytes end up in the answer.
        terminal.type("99\r")
        #expect(terminal.wait(for: "99"))
        #expect(terminal.wait(for: "Sorry"))
        let before = terminal.lines.filter { $0.contains("Sorry") }.count
        terminal.type("\u{1B}[A")
        terminal.type("\r")
        var deadline = Date().addingTimeInterval(20)
        while terminal.lines.filter({ $0.contains("Sorry") }).count <= before && Date() < deadline {
            terminal.wait(for: "\u{0}", seconds: 0.2)
        }
        let refusals = terminal.lines.filter { $0.contains("Sorry") }
        #expect(refusals.count == before + 1, "Up and Enter did not answer again: \(terminal.lines)")
        #expect(
            terminal.lines.filter { $0 == "> 99" }.count == 2,
            "Up did not recall 99: \(terminal.lines.joined(separator: "\n"))")
        #expect(!terminal.lines.joined().contains("[A"))
        // Edit keys: type "nXne", go left twice, delete the X with Backspace, put o in: "none".
        terminal.type("nXne\u{1B}[D\u{1B}[D\u{7F}o\r")
        deadline = Date().addingTimeInterval(20)
        while !terminal.lines.contains("> none") && Date() < deadline { terminal.wait(for: "\u{0}", seconds: 0.2) }
        terminal.type("\u{4}")
        deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { terminal.wait(for: "\u{0}", seconds: 0.2) }
        terminal.wait(for: "\u{0}", seconds: 0.5)
        let long = terminal.lines.filter { $0.count > 60 }
        #expect(long.isEmpty, "lines over 60 columns:\n\(long.joined(separator: "\n"))")
        #expect(terminal.lines.contains("> none"), "the edited answer: \(terminal.lines)")
        #expect(terminal.lines.contains { $0.contains("Triage:") }, "no result at end of input: \(terminal.lines)")
    }

    /// Starts the binary on the terminal with `environment` changes, and returns it running.
    static func start(on terminal: Terminal, environment changes: [String: String?]) throws -> Process {
        let binary = try #require(CheckPipeTests.binary, "the aecheck binary was not found; run swift build")
        let process = Process()
        process.executableURL = binary
        process.arguments = CheckPipeTests.clock
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in changes { environment[key] = value }
        process.environment = environment
        let handle = FileHandle(fileDescriptor: terminal.slave, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    @Test(
        "TERM=dumb and an empty NO_COLOR: no escape sequences, and lines are read plainly",
        arguments: [["TERM": "dumb", "NO_COLOR": nil], ["TERM": "dumb", "NO_COLOR": ""]] as [[String: String?]])
    func dumbTerminal(environment: [String: String?]) throws {
        let terminal = try Terminal(columns: 60)
        let process = try Self.start(on: terminal, environment: environment)
        defer { if process.isRunning { process.terminate() } }
        #expect(terminal.wait(for: "> "))
        terminal.type("1\n")
        #expect(terminal.wait(for: "Triage: EMERGENCY"))
        terminal.type("\n")
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { terminal.wait(for: "\u{0}", seconds: 0.2) }
        #expect(!terminal.screen.contains(0x1B), "escape bytes on a dumb terminal")
        // Still wrapped: a dumb terminal has a width too.
        #expect(terminal.lines.allSatisfy { $0.count <= 60 })
    }

    @Test("colour on a terminal that can show it, unless NO_COLOR is set to something")
    func colour() throws {
        for (value, expected) in [("", true), ("1", false)] {
            let terminal = try Terminal(columns: 80)
            let process = try Self.start(on: terminal, environment: ["TERM": "xterm", "NO_COLOR": value])
            defer { if process.isRunning { process.terminate() } }
            #expect(terminal.wait(for: "> "))
            terminal.type("1\r")
            #expect(terminal.wait(for: "EMERGENCY"))
            terminal.wait(for: "sources", seconds: 5)
            let bold = String(decoding: terminal.screen, as: UTF8.self).contains("\u{1B}[1;31m")
            #expect(bold == expected, "NO_COLOR='\(value)'")
            terminal.type("\r")
        }
    }

    @Test("assess on a terminal with no file says how to give it a document, and does not wait")
    func assessOnATerminal() throws {
        let binary = try #require(CheckPipeTests.binary, "the aecheck binary was not found; run swift build")
        let terminal = try Terminal(columns: 80)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["assess"]
        let handle = FileHandle(fileDescriptor: terminal.slave, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { terminal.wait(for: "\u{0}", seconds: 0.2) }
        terminal.wait(for: "assess -", seconds: 2)
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 2)
        #expect(String(decoding: terminal.screen, as: UTF8.self).contains("aecheck assess case.json"))
    }
}
