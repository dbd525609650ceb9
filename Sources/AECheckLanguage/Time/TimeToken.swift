import Foundation

/// One lexical piece of a time answer, with where it sits in the original text.
public struct TimeToken: Sendable {
    /// What the piece is.
    public enum Kind: Sendable, Equatable {
        /// Letters (lowercased); may hold inner apostrophes and hyphens ("forty-five", "it's").
        case word(String)
        /// Digits, possibly with inner ':' or '.' separators ("10:30", "1.5").
        case number(String)
        /// A whole ISO 8601 date or date-time ("2026-11-21T10:30:00+01:00").
        case iso(ISOStamp)
        /// Any other single ASCII character ('.', '~', ',').
        case symbol(Character)
    }

    public var kind: Kind
    public var range: Range<String.Index>

    /// The word, if the token is one.
    public var word: String? {
        if case .word(let word) = kind { return word }
        return nil
    }
}

/// The fields of an ISO 8601 stamp as written, not yet validated.
public struct ISOStamp: Sendable, Equatable {
    public var text: String
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int?
    public var minute: Int?
    public var second: Int?
    /// Seconds east of UTC when the stamp carries an offset or "Z".
    public var offsetSeconds: Int?
}

/// Splits text into `TimeToken`s in one pass over its UTF-8 bytes.
public enum TimeTokenizer: Sendable {
    /// Tokenizes `text`; whitespace separates tokens and is dropped.
    public static func tokenize(_ text: String) -> [TimeToken] {
        let bytes = Array(text.utf8)
        var indices = Array(text.utf8.indices)
        indices.append(text.endIndex)
        var tokens: [TimeToken] = []
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            let start = position
            let kind: TimeToken.Kind
            if isSpace(byte) {
                position += 1
                continue
            } else if isDigit(byte) {
                if let (stamp, end) = scanISO(bytes, at: position) {
                    position = end
                    kind = .iso(stamp)
                } else {
                    position = scanNumber(bytes, at: position)
                    kind = .number(String(decoding: bytes[start..<position], as: UTF8.self))
                }
            } else if isWordByte(byte) {
                position = scanWord(bytes, at: position)
                kind = .word(String(decoding: bytes[start..<position], as: UTF8.self).lowercased())
            } else {
                position += 1
                kind = .symbol(Character(Unicode.Scalar(byte)))
            }
            tokens.append(TimeToken(kind: kind, range: indices[start]..<indices[position]))
        }
        return tokens
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80
    }

    private static func scanNumber(_ bytes: [UInt8], at start: Int) -> Int {
        var position = start + 1
        while position < bytes.count {
            if isDigit(bytes[position]) {
                position += 1
            } else if bytes[position] == UInt8(ascii: ":") || bytes[position] == UInt8(ascii: "."),
                position + 1 < bytes.count, isDigit(bytes[position + 1])
            {
                position += 2
            } else {
                break
            }
        }
        return position
    }

    private static func scanWord(_ bytes: [UInt8], at start: Int) -> Int {
        var position = start + 1
        while position < bytes.count {
            let byte = bytes[position]
            if isWordByte(byte) || byte == UInt8(ascii: "'") {
                position += 1
            } else if byte == UInt8(ascii: "-"), position + 1 < bytes.count, isWordByte(bytes[position + 1]) {
                position += 2
            } else {
                break
            }
        }
        return position
    }

    /// Reads `count` digits at `start` as an integer, or nil if any is not a digit.
    private static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<start + count] {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    private static func isByte(_ bytes: [UInt8], _ position: Int, _ ascii: Unicode.Scalar) -> Bool {
        position < bytes.count && bytes[position] == UInt8(ascii: ascii)
    }

    /// Recognises `YYYY-MM-DD[(T| )hh:mm[:ss[.fff]][Z|±hh[:]mm]]` starting at `start`.
    private static func scanISO(_ bytes: [UInt8], at start: Int) -> (ISOStamp, Int)? {
        guard let year = digits(bytes, start, 4), isByte(bytes, start + 4, "-"),
            let month = digits(bytes, start + 5, 2), isByte(bytes, start + 7, "-"),
            let day = digits(bytes, start + 8, 2)
        else { return nil }
        var end = start + 10
        if end < bytes.count, isDigit(bytes[end]) { return nil }
        var stamp = ISOStamp(text: "", year: year, month: month, day: day)
        let separator = end < bytes.count ? bytes[end] : 0
        if [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(separator),
            let hour = digits(bytes, end + 1, 2), isByte(bytes, end + 3, ":"),
            let minute = digits(bytes, end + 4, 2)
        {
            stamp.hour = hour
            stamp.minute = minute
            end += 6
            if isByte(bytes, end, ":"), let second = digits(bytes, end + 1, 2) {
                stamp.second = second
                end += 3
                if isByte(bytes, end, "."), end + 1 < bytes.count, isDigit(bytes[end + 1]) {
                    end += 1
                    while end < bytes.count, isDigit(bytes[end]) { end += 1 }
                }
            }
            end = scanOffset(bytes, at: end, into: &stamp)
        }
        stamp.text = String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
        return (stamp, end)
    }

    private static func scanOffset(_ bytes: [UInt8], at start: Int, into stamp: inout ISOStamp) -> Int {
        if isByte(bytes, start, "Z") || isByte(bytes, start, "z") {
            stamp.offsetSeconds = 0
            return start + 1
        }
        guard isByte(bytes, start, "+") || isByte(bytes, start, "-"),
            let hours = digits(bytes, start + 1, 2)
        else { return start }
        let sign = isByte(bytes, start, "-") ? -1 : 1
        var end = start + 3
        var minutes = 0
        if isByte(bytes, end, ":"), let value = digits(bytes, end + 1, 2) {
            minutes = value
            end += 3
        } else if let value = digits(bytes, end, 2) {
            minutes = value
            end += 2
        }
        stamp.offsetSeconds = sign * (hours * 3600 + minutes * 60)
        return end
    }
}
