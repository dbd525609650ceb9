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
        "plural variants",
        arguments: [
            ("hives", ["hives", "hive"]), ("rashes", ["rashes", "rashe", "rash"]), ("has", ["has"]),
            ("loss", ["loss"]), ("boxes", ["boxes", "boxe", "box"]),
            ("bruises", ["bruises", "bruise", "bruis"]),
        ])
    func variants(word: String, expected: [String]) {
        #expect(WordForms.variants(of: word) == expected)
    }

    @Test("tokens, normalisation and boundaries")
    func tokens() {
        let tokens = Tokenizer.tokenize("Can’t, CANNOT: i've\nno-fever.")
        #expect(tokens.map(\.norm) == ["cant", "cant", "ive", "no", "fever"])
        #expect(tokens.map(\.boundaryBefore) == [.none, .comma, .clause, .sentence, .none])
        #expect(tokens.map(\.sentence) == [0, 0, 0, 1, 1])
    }
}
