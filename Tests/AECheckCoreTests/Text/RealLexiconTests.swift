import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// The real knowledge's reader against the whole English word list.
@Suite("Real lexicon: the real-word guard")
struct RealLexiconTests {
    static let knowledge = KnowledgeLoader.loadEmbedded().knowledge!
    static let matcher = Interview.makeMatcher(knowledge)

    @Test("no English word alone is ever typo-corrected into a finding")
    func noRealWordCorrected() {
        var corrected: [String] = []
        for word in EnglishWords.all where Self.matcher.match(word).contains(where: \.corrected) {
            corrected.append(word)
        }
        #expect(corrected == [])
    }

    @Test(
        "real words that look like symptom words stay themselves",
        arguments: [
            "a bit of a headache since my infusion", "single", "gives", "conversion", "tainted", "pointing",
            "printing", "omitting", "couch", "breezing", "expressed", "I live alone", "should I worry",
        ])
    func realWordsAreNotEmergencies(text: String) {
        let emergency = Set(Self.knowledge.questions["emergency-screen"]?.findings ?? [])
        let found = Self.matcher.match(text).filter { $0.status == .present && emergency.contains($0.findingID) }
        #expect(found.map(\.findingID) == [], "\(text)")
    }

    @Test("the embedded English list is sorted, holds real words and no misspellings")
    func englishList() {
        #expect(EnglishWords.contains("infusion"))
        #expect(EnglishWords.contains("gives"))
        #expect(!EnglishWords.contains("braething"))
        #expect(!EnglishWords.contains(""))
        #expect(EnglishWords.all.count > 80_000)
        #expect(
            EnglishWords.all
                == EnglishWords.all.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }))
    }
}
