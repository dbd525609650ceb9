import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// Every accepted form, read at Saturday 2026-11-21 14:00 London (GMT), infusion start 11:00.
struct TimeParserFormTests {
    static let clockForms: [(String, String, String)] = [
        ("10:30", "2026-11-21T10:30:00Z", "2026-11-21T10:30:00Z"),
        ("10.30", "2026-11-21T10:30:00Z", "2026-11-21T10:30:00Z"),
        ("10:30am", "2026-11-21T10:30:00Z", "2026-11-21T10:30:00Z"),
        ("  10:30 AM.  ", "2026-11-21T10:30:00Z", "2026-11-21T10:30:00Z"),
        ("10:30 pm", "2026-11-20T22:30:00Z", "2026-11-20T22:30:00Z"),
        ("10am", "2026-11-21T10:00:00Z", "2026-11-21T10:00:00Z"),
        ("3pm", "2026-11-20T15:00:00Z", "2026-11-20T15:00:00Z"),
        ("3 pm", "2026-11-20T15:00:00Z", "2026-11-20T15:00:00Z"),
        ("3 p.m.", "2026-11-20T15:00:00Z", "2026-11-20T15:00:00Z"),
        ("noon", "2026-11-21T12:00:00Z", "2026-11-21T12:00:00Z"),
        ("midnight", "2026-11-21T00:00:00Z", "2026-11-21T00:00:00Z"),
        ("22:15", "2026-11-20T22:15:00Z", "2026-11-20T22:15:00Z"),
        ("12am", "2026-11-21T00:00:00Z", "2026-11-21T00:00:00Z"),
        ("12pm", "2026-11-21T12:00:00Z", "2026-11-21T12:00:00Z"),
        ("14:00", "2026-11-21T14:00:00Z", "2026-11-21T14:00:00Z"),
        ("8 in the evening", "2026-11-20T20:00:00Z", "2026-11-20T20:00:00Z"),
    ]

    static let relativeForms: [(String, String, String)] = [
        ("2 hours ago", "2026-11-21T12:00:00Z", "2026-11-21T12:00:00Z"),
        ("  2 Hours Ago.  ", "2026-11-21T12:00:00Z", "2026-11-21T12:00:00Z"),
        ("2h ago", "2026-11-21T12:00:00Z", "2026-11-21T12:00:00Z"),
        ("45 min ago", "2026-11-21T13:15:00Z", "2026-11-21T13:15:00Z"),
        ("45 mins ago", "2026-11-21T13:15:00Z", "2026-11-21T13:15:00Z"),
        ("45 minutes ago", "2026-11-21T13:15:00Z", "2026-11-21T13:15:00Z"),
        ("45min ago", "2026-11-21T13:15:00Z", "2026-11-21T13:15:00Z"),
        ("forty-five minutes ago", "2026-11-21T13:15:00Z", "2026-11-21T13:15:00Z"),
        ("twenty minutes ago", "2026-11-21T13:40:00Z", "2026-11-21T13:40:00Z"),
        ("an hour ago", "2026-11-21T13:00:00Z", "2026-11-21T13:00:00Z"),
        ("a few minutes ago", "2026-11-21T13:50:00Z", "2026-11-21T13:58:00Z"),
        ("half an hour ago", "2026-11-21T13:30:00Z", "2026-11-21T13:30:00Z"),
        ("an hour and a half ago", "2026-11-21T12:30:00Z", "2026-11-21T12:30:00Z"),
        ("one and a half hours ago", "2026-11-21T12:30:00Z", "2026-11-21T12:30:00Z"),
        ("1.5 hours ago", "2026-11-21T12:30:00Z", "2026-11-21T12:30:00Z"),
        ("90 minutes ago", "2026-11-21T12:30:00Z", "2026-11-21T12:30:00Z"),
        ("2 hours and 30 minutes ago", "2026-11-21T11:30:00Z", "2026-11-21T11:30:00Z"),
        ("1 hour 20 minutes ago", "2026-11-21T12:40:00Z", "2026-11-21T12:40:00Z"),
        ("3 days ago", "2026-11-18T14:00:00Z", "2026-11-18T14:00:00Z"),
        ("a week ago", "2026-11-14T14:00:00Z", "2026-11-14T14:00:00Z"),
        ("2 weeks ago", "2026-11-07T14:00:00Z", "2026-11-07T14:00:00Z"),
        // A calendar month back lands in BST: 14:00 local is 13:00 UTC.
        ("a month ago", "2026-10-21T13:00:00Z", "2026-10-21T13:00:00Z"),
        ("a couple of hours ago", "2026-11-21T11:30:00Z", "2026-11-21T12:30:00Z"),
        ("just now", "2026-11-21T13:55:00Z", "2026-11-21T14:00:00Z"),
    ]

    static let dayForms: [(String, String, String)] = [
        ("yesterday", "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z"),
        ("yesterday 3pm", "2026-11-20T15:00:00Z", "2026-11-20T15:00:00Z"),
        ("YESTERDAY 3PM", "2026-11-20T15:00:00Z", "2026-11-20T15:00:00Z"),
        ("yesterday at 15:00", "2026-11-20T15:00:00Z", "2026-11-20T15:00:00Z"),
        ("3pm yesterday", "2026-11-20T15:00:00Z", "2026-11-20T15:00:00Z"),
        ("yesterday morning", "2026-11-20T05:00:00Z", "2026-11-20T12:00:00Z"),
        ("yesterday afternoon", "2026-11-20T12:00:00Z", "2026-11-20T17:00:00Z"),
        ("yesterday evening", "2026-11-20T17:00:00Z", "2026-11-20T22:00:00Z"),
        ("yesterday evening at 8", "2026-11-20T20:00:00Z", "2026-11-20T20:00:00Z"),
        ("this morning", "2026-11-21T05:00:00Z", "2026-11-21T12:00:00Z"),
        ("this afternoon", "2026-11-21T12:00:00Z", "2026-11-21T14:00:00Z"),
        ("last night", "2026-11-20T20:00:00Z", "2026-11-21T06:00:00Z"),
        ("last night at 11pm", "2026-11-20T23:00:00Z", "2026-11-20T23:00:00Z"),
        ("last night at 2am", "2026-11-21T02:00:00Z", "2026-11-21T02:00:00Z"),
        ("today", "2026-11-21T00:00:00Z", "2026-11-21T14:00:00Z"),
        ("the day before yesterday", "2026-11-19T00:00:00Z", "2026-11-20T00:00:00Z"),
        ("on Tuesday", "2026-11-17T00:00:00Z", "2026-11-18T00:00:00Z"),
        ("tuesday", "2026-11-17T00:00:00Z", "2026-11-18T00:00:00Z"),
        ("tues", "2026-11-17T00:00:00Z", "2026-11-18T00:00:00Z"),
        ("tuesday 10am", "2026-11-17T10:00:00Z", "2026-11-17T10:00:00Z"),
        ("last tuesday", "2026-11-17T00:00:00Z", "2026-11-18T00:00:00Z"),
        ("saturday", "2026-11-21T00:00:00Z", "2026-11-21T14:00:00Z"),
        ("last saturday", "2026-11-14T00:00:00Z", "2026-11-15T00:00:00Z"),
        ("friday night", "2026-11-20T20:00:00Z", "2026-11-21T06:00:00Z"),
    ]

    static let anchorAndLeadForms: [(String, String, String)] = [
        ("20 minutes after it started", "2026-11-21T11:20:00Z", "2026-11-21T11:20:00Z"),
        ("2 hours after the drip started", "2026-11-21T13:00:00Z", "2026-11-21T13:00:00Z"),
        ("an hour after the infusion started", "2026-11-21T12:00:00Z", "2026-11-21T12:00:00Z"),
        ("30 minutes before the drip started", "2026-11-21T10:30:00Z", "2026-11-21T10:30:00Z"),
        ("a few minutes after the drip started", "2026-11-21T11:02:00Z", "2026-11-21T11:10:00Z"),
        ("since the drip started", "2026-11-21T11:00:00Z", "2026-11-21T11:00:00Z"),
        ("since yesterday", "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z"),
        ("since this morning", "2026-11-21T05:00:00Z", "2026-11-21T12:00:00Z"),
        ("since 10am", "2026-11-21T10:00:00Z", "2026-11-21T10:00:00Z"),
        ("since Tuesday", "2026-11-17T00:00:00Z", "2026-11-18T00:00:00Z"),
        ("started 3 days ago", "2026-11-18T14:00:00Z", "2026-11-18T14:00:00Z"),
        ("it started 2 hours ago", "2026-11-21T12:00:00Z", "2026-11-21T12:00:00Z"),
        ("at 10:30", "2026-11-21T10:30:00Z", "2026-11-21T10:30:00Z"),
    ]

    static let isoForms: [(String, String, String)] = [
        ("2026-11-21T10:30", "2026-11-21T10:30:00Z", "2026-11-21T10:30:00Z"),
        ("2026-11-21T10:30:00Z", "2026-11-21T10:30:00Z", "2026-11-21T10:30:00Z"),
        ("2026-11-21T10:30:00+01:00", "2026-11-21T09:30:00Z", "2026-11-21T09:30:00Z"),
        ("2026-11-21T10:30:00.250-0200", "2026-11-21T12:30:00Z", "2026-11-21T12:30:00Z"),
        ("2026-11-21 10:30", "2026-11-21T10:30:00Z", "2026-11-21T10:30:00Z"),
        ("2026-11-21", "2026-11-21T00:00:00Z", "2026-11-21T14:00:00Z"),
        ("2026-11-20", "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z"),
        // Mid-July is BST in London: local midnight is 23:00 UTC the day before.
        ("2026-07-14", "2026-07-13T23:00:00Z", "2026-07-14T23:00:00Z"),
    ]

    static let approximateForms: [(String, String, String)] = [
        ("about 3 days ago", "2026-11-17T14:00:00Z", "2026-11-19T14:00:00Z"),
        ("about 2 hours ago", "2026-11-21T11:30:00Z", "2026-11-21T12:30:00Z"),
        ("around 10:30", "2026-11-21T10:00:00Z", "2026-11-21T11:00:00Z"),
        ("~45 min ago", "2026-11-21T13:03:45Z", "2026-11-21T13:26:15Z"),
        ("roughly 10 minutes ago", "2026-11-21T13:45:00Z", "2026-11-21T13:55:00Z"),
        ("approx. 1 hour ago", "2026-11-21T12:45:00Z", "2026-11-21T13:15:00Z"),
        ("approximately 1 hour ago", "2026-11-21T12:45:00Z", "2026-11-21T13:15:00Z"),
        ("maybe yesterday", "2026-11-19T00:00:00Z", "2026-11-21T14:00:00Z"),
        ("about 13:50", "2026-11-21T13:20:00Z", "2026-11-21T14:00:00Z"),
        ("10:30ish", "2026-11-21T10:00:00Z", "2026-11-21T11:00:00Z"),
        ("2 hours ago or so", "2026-11-21T11:30:00Z", "2026-11-21T12:30:00Z"),
        ("2 hours or so ago", "2026-11-21T11:30:00Z", "2026-11-21T12:30:00Z"),
        ("yesterday at about 3pm", "2026-11-20T14:30:00Z", "2026-11-20T15:30:00Z"),
        ("about 2 weeks ago", "2026-11-03T14:00:00Z", "2026-11-11T14:00:00Z"),
        ("since about 20 minutes after the drip started", "2026-11-21T11:15:00Z", "2026-11-21T11:25:00Z"),
    ]

    private func check(_ input: String, _ earliest: String, _ latest: String) {
        let result = TimeParser.parse(input, in: TimeFixtures.context())
        guard case .success(let parsed) = result else {
            Issue.record("\(input) was refused: \(result)")
            return
        }
        #expect(parsed.band.earliest == TimeFixtures.date(earliest), "\(input) earliest")
        #expect(parsed.band.latest == TimeFixtures.date(latest), "\(input) latest")
    }

    @Test(arguments: clockForms)
    func clockTimes(input: String, earliest: String, latest: String) {
        check(input, earliest, latest)
    }

    @Test(arguments: relativeForms)
    func relativeAmounts(input: String, earliest: String, latest: String) {
        check(input, earliest, latest)
    }

    @Test(arguments: dayForms)
    func namedDays(input: String, earliest: String, latest: String) {
        check(input, earliest, latest)
    }

    @Test(arguments: anchorAndLeadForms)
    func anchorsAndLeadWords(input: String, earliest: String, latest: String) {
        check(input, earliest, latest)
    }

    @Test(arguments: isoForms)
    func iso8601(input: String, earliest: String, latest: String) {
        check(input, earliest, latest)
    }

    @Test(arguments: approximateForms)
    func approximations(input: String, earliest: String, latest: String) {
        check(input, earliest, latest)
    }

    /// Only a bare clock time is a choice between two days.
    @Test(arguments: [
        ("10:30", true), ("3pm", true), ("noon", true), ("about 10:30", true), ("yesterday 3pm", false),
        ("2 hours ago", false), ("2026-11-21T10:30", false), ("yesterday", false), ("tuesday 10am", false),
        ("20 minutes after it started", false),
    ])
    func alternativeOnlyForBareClockTimes(input: String, hasAlternative: Bool) throws {
        let parsed = try TimeParser.parse(input, in: TimeFixtures.context()).get()
        #expect((parsed.alternative != nil) == hasAlternative)
        #expect((parsed.note != nil) == hasAlternative)
    }

    @Test func bareClockAlternativeIsTheDayBefore() throws {
        let today = try TimeParser.parse("10:30", in: TimeFixtures.context()).get()
        #expect(today.alternative == TimeBand(instant: TimeFixtures.date("2026-11-20T10:30:00Z")))
        #expect(today.note == "read 10:30 as today at 10:30")
        let yesterday = try TimeParser.parse("3pm", in: TimeFixtures.context()).get()
        #expect(yesterday.band == TimeBand(instant: TimeFixtures.date("2026-11-20T15:00:00Z")))
        #expect(yesterday.alternative == TimeBand(instant: TimeFixtures.date("2026-11-19T15:00:00Z")))
        #expect(yesterday.note == "read 3pm as yesterday at 15:00")
    }
}
