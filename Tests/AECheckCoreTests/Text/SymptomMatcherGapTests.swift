import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// Filler words inside a phrase: "my lips feel a bit puffy" is the phrase "lips puffy".
@Suite("SymptomMatcher gap words")
struct SymptomMatcherGapTests {
    static let matcher = SymptomMatcher(
        entries: Fixtures.entries + [
            LexiconEntry(phrase: "lips puffy", findingID: "lip-swelling"),
            LexiconEntry(phrase: "eyesight blurry", findingID: "vision"),
            LexiconEntry(phrase: "neck is stiff", findingID: "stiff-neck"),
        ],
        cues: MatcherCues(
            negationBefore: Fixtures.cues.negationBefore, negationAfter: Fixtures.cues.negationAfter,
            uncertainty: Fixtures.cues.uncertainty, otherPerson: Fixtures.cues.otherPerson,
            scopeEnds: Fixtures.cues.scopeEnds,
            gapWords: ["is", "are", "feel", "feels", "a", "bit", "really", "very", "my", "not", "maybe"]))

    static func summary(_ text: String) -> [String] { matcher.match(text).map(Fixtures.describe) }

    @Test(
        "up to three filler words may sit between the words of a phrase",
        arguments: [
            ("lips puffy", ["lip-swelling:present"]),
            ("my lips feel puffy", ["lip-swelling:present"]),
            ("my lips feel a bit puffy", ["lip-swelling:present"]),
            ("my eyesight is really blurry", ["vision:present"]),
            ("my neck is really very stiff", ["stiff-neck:present"]),
            // Four fillers is too far; other words are not fillers; punctuation ends a phrase.
            ("lips feel a bit very puffy", []),
            ("lips and face puffy", []),
            ("lips. puffy", []),
        ])
    func gaps(text: String, expected: [String]) {
        #expect(Self.summary(text) == expected)
    }

    @Test(
        "a one-word cue is never skipped as filler, even when listed as one",
        arguments: [
            ("my lips are not puffy", []),
            ("lips maybe puffy", []),
            ("maybe my lips are a bit puffy", ["lip-swelling:unknown"]),
            ("no, my lips feel puffy", ["lip-swelling:present"]),
            ("my son lips are puffy", ["lip-swelling:present@other"]),
        ])
    func cues(text: String, expected: [String]) {
        #expect(Self.summary(text) == expected)
    }

    @Test("a contiguous phrase beats a gapped one over the same words")
    func contiguousFirst() {
        let matches = Self.matcher.match("my lips are swollen lips puffy")
        #expect(matches.map(\.findingID).contains("lip-swelling"))
        #expect(Self.matcher.match("lips feel puffy").first?.matchedText == "lips feel puffy")
    }
}
