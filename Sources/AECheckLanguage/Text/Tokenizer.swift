import Foundation

/// How strongly the punctuation before a token separates it from the previous token.
///
/// Ordered: a later case always ends everything an earlier case ends.
/// Example: in "fizz, glow" the token "glow" has `.comma` before it.
public enum Boundary: Int, Comparable, Sendable {
    /// Only spaces or ignorable symbols.
    case none = 0
    /// A comma: ends a clause but may sit inside a list.
    case comma = 1
    /// A colon: ends a clause.
    case clause = 2
    /// `. ! ? ;`, an ellipsis or a line break: ends a sentence.
    case sentence = 3

    public static func < (lhs: Boundary, rhs: Boundary) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One word of the input, normalised for matching.
///
/// `norm` is lowercase with apostrophes removed; "cannot" becomes "cant".
/// Example: "Can't" gives `norm == "cant"`.
public struct Token: Sendable {
    /// The normalised word.
    public var norm: String
    /// The span of the word in the original text.
    public var range: Range<String.Index>
    /// The strongest punctuation between the previous token and this one.
    public var boundaryBefore: Boundary
    /// The index of the sentence this token belongs to.
    public var sentence: Int
}

/// Splits text into normalised word tokens with their original ranges.
///
/// Letters and digits form words; apostrophes inside words are dropped; everything else
/// separates words, and `, : . ; ! ?` (and line breaks) are recorded as boundaries.
/// Example: `Tokenizer.tokenize("No fizz.").map(\.norm) == ["no", "fizz"]`.
public enum Tokenizer: Sendable {
    /// Tokenizes `text`, in linear time.
    ///
    /// Never fails: any character that is not part of a word is treated as a separator.
    /// Example: `Tokenizer.tokenize("can't, cannot").map(\.norm) == ["cant", "cant"]`.
    public static func tokenize(_ text: String) -> [Token] {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? tokenize(ascii: text) : tokenize(characters: text)
    }

    /// `tokenize`, character by character (any text).
    public static func tokenize(characters text: String) -> [Token] {
        var tokens: [Token] = []
        var start: String.Index?
        var end = text.startIndex
        var pending = Boundary.none
        var sentence = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character.isLetter || character.isNumber {
                if start == nil { start = index }
                end = next
            } else if start != nil, isApostrophe(character) {
                // Stays inside the word; dropped from the normalised form.
            } else {
                if let wordStart = start {
                    append(text, wordStart..<end, &pending, &sentence, to: &tokens)
                    start = nil
                }
                pending = max(pending, boundary(of: character))
            }
            index = next
        }
        if let wordStart = start {
            append(text, wordStart..<end, &pending, &sentence, to: &tokens)
        }
        return tokens
    }

    /// `tokenize` for ASCII text, byte by byte: the same tokens, without the cost of
    /// characters. In ASCII the letters are A-Z and a-z, the numbers 0-9, the apostrophe is
    /// `'`, and the line breaks are LF, VT, FF and CR (a CR LF pair is one character, but as
    /// both bytes end a sentence and neither is part of a word, reading them one by one gives
    /// the same boundary).
    public static func tokenize(ascii text: String) -> [Token] {
        let bytes = Array(text.utf8)
        let utf8 = text.utf8
        var tokens: [Token] = []
        var pending = Boundary.none
        var sentence = 0
        var word: [UInt8] = []
        var offset = 0
        while offset < bytes.count {
            guard isASCIILetterOrDigit(bytes[offset]) else {
                pending = max(pending, boundary(ascii: bytes[offset]))
                offset += 1
                continue
            }
            // A word: letters and digits, with apostrophes inside it dropped; it ends at the
            // last letter or digit.
            let start = offset
            var end = offset
            word.removeAll(keepingCapacity: true)
            while offset < bytes.count {
                let byte = bytes[offset]
                if isASCIILetterOrDigit(byte) {
                    word.append(asciiLowercased(byte))
                    end = offset + 1
                } else if byte != UInt8(ascii: "'") {
                    break
                }
                offset += 1
            }
            // Apostrophes after the last letter are skipped like any separator.
            offset = end
            if pending == .sentence, !tokens.isEmpty { sentence += 1 }
            let boundary = tokens.isEmpty ? Boundary.none : pending
            var norm = String(decoding: word, as: UTF8.self)
            if norm == "cannot" { norm = "cant" }
            let range = utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)
            tokens.append(Token(norm: norm, range: range, boundaryBefore: boundary, sentence: sentence))
            pending = .none
        }
        return tokens
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    private static func boundary(ascii byte: UInt8) -> Boundary {
        switch byte {
        case 0x0A...0x0D: .sentence
        case UInt8(ascii: ","): .comma
        case UInt8(ascii: ":"): .clause
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"): .sentence
        default: .none
        }
    }

    /// Normalises a caller-supplied phrase or cue into its word sequence, ignoring punctuation.
    ///
    /// Example: `Tokenizer.words(of: "Don’t have") == ["dont", "have"]`.
    public static func words(of phrase: String) -> [String] {
        tokenize(phrase).map(\.norm)
    }

    private static func append(
        _ text: String, _ range: Range<String.Index>, _ pending: inout Boundary, _ sentence: inout Int,
        to tokens: inout [Token]
    ) {
        if pending == .sentence, !tokens.isEmpty { sentence += 1 }
        let boundary = tokens.isEmpty ? Boundary.none : pending
        tokens.append(
            Token(norm: normalise(text[range]), range: range, boundaryBefore: boundary, sentence: sentence))
        pending = .none
    }

    private static func normalise(_ raw: Substring) -> String {
        var word = raw.lowercased()
        if word.contains(where: isApostrophe) { word.removeAll(where: isApostrophe) }
        return word == "cannot" ? "cant" : word
    }

    private static func isApostrophe(_ character: Character) -> Bool {
        switch character {
        case "'", "\u{2019}", "\u{2018}", "\u{02BC}": return true
        default: return false
        }
    }

    private static func boundary(of character: Character) -> Boundary {
        if character.isNewline { return .sentence }
        switch character {
        case ",", "\u{FF0C}", "\u{3001}": return .comma
        case ":", "\u{FF1A}": return .clause
        case ".", "!", "?", ";", "\u{2026}", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{FF1B}": return .sentence
        default: return .none
        }
    }
}
