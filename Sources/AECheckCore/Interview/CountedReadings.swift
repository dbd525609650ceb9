import AECheckLanguage
import Foundation

/// Counts a person types next to a sign ("fizz more than ten times today", "the lamp flickered 8
/// times since this morning") that make it the graver sign the knowledge names.
///
/// The knowledge names everything: each sign, the graver sign and the count from which it
/// holds (`counted-findings`, as `fizz > loud-fizz at 6`), and the words that mark
/// a count (`count-words`, such as "times"). The code only finds the number before a count
/// word in the sign's clause and compares it.
struct CountedReadings: Sendable {
    struct Escalation: Sendable {
        var graver: String
        var from: Double
    }

    let escalations: [String: Escalation]
    let countWords: Set<String>

    init?(_ knowledge: KnowledgeBase) {
        var escalations: [String: Escalation] = [:]
        for item in knowledge.list("counted-findings") {
            // "fizz > loud-fizz at 6"
            let parts = item.split(separator: " ").map(String.init)
            guard parts.count == 5, parts[1] == ">", parts[3] == "at", let from = Double(parts[4]) else { continue }
            escalations[parts[0]] = Escalation(graver: parts[2], from: from)
        }
        let words = Set(knowledge.list("count-words").flatMap { Tokenizer.words(of: $0) })
        guard !escalations.isEmpty, !words.isEmpty else { return nil }
        self.escalations = escalations
        self.countWords = words
    }

    /// The graver sign a present match of a counted sign becomes, or nil when its clause
    /// holds no count at or above the knowledge's.
    func graver(than match: TextMatch, in text: String) -> String? {
        guard match.status == .present, let escalation = escalations[match.findingID] else { return nil }
        let clause = Self.clause(of: text, around: match.range)
        let tokens = Tokenizer.tokenize(clause).map(\.norm)
        for (index, word) in tokens.enumerated() where index > 0 && countWords.contains(word) {
            // "ten times", "10 times", "twenty five times"
            var value = Self.value(tokens[index - 1])
            if index > 1, let ones = TimeVocabulary.digitWord(tokens[index - 1]),
                TimeVocabulary.isTens(tokens[index - 2])
            {
                value = (TimeVocabulary.number(tokens[index - 2]) ?? 0) + ones
            }
            if let value, value >= escalation.from { return escalation.graver }
        }
        return nil
    }

    private static func value(_ word: String) -> Double? {
        if let number = Double(word), number.isFinite { return number }
        return TimeVocabulary.number(word)
    }

    /// The clause holding `range`, and the one after it when only a comma parts them ("the
    /// runs, about ten times"): from the punctuation before to the punctuation after.
    static func clause(of text: String, around range: Range<String.Index>) -> String {
        let stops: Set<Character> = [",", ";", ".", "!", "?", "\n"]
        var start = range.lowerBound
        while start > text.startIndex, !stops.contains(text[text.index(before: start)]) {
            start = text.index(before: start)
        }
        var end = range.upperBound
        while end < text.endIndex, !stops.contains(text[end]) { end = text.index(after: end) }
        if end < text.endIndex, text[end] == "," {
            end = text.index(after: end)
            while end < text.endIndex, !stops.contains(text[end]) { end = text.index(after: end) }
        }
        return String(text[start..<end])
    }
}
