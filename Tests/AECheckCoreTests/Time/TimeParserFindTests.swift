import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// Finding time phrases inside free text.
struct TimeParserFindTests {
    private func phrases(_ text: String) -> [String] {
        TimeParser.find(in: text, context: TimeFixtures.context()).map { String(text[$0.range]) }
    }

    @Test(arguments: [
        ("hives started 20 minutes after the drip started", ["20 minutes after the drip started"]),
        ("I've had a headache since yesterday", ["yesterday"]),
        ("no times here", []),
        (
            "my rash started 20 minutes after the drip started, since yesterday it's worse",
            ["20 minutes after the drip started", "yesterday"]
        ),
        ("it began at 10:30 a.m. and got worse about 2 hours ago.", ["10:30 a.m.", "about 2 hours ago"]),
        ("I sat in the sun on a Saturday", ["Saturday"]),
        ("took 2 pills at 10 and will call in 2 hours", []),
        ("Fever since 2026-11-21T09:15Z, chills Tuesday evening", ["2026-11-21T09:15Z", "Tuesday evening"]),
        ("café visit — dizzy since this morning", ["this morning"]),
    ])
    func findsPhrases(text: String, expected: [String]) {
        #expect(phrases(text) == expected)
    }

    @Test func findReadsEachPhrase() throws {
        let hits = TimeParser.find(
            in: "hives started 20 minutes after the drip started, worse since yesterday",
            context: TimeFixtures.context())
        try #require(hits.count == 2)
        #expect(hits[0].time.band == TimeBand(instant: TimeFixtures.date("2026-11-21T11:20:00Z")))
        #expect(
            hits[1].time.band
                == TimeBand(
                    earliest: TimeFixtures.date("2026-11-20T00:00:00Z"),
                    latest: TimeFixtures.date("2026-11-21T00:00:00Z")))
    }

    @Test func skipsPhrasesWithUnknownAnchors() {
        let context = TimeFixtures.context(withAnchors: false)
        #expect(TimeParser.find(in: "hives 20 minutes after the drip started", context: context).isEmpty)
    }

    /// Every phrase of a long text is found (its cost is measured by `Scripts/bench`, not here).
    @Test func tenThousandWordsFindEveryPhrase() {
        let sentence =
            "the patient felt fine and then hives started 20 minutes after the drip started and were worse since yesterday "
        let text = String(repeating: sentence, count: 715)
        #expect(TimeParser.find(in: text, context: TimeFixtures.context()).count == 2 * 715)
    }
}
