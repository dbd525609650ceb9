import Foundation

/// How strongly the punctuation before a token separates it from the previous token.
///
/// Ordered: a later case always ends everything an earlier case ends.
/// Example: in "fever, rash" the token "rash" has `.comma` before it.
enum Boundary: Int, Comparable, Sendable {
    /// Only spaces or ignorable symbols.
    case none = 0
    /// A comma: ends a clause but may sit inside a list.
    case comma = 1
    /// A colon: ends a clause.
    case clause = 2
    /// `. ! ? ;`, an ellipsis or a line break: ends a sentence.
    case sentence = 3

    static func < (lhs: Boundary, rhs: Boundary) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One word of the input, normalised for matching.
///
/// `norm` is lowercase with apostrophes removed; "cannot" becomes "cant".
/// Example: "Can't" gives `norm == "cant"`.
struct Token: Sendable {
    /// The normalised word.
    var norm: String
    /// The span of the word in the original text.
    var range: Range<String.Index>
    /// The strongest punctuation between the previous token and this one.
    var boundaryBefore: Boundary
    /// The index of the sentence this token belongs to.
    var sentence: Int
}

/// Splits text into normalised word tokens with their original ranges.
///
/// Letters and digits form words; apostrophes inside words are dropped; everything else
/// separates words, and `, : . ; ! ?` (and line breaks) are recorded as boundaries.
/// Example: `Tokenizer.tokenize("No fever.").map(\.norm) == ["no", "fever"]`.
enum Tokenizer {
    /// Tokenizes `text`, in linear time.
    ///
    /// Never fails: any character that is not part of a word is treated as a separator.
    /// Example: `Tokenizer.tokenize("can't, cannot").map(\.norm) == ["cant", "cant"]`.
    static func tokenize(_ text: String) -> [Token] {
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

    /// Normalises a caller-supplied phrase or cue into its word sequence, ignoring punctuation.
    ///
    /// Example: `Tokenizer.words(of: "Don’t have") == ["dont", "have"]`.
    static func words(of phrase: String) -> [String] {
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
