import Foundation

extension String {
    /// The same as `trimmingCharacters(in: .whitespaces)`, without Foundation's cost when
    /// the text, once ASCII spaces and tabs are cut from both ends, starts and ends with an
    /// ASCII character (the common case on the start-up path).
    public func trimmingWhitespace() -> String {
        var text = self
        let trimmed: String? = text.withUTF8 { bytes in
            func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
            var start = 0
            var end = bytes.count
            while start < end, isBlank(bytes[start]) { start += 1 }
            while end > start, isBlank(bytes[end - 1]) { end -= 1 }
            // An ASCII character that is not a space or a tab is never trimmed, so the cut
            // stops there; any other may be a space separator: Foundation knows them all.
            guard start < end, bytes[start] < 0x80, bytes[end - 1] < 0x80 else { return nil }
            if start == 0 && end == bytes.count { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        if let trimmed { return trimmed }
        guard let first = utf8.first, let last = utf8.last else { return "" }
        let untouched = first < 0x80 && last < 0x80 && first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09
        return untouched ? self : trimmingCharacters(in: .whitespaces)
    }

    /// The same as `split(separator: separator).map(String.init)` for an ASCII separator,
    /// reading bytes when the text is ASCII without carriage returns (then every byte is one
    /// character).
    public func splitting(on separator: Character) -> [String] {
        var text = self
        let pieces: [String]? = separator.asciiValue.flatMap { byte in
            text.withUTF8 { bytes in
                guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
                var pieces: [String] = []
                var start = 0
                for index in 0..<bytes.count where bytes[index] == byte {
                    if start < index {
                        pieces.append(
                            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    }
                    start = index + 1
                }
                if start < bytes.count {
                    pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
                }
                return pieces
            }
        }
        return pieces ?? split(separator: separator).map(String.init)
    }
}

extension String {
    /// The same as `split(separator:maxSplits:omittingEmptySubsequences:)` for an ASCII
    /// separator, reading bytes when the text is ASCII without carriage returns (then every
    /// byte is one character, and the pieces are the same).
    public func pieces(
        _ separator: Character, maxSplits: Int = .max, omittingEmptySubsequences: Bool = true
    ) -> [Substring] {
        guard let byte = separator.asciiValue, utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            return split(
                separator: separator, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
        }
        return utf8.split(
            separator: byte, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences
        ).map { Substring($0) }
    }
}

extension String {
    /// `trimmingCharacters(in: set)`, without Foundation when there is nothing to cut: the text
    /// starts and ends with an ASCII byte that is not in `set` (`inSet` says which are).
    public func trimmingCharacters(in set: CharacterSet, ascii inSet: (UInt8) -> Bool) -> String {
        guard let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80, !inSet(first), !inSet(last)
        else { return trimmingCharacters(in: set) }
        return self
    }
}

extension String {
    /// Typed words in a form that compares whole: lower case, without apostrophes (so "I'm"
    /// and "im" are the same), spaces collapsed. An option's other words are kept in this form.
    public var typedForm: String {
        lowercased().filter { $0 != "'" && $0 != "\u{2019}" }.split(separator: " ").joined(separator: " ")
    }
}

extension String {
    /// `==`, comparing lengths first: a knowledge field name or condition word is compared with
    /// every word its place may hold, and most differ in length.
    public func isSameWord(as other: String) -> Bool {
        utf8.count == other.utf8.count && self == other
    }
}

extension Substring {
    /// `String.trimmingWhitespace`, for a part of a string.
    public func trimmingWhitespace() -> String { String(self).trimmingWhitespace() }
}
