import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// Time answers people type as a sentence: an amount "ago today", a time beside "right now",
/// and "during the drip".
struct TimeAnswerSentenceTests {
    /// Saturday 21 November 2026, 14:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_269_600)
    static let utc = TimeZone(identifier: "UTC")!
    static let interview = InterviewTestSupport.interview

    static func iso(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static func read(_ text: String, anchors: [String: AnchorValue] = [:], ongoing: Bool = false) -> TimeBand? {
        let context = interview.timeContext(now: now, timeZone: utc, anchors: anchors, ongoing: ongoing)
        return try? TimeParser.parse(text, in: context).get().band
    }

    @Test(
        "an amount 'ago today' is that many days back, the whole day",
        arguments: [
            ("two weeks ago today", "2026-11-07T00:00:00Z"), ("2 weeks ago today", "2026-11-07T00:00:00Z"),
            ("3 days ago today", "2026-11-18T00:00:00Z"), ("4 weeks today", "2026-10-24T00:00:00Z"),
        ])
    func agoToday(text: String, day: String) {
        let start = Self.iso(day)
        #expect(Self.read(text) == TimeBand(earliest: start, latest: start + 86_400), "\(text)")
    }

    @Test(
        "'right now' beside one other time gives that time",
        arguments: [
            "I'm having it right now, started 40 min ago", "right now, it started 40 minutes ago",
            "I'm having it now, started 40 min ago", "started 40 min ago, still having it right now",
        ])
    func rightNow(text: String) {
        let at = Self.now - 40 * 60
        #expect(Self.read(text) == TimeBand(earliest: at, latest: at), "\(text)")
    }

    @Test("'right now' alone is now, and two other times still disagree")
    func rightNowAlone() {
        #expect(Self.read("right now").map { $0.latest == Self.now } == true)
        #expect(Self.read("right now, 3 weeks ago, yesterday") == nil)
    }

    @Test("'during the drip' is the infusion from its start to its end")
    func duringTheDrip() {
        let start = Self.iso("2026-11-21T11:00:00Z")
        let anchors: [String: AnchorValue] = ["infusion-start": .known(TimeBand(instant: start))]
        // The end from the setting infusion-length (1 hour).
        #expect(
            Self.read("sometime during the drip", anchors: anchors) == TimeBand(earliest: start, latest: start + 3600))
        #expect(Self.read("during the infusion", anchors: anchors) == TimeBand(earliest: start, latest: start + 3600))
        // A given end counts; while the drip runs, it reaches now.
        var ended = anchors
        ended["infusion-end"] = .known(TimeBand(instant: start + 5400))
        #expect(Self.read("during the drip", anchors: ended) == TimeBand(earliest: start, latest: start + 5400))
        #expect(
            Self.read("during the drip", anchors: anchors, ongoing: true) == TimeBand(earliest: start, latest: Self.now)
        )
        // Without a known start it is not read (the person is asked again).
        #expect(Self.read("sometime during the drip") == nil)
    }

    @Test("a sign 'during the drip' in free text takes the infusion as its onset")
    func duringInText() {
        let start = Self.iso("2026-11-21T11:00:00Z")
        let found = Self.interview.understand(
            "I got hives during the drip", now: Self.now, timeZone: Self.utc,
            anchors: ["infusion-start": .known(TimeBand(instant: start))])
        #expect(found.first { $0.match.findingID == "hives" }?.onset == TimeBand(earliest: start, latest: start + 3600))
    }
}
