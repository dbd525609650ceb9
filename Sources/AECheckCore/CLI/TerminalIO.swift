import AECheckLanguage
import Foundation

/// Where a command reads lines and writes text: the terminal, a pipe, or a test's buffer.
public protocol TerminalIO: AnyObject {
    /// The next line typed, without its newline; nil at end of input.
    func readLine() -> String?
    /// Writes text to standard output.
    func write(_ text: String)
    /// Writes text to standard error.
    func writeError(_ text: String)
    /// True when output goes to a terminal that may show colour.
    var colour: Bool { get }
    /// Sends buffered output on its way.
    func flush()
    /// What is left on standard input, as bytes, but no more than `limit` bytes (for `assess -`).
    func readAll(limit: Int) -> [UInt8]
    /// An environment variable (`AECHECK_REGION`); nil in a replay, so runs repeat.
    func environment(_ name: String) -> String?
    /// Told the outcome a command showed (a replay checks which rules fired with it).
    func noteOutcome(_ outcome: Outcome)
    /// True when standard input is a terminal a person types at.
    var inputIsTerminal: Bool { get }
}

extension TerminalIO {
    public func environment(_ name: String) -> String? { nil }
    public func noteOutcome(_ outcome: Outcome) {}
    public var inputIsTerminal: Bool { false }

    /// What is left on standard input: the remaining lines, each ended by a newline, up to `limit` bytes.
    public func readAll(limit: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < limit, let line = readLine() { bytes += Array(line.utf8) + [0x0A] }
        return Array(bytes.prefix(limit))
    }
}

/// Standard input and output of the process.
public final class StandardIO: TerminalIO {
    private var pending: [UInt8] = []
    /// The terminal's width when output goes to a terminal (text is wrapped to it), else nil.
    private let width: Int?
    /// The line editor, when a person types at a terminal that can take one.
    private let editor: LineEditor?
    /// The column after the last text written, and that last unfinished line (the prompt).
    private var column = 0
    private var lastLine = ""

    /// Standard input and output. A closed output (the reader of a pipe went away) then ends
    /// the process quietly with status 141, as SIGPIPE would, but without a crash report; a
    /// session record is rewritten after every answer, so it stays resumable.
    public init() {
        signal(SIGPIPE, SIG_IGN)
        let environment = ProcessInfo.processInfo.environment
        width = Self.terminalWidth(environment: environment)
        editor = LineEditor.fits(environment: environment) ? LineEditor() : nil
    }

    /// The width of the terminal on standard output (or `COLUMNS` when it cannot say); nil in a pipe.
    private static func terminalWidth(environment: [String: String]) -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }

    public func readLine() -> String? {
        guard let editor else {
            flush()
            return LineReader.shared.next()
        }
        let line = editor.readLine(prompt: lastLine, flush: flush) { Self.writeAll(Array($0.utf8), to: STDOUT_FILENO) }
        column = 0
        lastLine = ""
        return line
    }

    public func write(_ text: String) {
        var shown = text
        if let width {
            (shown, column) = TextWrap.wrap(text, width: width, column: column)
        }
        if let newline = shown.lastIndex(of: "\n") {
            lastLine = String(shown[shown.index(after: newline)...])
        } else {
            lastLine += shown
        }
        pending += shown.utf8
        if pending.count > 1 << 16 { flush() }
    }

    public func writeError(_ text: String) {
        flush()
        Self.writeAll(Array(text.utf8), to: STDERR_FILENO)
    }

    public func readAll(limit: Int) -> [UInt8] {
        RawFile.read(descriptor: STDIN_FILENO, limit: limit)
    }

    public func flush() {
        // A prompt about to show: from now on the editor, not the terminal, echoes keys, so
        // an answer typed ahead of the next read is not shown twice.
        if editor != nil && !lastLine.isEmpty && !pending.isEmpty { LineEditor.enterRawMode() }
        Self.writeAll(pending, to: STDOUT_FILENO)
        pending.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                Foundation.write(descriptor, $0.baseAddress, $0.count)
            }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE {
                    LineEditor.restoreTerminal()
                    _exit(128 + SIGPIPE)
                }
                return
            }
            offset += written
        }
    }

    public func environment(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }

    public var inputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// Colour and bold only on a terminal that can show them: never with a non-empty
    /// `NO_COLOR` (the convention at no-color.org) or with `TERM=dumb`.
    public var colour: Bool {
        let environment = ProcessInfo.processInfo.environment
        return isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty
            && environment["TERM"] != "dumb"
    }
}

/// Reads raw bytes from standard input and splits them into lines at each newline byte,
/// tolerating invalid UTF-8 (replaced) and very long lines (cut at a limit as they arrive,
/// the rest discarded, so a line of any length costs time in proportion to its bytes and
/// memory of at most the limit).
final class LineReader: @unchecked Sendable {
    static let shared = LineReader()
    static let limit = 64 * 1024
    /// Bytes read and not yet handed out, from `start` on.
    private var buffer: [UInt8] = []
    private var start = 0
    /// The line being gathered (at most `limit + 1` bytes: one more says it was cut).
    private var line: [UInt8] = []
    private var finished = false
    private let descriptor: Int32

    init(descriptor: Int32 = STDIN_FILENO) { self.descriptor = descriptor }

    func next() -> String? {
        while true {
            if start < buffer.count {
                let end: Int? = buffer.withUnsafeBufferPointer { bytes in
                    memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start).map {
                        bytes.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self))
                    }
                }
                let stop = end ?? buffer.count
                let room = Self.limit + 1 - line.count
                if room > 0 { line += buffer[start..<min(stop, start + room)] }
                start = stop
                if end != nil {
                    start += 1
                    defer { line.removeAll(keepingCapacity: true) }
                    return Self.decode(line)
                }
            }
            if finished {
                guard !line.isEmpty else { return nil }
                defer { line.removeAll() }
                return Self.decode(line)
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(descriptor, &chunk, chunk.count)
            if count <= 0 {
                if count < 0 && errno == EINTR { continue }
                finished = true
            } else {
                buffer = Array(chunk[..<count])
                start = 0
            }
        }
    }

    /// One line's bytes (without the newline) as the program sees them. Transcript replay
    /// reads the same way.
    ///
    /// Carriage returns at the end are dropped (CR LF, CR CR LF), the line is cut at the limit,
    /// invalid UTF-8 is replaced, a byte order mark and the other invisible format and
    /// direction characters are removed, and NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR are
    /// read as spaces; other control characters but the tab are dropped: none of them may
    /// change what an answer says or which question it answers.
    static func decode(_ bytes: [UInt8]) -> String {
        var line = bytes[...]
        while line.last == 0x0D { line.removeLast() }
        let cut = line.prefix(limit)
        if cut.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return String(decoding: cut, as: UTF8.self) }
        let text = String(decoding: cut, as: UTF8.self)
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x85, 0x2028, 0x2029: out.append(" ")
            case 0x09: out.append(scalar)
            default: if !scalar.isHiddenControl { out.append(scalar) }
            }
        }
        return String(out)
    }
}
