import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// Midnight roll-over, DST transitions in London and other time zones.
struct TimeParserCalendarEdgeTests {
    private static func check(_ rows: [(String, String, String)], now: String, zone: TimeZone) {
        let context = TimeFixtures.context(now: TimeFixtures.date(now), zone: zone)
        for (input, earliest, latest) in rows {
            let expected = TimeBand(earliest: TimeFixtures.date(earliest), latest: TimeFixtures.date(latest))
            #expect(TimeFixtures.band(input, in: context) == expected, "\(input) at \(now)")
        }
    }

    /// Just after midnight: 00:20 on Sunday 2026-11-22.
    @Test(arguments: [
        ("23:50", "2026-11-21T23:50:00Z", "2026-11-21T23:50:00Z"),
        ("00:10", "2026-11-22T00:10:00Z", "2026-11-22T00:10:00Z"),
        ("last night", "2026-11-21T20:00:00Z", "2026-11-22T00:20:00Z"),
        ("tonight", "2026-11-21T20:00:00Z", "2026-11-22T00:20:00Z"),
        ("yesterday", "2026-11-21T00:00:00Z", "2026-11-22T00:00:00Z"),
        ("30 minutes ago", "2026-11-21T23:50:00Z", "2026-11-21T23:50:00Z"),
        ("saturday", "2026-11-21T00:00:00Z", "2026-11-22T00:00:00Z"),
    ])
    func justAfterMidnight(input: String, earliest: String, latest: String) {
        Self.check([(input, earliest, latest)], now: "2026-11-22T00:20:00Z", zone: TimeFixtures.london)
    }

    @Test func midnightAlternativeIsTwoDaysBack() throws {
        let context = TimeFixtures.context(now: TimeFixtures.date("2026-11-22T00:20:00Z"))
        let parsed = try TimeParser.parse("23:50", in: context).get()
        #expect(parsed.alternative == TimeBand(instant: TimeFixtures.date("2026-11-20T23:50:00Z")))
        #expect(parsed.note == "read 23:50 as yesterday at 23:50")
    }

    /// Spring forward: clocks jumped 01:00 GMT -> 02:00 BST on 2026-03-29; now is 02:05 BST.
    @Test(arguments: [
        ("yesterday 3pm", "2026-03-28T15:00:00Z", "2026-03-28T15:00:00Z"),
        ("3 days ago", "2026-03-26T02:05:00Z", "2026-03-26T02:05:00Z"),
        ("00:30", "2026-03-29T00:30:00Z", "2026-03-29T00:30:00Z"),
        ("yesterday", "2026-03-28T00:00:00Z", "2026-03-29T00:00:00Z"),
        ("last night", "2026-03-28T20:00:00Z", "2026-03-29T01:05:00Z"),
        ("2 hours ago", "2026-03-28T23:05:00Z", "2026-03-28T23:05:00Z"),
    ])
    func justAfterSpringForward(input: String, earliest: String, latest: String) {
        Self.check([(input, earliest, latest)], now: "2026-03-29T01:05:00Z", zone: TimeFixtures.london)
    }

    /// Later on spring-forward day (10:00 BST): a calendar day back keeps the local clock time.
    @Test(arguments: [
        ("3 days ago", "2026-03-26T10:00:00Z", "2026-03-26T10:00:00Z"),
        ("today", "2026-03-29T00:00:00Z", "2026-03-29T09:00:00Z"),
        ("9:30", "2026-03-29T08:30:00Z", "2026-03-29T08:30:00Z"),
        // 01:30 does not exist that day; the valid reading is 02:30 BST.
        ("01:30", "2026-03-29T01:30:00Z", "2026-03-29T01:30:00Z"),
    ])
    func springForwardDay(input: String, earliest: String, latest: String) {
        Self.check([(input, earliest, latest)], now: "2026-03-29T09:00:00Z", zone: TimeFixtures.london)
    }

    /// Fall back: clocks went 02:00 BST -> 01:00 GMT on 2026-10-25; now is 10:00 GMT.
    @Test(arguments: [
        ("yesterday 3pm", "2026-10-24T14:00:00Z", "2026-10-24T14:00:00Z"),
        ("3 days ago", "2026-10-22T09:00:00Z", "2026-10-22T09:00:00Z"),
        ("yesterday", "2026-10-23T23:00:00Z", "2026-10-24T23:00:00Z"),
        ("today", "2026-10-24T23:00:00Z", "2026-10-25T10:00:00Z"),
        ("01:30", "2026-10-25T00:30:00Z", "2026-10-25T00:30:00Z"),
        ("last night", "2026-10-24T19:00:00Z", "2026-10-25T06:00:00Z"),
    ])
    func fallBackDay(input: String, earliest: String, latest: String) {
        Self.check([(input, earliest, latest)], now: "2026-10-25T10:00:00Z", zone: TimeFixtures.london)
    }

    @Test func fallBackAlternativeUsesCalendarDays() throws {
        let context = TimeFixtures.context(now: TimeFixtures.date("2026-10-25T10:00:00Z"))
        let parsed = try TimeParser.parse("01:30", in: context).get()
        // 01:30 BST on the 24th, which is 25 hours (not 24) before the chosen reading.
        #expect(parsed.alternative == TimeBand(instant: TimeFixtures.date("2026-10-24T00:30:00Z")))
    }

    /// New York, 09:00 EST on 2026-11-21.
    @Test(arguments: [
        ("10:30", "2026-11-20T15:30:00Z", "2026-11-20T15:30:00Z"),
        ("yesterday", "2026-11-20T05:00:00Z", "2026-11-21T05:00:00Z"),
        ("2026-11-21T08:30", "2026-11-21T13:30:00Z", "2026-11-21T13:30:00Z"),
        ("2026-11-21T08:30:00Z", "2026-11-21T08:30:00Z", "2026-11-21T08:30:00Z"),
        ("this morning", "2026-11-21T10:00:00Z", "2026-11-21T14:00:00Z"),
    ])
    func otherTimeZone(input: String, earliest: String, latest: String) {
        Self.check([(input, earliest, latest)], now: "2026-11-21T14:00:00Z", zone: TimeFixtures.newYork)
    }
}
