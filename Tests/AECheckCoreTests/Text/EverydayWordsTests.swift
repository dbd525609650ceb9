import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// Everyday words the real knowledge's reader must place, one class per table: each row is
/// a different sentence of the class, not the sentence that showed the gap.
@Suite("Real lexicon: everyday words")
struct EverydayWordsTests {
    static let matcher = RealLexiconTests.matcher

    static func read(_ text: String) -> [String] {
        matcher.match(text).map { "\($0.findingID):\($0.status)" }.sorted()
    }

    @Test(
        "a part of the face with burning or heat is flushing; a burning chest is not",
        arguments: [
            ("my cheeks are burning", "flushing:present"),
            ("face feels hot", "flushing:present"),
            ("my forehead is on fire", "flushing:present"),
            ("my face is boiling", "flushing:present"),
        ])
    func faceHeat(text: String, expected: String) {
        #expect(Self.read(text).contains(expected), "\(text)")
    }

    @Test("a burning chest is never read as flushing")
    func chestBurning() {
        #expect(!Self.read("my chest is burning").contains("flushing:present"))
    }

    @Test(
        "typos of a word that a pseudo-trigger also holds are corrected, in a combination too",
        arguments: [
            ("my eyes look yelow", "yellow-skin-eyes:present"),
            ("eys look yelow", "yellow-skin-eyes:present"),
            ("skin has gone yelllow", "yellow-skin-eyes:present"),
        ])
    func pseudoWordTypos(text: String, expected: String) {
        #expect(Self.read(text).contains(expected), "\(text)")
    }

    @Test(
        "floaters and specks in the eye are a change in sight",
        arguments: [
            ("full of floating specks", "vision-change:present"),
            ("specks in my vision", "vision-change:present"),
            ("cobwebs floating across my eye", "vision-change:present"),
        ])
    func eyes(text: String, expected: String) {
        #expect(Self.read(text).contains(expected), "\(text)")
    }

    @Test(
        "a period heavier than usual is a bleeding sign",
        arguments: [
            "heavy period", "my periods are much heavier", "bleeding a lot with my period",
            "flooding through pads", "soaking a tampon every hour", "my period has clots and is pouring",
        ])
    func periods(text: String) {
        #expect(Self.read(text).contains("heavy-periods:present"), "\(text)")
    }

    @Test(
        "British words for dashing to the toilet are diarrhoea; going to pee is not",
        arguments: [
            ("running to the loo", "diarrhoea:present"),
            ("rushing to the toilet", "diarrhoea:present"),
            ("stuck on the loo", "diarrhoea:present"),
            ("on the toilet all morning", "diarrhoea:present"),
            ("running to the loo to pee", "urinary-frequency:present"),
        ])
    func toilet(text: String, expected: String) {
        #expect(Self.read(text).contains(expected), "\(text)")
    }

    @Test(
        "pregnancy and breastfeeding are read, with their doubt and negation",
        arguments: [
            ("just found out I'm pregnant", "pregnancy-told:present"),
            ("we're trying for a baby", "pregnancy-told:present"),
            ("I think I might be pregnant", "pregnancy-told:unknown"),
            ("I'm not pregnant", "pregnancy-told:absent"),
            ("I'm breastfeeding my 3 month old", "breastfeeding-told:present"),
            ("still breast feeding", "breastfeeding-told:present"),
        ])
    func pregnancy(text: String, expected: String) {
        #expect(Self.read(text).contains(expected), "\(text)")
    }
}
