import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

@Suite("SymptomMatcher robustness")
struct SymptomMatcherRobustnessTests {
    @Test(
        "odd inputs do not crash",
        arguments: [
            "", " ", ".,;:!?", "''''", "’", "\u{0}\u{1}\u{7F}\u{1B}[31m", "🤒🤒 fever 🤮", "👨‍👩‍👧 rash",
            "e\u{301}\u{301}\u{301} hives", "\u{FEFF}\u{200B}hives\u{200D}", "\u{FFFD}\u{FFFD}",
            "no\n\n\nfever", "Ｆｅｖｅｒ", "日本語のテキスト", "نص عربي rash", String(repeating: "a", count: 5000),
            String(repeating: "no ", count: 2000), String(repeating: "'", count: 2000) + "rash",
        ])
    func oddInputs(text: String) {
        let matches = Fixtures.matcher.match(text)
        for match in matches {
            #expect(String(text[match.range]) == match.matchedText)
        }
    }

    @Test("emoji and control characters separate words")
    func emojiSeparates() {
        #expect(Fixtures.summary("🤒fever🤒") == ["fever:present"])
        #expect(Fixtures.summary("no\u{0}fever") == ["fever:absent"])
        #expect(Fixtures.summary("no\nfever") == ["fever:present"])
    }

    @Test("an empty lexicon and empty cues find nothing")
    func emptyLexicon() {
        let cues = MatcherCues(
            negationBefore: [], negationAfter: [], uncertainty: [], otherPerson: [], scopeEnds: [])
        let matcher = SymptomMatcher(entries: [LexiconEntry(phrase: "...", findingID: "x")], cues: cues)
        #expect(matcher.match("... fever ...").isEmpty)
    }

    @Test("a megabyte of text is handled")
    func megabyte() {
        let unit = "I have hives and no fever, maybe a rash; my son has a headache 🤒. "
        let text = String(repeating: unit, count: 1_000_000 / unit.utf8.count + 1)
        let matches = Fixtures.matcher.match(text)
        #expect(
            matches.map(Fixtures.describe) == [
                "hives:present", "fever:absent", "rash:unknown", "headache:present@other",
            ])
    }

    @Test(
        "work grows linearly: N copies of a text give N times the phrase spans",
        arguments: [1, 10, 100, 1000])
    func linearWork(copies: Int) {
        let unit = "Hievs and no fever, maybe a rash; my son has chest pain. "
        let text = String(repeating: unit, count: copies)
        let tokens = Tokenizer.tokenize(text)
        var fuzzy = FuzzyLookup(
            lexicon: Fixtures.matcher.lexicon, blocked: Fixtures.matcher.cueIndex.cueWords)
        let spans = Fixtures.matcher.phraseSpans(in: tokens, fuzzy: &fuzzy)
        #expect(tokens.count == 12 * copies)
        #expect(spans.count == 4 * copies)
        #expect(spans.filter { $0.correctedWords > 0 }.count == copies)
    }
}
