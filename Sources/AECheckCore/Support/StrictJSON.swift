import AECheckLanguage
/// A strict JSON reader (RFC 8259) that keeps where every value stands.
///
/// Foundation's reader keeps the last of two equal keys, accepts a trailing comma and
/// reports every syntax error without a position. This one refuses duplicate keys at any
/// depth, trailing commas, invalid UTF-8, unescaped control characters, lone surrogates
/// and nesting deeper than `depthLimit`, and says where: the path of the value
/// (`findings[0].status`) and its line and column.
///
///     let value = try StrictJSON.parse(Array(#"{"sparkles": [1, true]}"#.utf8))
///     value["sparkles"]  // .array([.number(1), .bool(true)]), each with its offset
///
/// Numbers keep their kind: `1` is a number, never a boolean.
enum StrictJSON {
    /// The deepest nesting of arrays and objects read.
    static let depthLimit = 64

    /// One JSON value and where it starts in the text.
    struct Value: Sendable {
        enum Kind: Sendable {
            case null
            case bool(Bool)
            case number(Double)
            case string(String)
            case array([Value])
            /// Members in the order written (keys are unique).
            case object([(key: String, value: Value)])
        }
        var kind: Kind
        /// The byte offset where the value starts (`StrictJSON.position` gives its line and column).
        var offset: Int

        /// The member of an object named `key`.
        subscript(key: String) -> Value? {
            guard case .object(let members) = kind else { return nil }
            return members.first { $0.key == key }?.value
        }

        /// The type name used in messages: `a string`, `a number`, ...
        var typeName: String {
            switch kind {
            case .null: "null"
            case .bool: "a boolean"
            case .number: "a number"
            case .string: "a string"
            case .array: "a list"
            case .object: "an object"
            }
        }
    }

    /// Why a text is not strict JSON: what, where (line and column) and at which path.
    struct Failure: Error, Equatable, Sendable {
        var path: String
        var line: Int
        var column: Int
        var message: String
    }

    /// The 1-based line and column (in characters) of a byte offset of `bytes`.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// Parses one JSON value filling the whole text (white space around it allowed; a
    /// leading byte order mark is skipped).
    static func parse(_ bytes: [UInt8]) throws(Failure) -> Value {
        var reader = Reader(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
        reader.skipSpace()
        let value = try reader.value(path: "", depth: 0)
        reader.skipSpace()
        if reader.index < bytes.count {
            throw reader.failure("unexpected text after the document", path: "")
        }
        return value
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        func failure(_ message: String, path: String, at offset: Int? = nil) -> Failure {
            let (line, column) = StrictJSON.position(of: offset ?? index, in: bytes)
            return Failure(path: path.isEmpty ? "(document)" : path, line: line, column: column, message: message)
        }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0D, 0x0A: index += 1
                default: return
                }
            }
        }

        mutating func value(path: String, depth: Int) throws(Failure) -> Value {
            guard index < bytes.count else { throw failure("the document ends where a value should be", path: path) }
            let offset = index
            func located(_ kind: Value.Kind) -> Value { Value(kind: kind, offset: offset) }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                guard depth < StrictJSON.depthLimit else {
                    throw failure("nested deeper than \(StrictJSON.depthLimit) levels", path: path)
                }
                return located(.object(try object(path: path, depth: depth + 1)))
            case UInt8(ascii: "["):
                guard depth < StrictJSON.depthLimit else {
                    throw failure("nested deeper than \(StrictJSON.depthLimit) levels", path: path)
                }
                return located(.array(try array(path: path, depth: depth + 1)))
            case UInt8(ascii: "\""): return located(.string(try string(path: path)))
            case UInt8(ascii: "t"):
                try literal("true", path: path)
                return located(.bool(true))
            case UInt8(ascii: "f"):
                try literal("false", path: path)
                return located(.bool(false))
            case UInt8(ascii: "n"):
                try literal("null", path: path)
                return located(.null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return located(.number(try number(path: path)))
            default:
                throw failure("expected a value (a string, number, list, object, true, false or null)", path: path)
            }
        }

        private mutating func literal(_ word: String, path: String) throws(Failure) {
            let expected = Array(word.utf8)
            guard bytes.count - index >= expected.count, bytes[index..<index + expected.count].elementsEqual(expected)
            else { throw failure("expected a value (a string, number, list, object, true, false or null)", path: path) }
            index += expected.count
        }

        private mutating func object(path: String, depth: Int) throws(Failure) -> [(key: String, value: Value)] {
            index += 1  // {
            var members: [(key: String, value: Value)] = []
            var firstSeen: [String: Int] = [:]
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return members
            }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    let trailing = index < bytes.count && bytes[index] == UInt8(ascii: "}") && !members.isEmpty
                    throw failure(
                        trailing ? "a comma before '}' (trailing comma)" : "expected a key in quotes", path: path)
                }
                let keyOffset = index
                let key = try string(path: path)
                let memberPath = path.isEmpty ? key : path + "." + key
                if let first = firstSeen[key] {
                    let (line, column) = StrictJSON.position(of: first, in: bytes)
                    throw failure("duplicate key (first at \(line):\(column))", path: memberPath, at: keyOffset)
                }
                firstSeen[key] = keyOffset
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                    throw failure("expected ':' after the key", path: memberPath)
                }
                index += 1
                skipSpace()
                members.append((key, try value(path: memberPath, depth: depth)))
                skipSpace()
                guard index < bytes.count else { throw failure("the document ends inside an object", path: path) }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return members
                }
                throw failure("expected ',' or '}'", path: path)
            }
        }

        private mutating func array(path: String, depth: Int) throws(Failure) -> [Value] {
            index += 1  // [
            var items: [Value] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return items
            }
            while true {
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    throw failure("a comma before ']' (trailing comma)", path: path)
                }
                items.append(try value(path: "\(path)[\(items.count)]", depth: depth))
                skipSpace()
                guard index < bytes.count else { throw failure("the document ends inside a list", path: path) }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return items
                }
                throw failure("expected ',' or ']'", path: path)
            }
        }

        private mutating func string(path: String) throws(Failure) -> String {
            index += 1  // "
            var out: [UInt8] = []
            while true {
                guard index < bytes.count else { throw failure("the document ends inside a string", path: path) }
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    guard let text = String(validating: out, as: UTF8.self) else {
                        throw failure("a string that is not valid UTF-8", path: path)
                    }
                    return text
                case UInt8(ascii: "\\"):
                    index += 1
                    guard index < bytes.count else { throw failure("the document ends inside a string", path: path) }
                    let code = bytes[index]
                    index += 1
                    switch code {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(code)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4(path: path)
                        if (0xD800..<0xDC00).contains(scalar) {
                            guard bytes.count - index >= 2, bytes[index] == UInt8(ascii: "\\"),
                                bytes[index + 1] == UInt8(ascii: "u")
                            else { throw failure("a lone surrogate in a \\u escape", path: path) }
                            index += 2
                            let low = try hex4(path: path)
                            guard (0xDC00..<0xE000).contains(low) else {
                                throw failure("a lone surrogate in a \\u escape", path: path)
                            }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00..<0xE000).contains(scalar) {
                            throw failure("a lone surrogate in a \\u escape", path: path)
                        }
                        out += Array(String(Character(Unicode.Scalar(scalar)!)).utf8)
                    default: throw failure("an unknown escape in a string", path: path)
                    }
                case 0x00..<0x20:
                    throw failure("a control character in a string (write it as a \\u escape)", path: path)
                default:
                    out.append(byte)
                    index += 1
                }
            }
        }

        private mutating func hex4(path: String) throws(Failure) -> UInt32 {
            guard bytes.count - index >= 4 else { throw failure("'\\u' needs four hex digits", path: path) }
            var value: UInt32 = 0
            for byte in bytes[index..<index + 4] {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw failure("'\\u' needs four hex digits", path: path)
                }
                value = value << 4 | UInt32(digit)
            }
            index += 4
            return value
        }

        private mutating func number(path: String) throws(Failure) -> Double {
            let start = index
            func digits() -> Int {
                let first = index
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                return index - first
            }
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            let leadingZero = index < bytes.count && bytes[index] == UInt8(ascii: "0")
            let integer = digits()
            guard integer > 0, !(leadingZero && integer > 1) else {
                throw failure("not a JSON number", path: path)
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw failure("not a JSON number", path: path) }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    index += 1
                }
                guard digits() > 0 else { throw failure("not a JSON number", path: path) }
            }
            guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)), value.isFinite else {
                throw failure("a number too large", path: path)
            }
            return value
        }
    }
}
