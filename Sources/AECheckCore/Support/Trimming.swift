import Foundation

extension Substring {
    /// The same as `trimmingCharacters(in: .whitespaces)`, without Foundation's cost when
    /// the text, once ASCII spaces and tabs are cut from both ends, starts and ends with an
    /// ASCII character (the common case on the start-up path).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, Self.isBlank(scalars[start]) { start = scalars.index(after: start) }
        while end > start, Self.isBlank(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        guard start < end else {
            return scalars.isEmpty ? "" : trimmingCharacters(in: .whitespaces)
        }
        // An ASCII scalar that is not a space or a tab is never trimmed, so the cut stops
        // there; any other scalar may be a space separator: Foundation knows them all.
        guard scalars[start].isASCII, scalars[scalars.index(before: end)].isASCII else {
            return trimmingCharacters(in: .whitespaces)
        }
        return String(Substring(scalars[start..<end]))
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }
}

extension String {
    /// The same as `trimmingCharacters(in: .whitespaces)`; see `Substring.trimmingWhitespace`.
    func trimmingWhitespace() -> String { self[...].trimmingWhitespace() }

    /// The same as `split(separator: separator)` for an ASCII separator, reading bytes when
    /// the text is ASCII without carriage returns (then every byte is one character).
    func splitting(on separator: Character) -> [Substring] {
        guard let byte = separator.asciiValue, utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            return split(separator: separator)
        }
        return utf8.split(separator: byte).map { Substring($0) }
    }
}
