import Foundation

/// One `field: value` line of a record, with where it was written.
struct RawField: Sendable {
    var name: String
    var value: String
    var location: SourceLocation
    /// Where the value starts, for diagnostics that point into it.
    var valueLocation: SourceLocation
}

/// A group of field lines: its first field names the kind and the id.
struct RawRecord: Sendable {
    var kind: String
    var id: String
    var location: SourceLocation
    var fields: [RawField]

    func all(_ name: String) -> [RawField] { fields.filter { $0.name == name } }
    func first(_ name: String) -> RawField? { fields.first { $0.name == name } }
}

/// Splits knowledge text into records; problems go to the sink, never thrown.
enum RecordParser {
    /// The longest line accepted, in bytes.
    static let lineLimit = 16_384
    /// The largest file accepted, in bytes.
    static let fileLimit = 4 << 20

    static func parse(data: Data, file: String, into sink: inout DiagnosticSink) -> [RawRecord] {
        guard data.count <= fileLimit else {
            sink.error(.fileTooLarge(data.count, limit: fileLimit), at: SourceLocation(file: file, line: 1))
            return []
        }
        guard let text = String(validatingUTF8Data: data) else {
            let line = firstInvalidUTF8Line(data)
            sink.error(.invalidUTF8(), at: SourceLocation(file: file, line: line))
            return []
        }
        return parse(text: text, file: file, into: &sink)
    }

    static func parse(text: String, file: String, into sink: inout DiagnosticSink) -> [RawRecord] {
        var records: [RawRecord] = []
        var current: [RawField] = []
        var sawContent = false

        func flush() {
            guard let head = current.first else { return }
            records.append(
                RawRecord(kind: head.name, id: head.value, location: head.location, fields: Array(current.dropFirst())))
            current = []
        }

        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.utf8.count > lineLimit {
                sink.error(
                    .lineTooLong(line.utf8.count, limit: lineLimit), at: SourceLocation(file: file, line: lineNumber))
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                flush()
                continue
            }
            if trimmed.hasPrefix("#") { continue }
            sawContent = true
            if trimmed.hasPrefix("+ ") || trimmed == "+" {
                guard !current.isEmpty else {
                    sink.error(.danglingContinuation(), at: SourceLocation(file: file, line: lineNumber))
                    continue
                }
                let more = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
                current[current.count - 1].value += (current[current.count - 1].value.isEmpty ? "" : " ") + more
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                sink.error(.expectedField(trimmed), at: SourceLocation(file: file, line: lineNumber))
                continue
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "-" || $0.isNumber }) else {
                sink.error(.expectedField(trimmed), at: SourceLocation(file: file, line: lineNumber))
                continue
            }
            let afterColon = line[line.index(after: colon)...]
            let leading = afterColon.prefix { $0 == " " || $0 == "\t" }.count
            let value = afterColon.trimmingCharacters(in: .whitespaces)
            let nameColumn = line.distance(from: line.startIndex, to: line.firstIndex { $0 != " " && $0 != "\t" }!) + 1
            let valueColumn = line.distance(from: line.startIndex, to: colon) + 2 + leading
            current.append(
                RawField(
                    name: name.lowercased(), value: value,
                    location: SourceLocation(file: file, line: lineNumber, column: nameColumn),
                    valueLocation: SourceLocation(file: file, line: lineNumber, column: valueColumn)))
        }
        flush()
        if !sawContent {
            sink.warning(.emptyFile(), at: SourceLocation(file: file, line: 1))
        }
        return records
    }

    private static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            if String(validatingUTF8Data: data[start..<end]) == nil { return line }
            line += 1
            start = end < data.endIndex ? data.index(after: end) : end
        }
        return line
    }
}

extension String {
    /// Decodes UTF-8 strictly: nil when any byte sequence is invalid.
    init?(validatingUTF8Data data: some Collection<UInt8>) {
        guard let text = String(validating: data, as: UTF8.self) else { return nil }
        self = text
    }
}
