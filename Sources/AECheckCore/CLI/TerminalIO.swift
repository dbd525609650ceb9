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
}

extension TerminalIO {
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

    public init() {}

    public func readLine() -> String? {
        flush()
        return LineReader.shared.next()
    }

    public func write(_ text: String) {
        pending += text.utf8
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
                return
            }
            offset += written
        }
    }

    public var colour: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}

/// Reads raw bytes from standard input and splits them into lines, tolerating invalid UTF-8
/// (replaced) and very long lines (cut at a limit, the rest discarded).
final class LineReader: @unchecked Sendable {
    static let shared = LineReader()
    static let limit = 64 * 1024
    private var buffer: [UInt8] = []
    private var finished = false

    func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return Self.decode(line)
            }
            if finished {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return Self.decode(buffer)
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(STDIN_FILENO, &chunk, chunk.count)
            if count <= 0 {
                if count < 0 && errno == EINTR { continue }
                finished = true
            } else {
                buffer += chunk[..<count]
            }
        }
    }

    /// One line's bytes (without the newline) as the program sees them: a final carriage
    /// return dropped, cut at the limit, invalid UTF-8 replaced. Transcript replay reads the
    /// same way.
    static func decode(_ bytes: [UInt8]) -> String {
        var line = bytes[...]
        if line.last == 0x0D { line.removeLast() }
        return String(decoding: line.prefix(limit), as: UTF8.self)
    }
}
