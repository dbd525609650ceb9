import Foundation

extension TimeTokenizer {
    /// Tokenizes `text` and reads shorthand and misspellings as the time words they stand for.
    ///
    /// Tokens keep their place in the text; only what they say changes: "2day" becomes one
    /// word "today", "y'day" "yesterday", "three-ish" the words "three" and "ish", "@" the word
    /// "at", and a misspelt time word the word `speller` finds.
    ///
    ///     TimeTokenizer.tokenize("yday @ 10ish", speller: .standard).compactMap(\.word)
    ///     // ["yesterday", "at", "ish"]
    public static func tokenize(_ text: String, speller: TimeSpeller) -> [TimeToken] {
        let raw = tokenize(text)
        var tokens: [TimeToken] = []
        tokens.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            var token = raw[index]
            if index + 1 < raw.count, raw[index + 1].range.lowerBound == token.range.upperBound,
                let alias = TimeVocabulary.aliases[(spelling(token) + spelling(raw[index + 1])).lowercased()]
            {
                tokens.append(
                    TimeToken(kind: .word(alias), range: token.range.lowerBound..<raw[index + 1].range.upperBound))
                index += 2
                continue
            }
            if case .symbol("@") = token.kind { token.kind = .word("at") }
            if case .word(var word) = token.kind {
                if word.unicodeScalars.contains("\u{2019}") {
                    word = word.replacingOccurrences(of: "\u{2019}", with: "'")
                }
                if let alias = TimeVocabulary.aliases[word] {
                    token.kind = .word(alias)
                } else if let split = splitSuffix(word, token: token, in: text) {
                    tokens.append(contentsOf: split)
                    index += 1
                    continue
                } else if !TimeVocabulary.isTimeWord(word),
                    let corrected = speller.correct(word, afterNumber: tokens.last.map(Self.isNumber) ?? false)
                {
                    token.kind = .word(corrected)
                } else {
                    token.kind = .word(word)
                }
            }
            tokens.append(token)
            index += 1
        }
        return tokens
    }

    private static func isNumber(_ token: TimeToken) -> Bool {
        if case .number = token.kind { return true }
        return false
    }

    private static func spelling(_ token: TimeToken) -> String {
        switch token.kind {
        case .word(let word): return word
        case .number(let digits): return digits
        case .iso(let stamp): return stamp.text
        case .symbol(let symbol): return String(symbol)
        }
    }

    /// "three-ish" as "three" and "ish"; "twenty-odd" as "twenty" and "odd".
    private static func splitSuffix(_ word: String, token: TimeToken, in text: String) -> [TimeToken]? {
        for suffix in ["-ish", "-odd"] where word.hasSuffix(suffix) && word.count > suffix.count {
            let stem = String(word.dropLast(suffix.count))
            let cut = text.utf8.index(token.range.upperBound, offsetBy: -suffix.utf8.count)
            let stemWord = TimeVocabulary.aliases[stem] ?? stem
            return [
                TimeToken(kind: .word(stemWord), range: token.range.lowerBound..<cut),
                TimeToken(
                    kind: .word(String(suffix.dropFirst())), range: text.utf8.index(after: cut)..<token.range.upperBound
                ),
            ]
        }
        return nil
    }
}

extension TimeVocabulary {
    /// Whether the grammar knows `word` as it stands (so the speller leaves it alone).
    public static func isTimeWord(_ word: String) -> Bool {
        units[word] != nil || weekdays[word] != nil || weekdayAbbreviations[word] != nil || months[word] != nil
            || parts[word] != nil || number(word) != nil || ordinals[word] != nil || seasons[word] != nil
            || approximators.contains(word) || leads.contains(word) || extraWords.contains(word)
    }

    /// Other words the grammar reads.
    static let extraWords: Set<String> = [
        "today", "yesterday", "tomorrow", "tonight", "ago", "back", "last", "next", "this", "noon", "midday",
        "midnight", "half", "quarter", "past", "after", "before", "fortnight", "fortnights", "lunchtime",
        "lunch", "teatime", "tea", "christmas", "early", "late", "mid", "middle", "start", "end", "week",
    ]
}
