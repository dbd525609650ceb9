import AECheckLanguage
import Foundation

/// One knowledge file: its name and bytes.
public struct KnowledgeFile: Sendable {
    /// The file's contents: bytes as read, or text already known to be UTF-8 (the embedded
    /// files, read in place).
    enum Contents: Sendable {
        case bytes(Data)
        case text(String)
        /// The file could not be read (a dangling link, no permission, a folder, a FIFO).
        case unreadable(String)
    }

    public var name: String
    let contents: Contents

    /// The file's bytes.
    public var data: Data {
        switch contents {
        case .bytes(let data): data
        case .text(let text): Data(text.utf8)
        case .unreadable: Data()
        }
    }

    public init(name: String, data: Data) {
        self.name = name
        self.contents = .bytes(data)
    }

    init(name: String, contents: Contents) {
        self.name = name
        self.contents = contents
    }

    /// A file whose bytes are `text`'s UTF-8.
    init(name: String, text: String) {
        self.name = name
        self.contents = .text(text)
    }
}

/// The outcome of loading: the knowledge (when usable) and every problem found.
public struct LoadResult: Sendable {
    /// The knowledge, or nil when there were errors.
    public var knowledge: KnowledgeBase?
    /// Every problem, in file and line order.
    public var diagnostics: [Diagnostic]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// Reads knowledge files into a validated `KnowledgeBase`, collecting every problem in one pass.
public enum KnowledgeLoader {
    /// Loads the knowledge that was embedded in the binary at build time (its hash was
    /// worked out then too, from the same bytes).
    ///
    /// With `checkingExamples` false (the start-up path of `check`, `assess` and
    /// `--version`), the rule examples are not triaged: no result depends on them, they are
    /// the knowledge's own tests, and for these fixed bytes they are checked by
    /// `aecheck validate` and by the test suite (which load with the default, every check).
    /// Every other check still runs at each start.
    ///
    /// The embedded bytes never change, so each kind of load runs once per process and its
    /// result is kept to the end (a replayed suite or a test run loads it once; a run that
    /// exits has nothing to free).
    public static func loadEmbedded(checkingExamples: Bool = true) -> LoadResult {
        checkingExamples ? embeddedChecked : embeddedAtStart
    }

    private static let embeddedChecked = load(files: embeddedFiles, hash: EmbeddedKnowledge.hash)
    private static let embeddedAtStart = load(
        files: embeddedFiles, hash: EmbeddedKnowledge.hash, checkingExamples: false)

    /// The knowledge files embedded in the binary at build time.
    static var embeddedFiles: [KnowledgeFile] {
        EmbeddedKnowledge.files.map { file in
            if let text = file.text { return KnowledgeFile(name: file.name, text: text) }
            return KnowledgeFile(name: file.name, data: Data(base64Encoded: file.base64 ?? "") ?? Data())
        }
    }

    /// Loads every `*.txt` file of a directory.
    public static func load(directory: URL) -> LoadResult {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue,
            let names = try? manager.contentsOfDirectory(atPath: directory.path)
        else {
            return LoadResult(
                knowledge: nil,
                diagnostics: [
                    Diagnostic(
                        file: directory.path, line: 0, column: 0, severity: .error,
                        message: "cannot read the knowledge folder", id: "no-knowledge")
                ])
        }
        let files = names.filter { $0.hasSuffix(".txt") }.sorted().map { name in
            // One byte over the limit is enough to report a file as too large.
            switch RawFile.read(path: directory.appendingPathComponent(name).path, limit: RecordParser.fileLimit + 1) {
            case .success(let bytes): return KnowledgeFile(name: name, data: Data(bytes))
            case .failure(let problem): return KnowledgeFile(name: name, contents: .unreadable(problem.message))
            }
        }
        return load(files: files)
    }

    /// Loads the given files (sorted by name for a stable hash).
    /// With `checkingExamples` false, as at start-up, the rule examples are not triaged.
    public static func load(files: [KnowledgeFile], checkingExamples: Bool = true) -> LoadResult {
        load(files: files, hash: nil, checkingExamples: checkingExamples)
    }

    /// Loads the given files; `hash`, when known, is their content hash (see `hash(of:)`).
    static func load(files: [KnowledgeFile], hash knownHash: String?, checkingExamples: Bool = true) -> LoadResult {
        var sink = DiagnosticSink()
        var records: [RawRecord] = []
        let sorted = files.sorted(by: { $0.name < $1.name })
        for file in sorted {
            switch file.contents {
            case .bytes(let data): records += RecordParser.parse(data: data, file: file.name, into: &sink)
            case .text(let text): records += RecordParser.parse(text: text, file: file.name, into: &sink)
            case .unreadable(let reason):
                sink.error(.unreadableFile(reason), at: SourceLocation(file: file.name, line: 0, column: 0))
            }
        }
        var builder = KnowledgeBuilder(records: records, checkingPhrases: checkingExamples)
        var knowledge = builder.build(into: &sink)
        knowledge.hash = knownHash ?? hash(of: sorted)
        if files.isEmpty {
            sink.error(
                .missingRecord("level", "emergency"), at: SourceLocation(file: "(knowledge)", line: 0, column: 0))
        }
        KnowledgeValidator(knowledge: knowledge, builder: builder, checkingExamples: checkingExamples)
            .validate(into: &sink)
        let diagnostics = sink.diagnostics.sorted {
            ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message)
        }
        let failed = diagnostics.contains { $0.severity == .error }
        return LoadResult(knowledge: failed ? nil : knowledge, diagnostics: diagnostics)
    }

    /// SHA-256 over each file's name, a zero byte, its bytes and a zero byte, in name order
    /// (knowledge-embed works out the embedded knowledge's hash the same way at build time).
    static func hash(of files: [KnowledgeFile]) -> String {
        var hasher = SHA256()
        for file in files.sorted(by: { $0.name < $1.name }) {
            hasher.update(Array(file.name.utf8) + [0])
            hasher.update(file.data)
            hasher.update([0])
        }
        return hasher.finalizeHex()
    }
}
