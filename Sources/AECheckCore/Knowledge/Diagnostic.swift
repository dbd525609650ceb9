import AECheckLanguage
/// A problem found in the knowledge files, located like a compiler diagnostic.
///
/// Printed as `file:line:column: error: message [id]`, so editors and terminals can jump
/// to it. The `id` names the kind of problem and stays stable when the wording changes.
///
///     Knowledge/rules.txt:12:7: error: unknown finding 'sparkls'; did you mean 'sparkles'? [unknown-reference]
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// The file name, relative to the knowledge folder.
    public var file: String
    /// The 1-based line, 0 when the problem belongs to the whole file or pack.
    public var line: Int
    /// The 1-based column.
    public var column: Int
    /// Error or warning.
    public var severity: Severity
    /// One lowercase phrase, no final period.
    public var message: String
    /// A stable identifier of the kind of problem, e.g. `duplicate-id`.
    public var id: String

    /// Creates a diagnostic.
    public init(
        file: String, line: Int, column: Int, severity: Severity, message: String, id: String
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.id = id
    }

    /// The compiler-style line.
    public var description: String {
        // A file name or a quoted value may hold control characters: shown as escapes.
        "\(file):\(line):\(column): \(severity.rawValue): \(message) [\(id)]".visibleControls
    }
}

/// A place in a knowledge file.
public struct SourceLocation: Hashable, Sendable {
    /// The file name, relative to the knowledge folder.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// Collects diagnostics in one pass, so an author can fix every problem at once.
struct DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    mutating func error(_ message: Message, at location: SourceLocation) {
        add(.error, message, at: location)
    }

    mutating func warning(_ message: Message, at location: SourceLocation) {
        add(.warning, message, at: location)
    }

    private mutating func add(_ severity: Diagnostic.Severity, _ message: Message, at location: SourceLocation) {
        diagnostics.append(
            Diagnostic(
                file: location.file, line: location.line, column: location.column,
                severity: severity, message: message.text, id: message.id))
    }

    /// A message with its stable id; factories live beside the code that emits them.
    struct Message {
        var text: String
        var id: String
    }
}
