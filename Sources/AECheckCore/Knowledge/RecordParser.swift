import AECheckLanguage
import Foundation

/// One `field: value` line of a record, with where it was written.
struct RawField: Sendable {
    var name: String
    var value: String
    var location: SourceLocation
    /// The column where the value starts (on the field's line).
    var valueColumn: Int

    /// Where the value starts, for diagnostics that point into it.
    var valueLocation: SourceLocation {
        SourceLocation(file: location.file, line: location.line, column: valueColumn)
    }
}

/// A group of field lines: its first field names the kind and the id.
struct RawRecord: Sendable {
    var kind: String
    var id: String
    var location: SourceLocation
    var fields: [RawField]

    func all(_ name: String) -> [RawField] { fields.filter { $0.name.isSameWord(as: name) } }
    func first(_ name: String) -> RawField? { fields.first { $0.name.isSameWord(as: name) } }
    /// The values of every field called `name`, in order.
    func values(_ name: String) -> [String] {
        fields.compactMap { $0.name.isSameWord(as: name) ? $0.value : nil }
    }
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
        // Work on UTF-8 bytes: every character the syntax cares about is ASCII, and this is
        // the start-up path of every run. An embedded file's text is read in place.
        var text = text
        return text.withUTF8 { parse(bytes: $0, file: file, into: &sink) }
    }

    private static func parse(
        bytes: UnsafeBufferPointer<UInt8>, file: String, into sink: inout DiagnosticSink
    ) -> [RawRecord] {
        var records: [RawRecord] = []
        // The record being read: its first field (kind and id), then the others.
        var head: RawField?
        var current: [RawField] = []
        var sawContent = false

        func flush() {
            guard let first = head else { return }
            // The fields move into the record (no copy of every field).
            records.append(RawRecord(kind: first.name, id: first.value, location: first.location, fields: current))
            head = nil
            current = []
        }
        /// The index of the first `byte` in `range`, or nil.
        func first(_ byte: UInt8, in range: Range<Int>) -> Int? {
            guard let base = bytes.baseAddress, !range.isEmpty,
                let found = memchr(base + range.lowerBound, Int32(byte), range.count)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var low = range.lowerBound
            var high = range.upperBound
            while low < high, isBlank(bytes[low]) { low += 1 }
            while high > low, isBlank(bytes[high - 1]) { high -= 1 }
            return low..<high
        }
        var lineNumber = 0
        var lineStart = 0
        while lineStart <= bytes.count {
            let newline = first(0x0A, in: lineStart..<bytes.count) ?? bytes.count
            defer { lineStart = newline + 1 }
            lineNumber += 1
            var lineEnd = newline
            if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd - lineStart > lineLimit {
                sink.error(
                    .lineTooLong(lineEnd - lineStart, limit: lineLimit),
                    at: SourceLocation(file: file, line: lineNumber))
                continue
            }
            let content = trimmed(lineStart..<lineEnd)
            if content.isEmpty {
                flush()
                continue
            }
            if bytes[content.lowerBound] == UInt8(ascii: "#") { continue }
            sawContent = true
            if bytes[content.lowerBound] == UInt8(ascii: "+"),
                content.count == 1 || isBlank(bytes[content.lowerBound + 1])
            {
                guard head != nil else {
                    sink.error(.danglingContinuation(), at: SourceLocation(file: file, line: lineNumber))
                    continue
                }
                let more = string(trimmed(content.lowerBound + 1..<content.upperBound))
                func extend(_ field: inout RawField) { field.value += (field.value.isEmpty ? "" : " ") + more }
                if current.isEmpty { extend(&head!) } else { extend(&current[current.count - 1]) }
                continue
            }
            guard let colon = first(UInt8(ascii: ":"), in: lineStart..<lineEnd) else {
                sink.error(.expectedField(string(content)), at: SourceLocation(file: file, line: lineNumber))
                continue
            }
            let nameRange = trimmed(lineStart..<colon)
            let nameIsValid =
                !nameRange.isEmpty
                && bytes[nameRange].allSatisfy { byte in
                    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                        || byte == UInt8(ascii: "-")
                }
            guard nameIsValid else {
                sink.error(.expectedField(string(content)), at: SourceLocation(file: file, line: lineNumber))
                continue
            }
            let valueRange = trimmed(colon + 1..<lineEnd)
            let valueColumn = (valueRange.isEmpty ? lineEnd : valueRange.lowerBound) - lineStart + 1
            let field = RawField(
                name: bytes[nameRange].contains(where: { (0x41...0x5A).contains($0) })
                    ? string(nameRange).lowercased() : string(nameRange),
                value: string(valueRange),
                location: SourceLocation(
                    file: file, line: lineNumber, column: nameRange.lowerBound - lineStart + 1),
                valueColumn: valueColumn)
            if head == nil { head = field } else { current.append(field) }
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
