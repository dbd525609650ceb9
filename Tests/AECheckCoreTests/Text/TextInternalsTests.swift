import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

@Suite("Text internals")
struct TextInternalsTests {
    @Test(
        "edit distance",
        arguments: [
            ("hives", "hievs", 1, 1 as Int?), ("fever", "fewer", 1, 1), ("abc", "abc", 0, 0),
            ("swelling", "swleling", 2, 1), ("kitten", "sitting", 3, 3), ("kitten", "sitting", 2, nil),
            ("", "abc", 3, 3), ("", "abcd", 3, nil), ("ca", "abc", 3, 3),
        ])
    func editDistance(lhs: String, rhs: String, limit: Int, expected: Int?) {
        let result = EditDistance.distance(Array(lhs.unicodeScalars), Array(rhs.unicodeScalars), limit: limit)
        #expect(result == expected)
    }

    @Test("allowed edits scale with length", arguments: [(1, 0), (4, 0), (5, 1), (7, 1), (8, 2), (20, 2)])
    func allowedEdits(length: Int, expected: Int) {
        #expect(EditDistance.allowedEdits(forLength: length) == expected)
    }

    @Test(
        "word forms: regular endings give real-word stems",
        arguments: [
            ("hives", ["hives", "hive"]), ("rashes", ["rashes", "rash"]), ("has", ["has"]), ("loss", ["loss"]),
            ("bruises", ["bruises", "bruise"]), ("wheezing", ["wheezing", "wheeze"]), ("wheezy", ["wheezy", "wheeze"]),
            ("weaker", ["weaker", "weak"]), ("weakness", ["weakness", "weak"]), ("itchiness", ["itchiness", "itchy"]),
            ("stopped", ["stopped", "stop"]), ("blurred", ["blurred", "blur"]),
            ("feelings", ["feelings", "feeling", "feel"]),
            ("suddenly", ["suddenly", "sudden"]), ("dizziness", ["dizziness", "dizzy"]), ("puffy", ["puffy", "puff"]),
            // Irregular forms come from the caller's table; a kept word is its own only form.
            ("swollen", ["swollen", "swell"]), ("bled", ["bled", "bleed"]), ("liver", ["liver"]),
            // Made-up stems are never variants: "liver" and "lived" do not meet at "liv".
            ("lived", ["lived", "live"]),
        ])
    func wordForms(word: String, expected: [String]) {
        let forms = WordForms(irregular: ["swollen": "swell", "bled": "bleed"], keep: ["liver"])
        #expect(Set(forms.variants(of: word)) == Set(expected))
    }

    @Test("a lexicon word is a dictionary form: never read as a comparative or an adverb")
    func lexiconForms() {
        let forms = WordForms()
        #expect(forms.variants(of: "shoulder", typed: false) == ["shoulder"])
        #expect(forms.variants(of: "shoulder").contains("should"))
        #expect(forms.variants(of: "swelling", typed: false) == ["swelling", "swell"])
    }

    @Test("tokens, normalisation and boundaries")
    func tokens() {
        let tokens = Tokenizer.tokenize("Can’t, CANNOT: i've\nno-fever.")
        #expect(tokens.map(\.norm) == ["cant", "cant", "ive", "no", "fever"])
        #expect(tokens.map(\.boundaryBefore) == [.none, .comma, .clause, .sentence, .none])
        #expect(tokens.map(\.sentence) == [0, 0, 0, 1, 1])
    }
}
