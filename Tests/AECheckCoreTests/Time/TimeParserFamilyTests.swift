import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// The families of issue 14, read at Wednesday 2026-11-18 09:30 UTC (the clock the
/// evaluation set uses). Each case is (answer, earliest, latest) after clipping to now.
struct TimeParserFamilyTests {
    static let now = TimeFixtures.date("2026-11-18T09:30:00Z")
    static let utc = TimeZone(identifier: "UTC")!

    static func context() -> TimeContext { TimeFixtures.context(now: now, zone: utc, withAnchors: false) }

    static let calendarDates: [(String, String, String)] = [
        ("13th Nov", "2026-11-13T00:00:00Z", "2026-11-14T00:00:00Z"),
        ("Nov 13", "2026-11-13T00:00:00Z", "2026-11-14T00:00:00Z"),
        ("Nov. 9", "2026-11-09T00:00:00Z", "2026-11-10T00:00:00Z"),
        ("the 9th of November", "2026-11-09T00:00:00Z", "2026-11-10T00:00:00Z"),
        ("16 November 2026", "2026-11-16T00:00:00Z", "2026-11-17T00:00:00Z"),
        ("Mon 16th Nov", "2026-11-16T00:00:00Z", "2026-11-17T00:00:00Z"),
        ("the 3rd", "2026-11-03T00:00:00Z", "2026-11-04T00:00:00Z"),
        ("on the nineteenth", "2026-10-19T00:00:00Z", "2026-10-20T00:00:00Z"),
        ("13/11", "2026-11-13T00:00:00Z", "2026-11-14T00:00:00Z"),
        ("11/16", "2026-11-16T00:00:00Z", "2026-11-17T00:00:00Z"),
        ("13/11/26", "2026-11-13T00:00:00Z", "2026-11-14T00:00:00Z"),
        ("16.11.26", "2026-11-16T00:00:00Z", "2026-11-17T00:00:00Z"),
        ("21/10/26 1030", "2026-10-21T10:30:00Z", "2026-10-21T10:30:00Z"),
        ("16/11/2026 09:15", "2026-11-16T09:15:00Z", "2026-11-16T09:15:00Z"),
        ("6 November at 10am", "2026-11-06T10:00:00Z", "2026-11-06T10:00:00Z"),
        ("Tue 17/11 10:00", "2026-11-17T10:00:00Z", "2026-11-17T10:00:00Z"),
        ("Oct 26th, around lunchtime", "2026-10-26T11:30:00Z", "2026-10-26T14:30:00Z"),
    ]

    static let weeksMonthsYears: [(String, String, String)] = [
        ("last week", "2026-11-09T00:00:00Z", "2026-11-16T00:00:00Z"),
        ("the week before last", "2026-11-02T00:00:00Z", "2026-11-09T00:00:00Z"),
        ("last month", "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"),
        ("this month", "2026-11-01T00:00:00Z", "2026-11-18T09:30:00Z"),
        ("in September", "2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z"),
        ("early October", "2026-10-01T00:00:00Z", "2026-10-11T08:00:00Z"),
        ("sometime last year", "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
        ("in 2024", "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z"),
        ("summer 2025", "2025-06-01T00:00:00Z", "2025-09-01T00:00:00Z"),
        ("at christmas", "2025-12-24T00:00:00Z", "2025-12-27T00:00:00Z"),
        ("last week on the Thursday", "2026-11-12T00:00:00Z", "2026-11-13T00:00:00Z"),
        ("a fortnight ago", "2026-11-04T09:30:00Z", "2026-11-04T09:30:00Z"),
    ]

    static let openEnded: [(String, String)] = [
        ("over a year ago", "2025-11-18T09:30:00Z"),
        ("it's been over a year", "2025-11-18T09:30:00Z"),
        ("more than a month back", "2026-10-18T09:30:00Z"),
        ("years ago", "2025-11-18T09:30:00Z"),
    ]

    static let dayWithClock: [(String, String, String)] = [
        ("3 days ago at 10am", "2026-11-15T10:00:00Z", "2026-11-15T10:00:00Z"),
        ("yesterday at 10", "2026-11-17T10:00:00Z", "2026-11-17T10:00:00Z"),
        ("on Tuesday at 11", "2026-11-17T11:00:00Z", "2026-11-17T11:00:00Z"),
        ("10am two days ago", "2026-11-16T10:00:00Z", "2026-11-16T10:00:00Z"),
        ("yday 2pm", "2026-11-17T14:00:00Z", "2026-11-17T14:00:00Z"),
        ("first thing this morning", "2026-11-18T05:30:00Z", "2026-11-18T09:00:00Z"),
        ("yesterday over lunch", "2026-11-17T11:30:00Z", "2026-11-17T14:30:00Z"),
        ("in the early hours of this morning", "2026-11-18T00:00:00Z", "2026-11-18T06:00:00Z"),
    ]

    static let spokenClocks: [(String, String)] = [
        ("half 8", "2026-11-18T08:30:00Z"),
        ("half past 1", "2026-11-17T13:30:00Z"),
        ("quarter past eight", "2026-11-18T08:15:00Z"),
        ("quarter to two in the afternoon", "2026-11-17T13:45:00Z"),
        ("twenty to 9", "2026-11-18T08:40:00Z"),
        ("8 o'clock", "2026-11-18T08:00:00Z"),
        ("at 9", "2026-11-18T09:00:00Z"),
        ("0845", "2026-11-18T08:45:00Z"),
        ("1415 hrs", "2026-11-17T14:15:00Z"),
    ]

    static let misspellings: [(String, String, String)] = [
        ("yesturday", "2026-11-17T00:00:00Z", "2026-11-18T00:00:00Z"),
        ("wensday last week", "2026-11-11T00:00:00Z", "2026-11-12T00:00:00Z"),
        ("munday", "2026-11-16T00:00:00Z", "2026-11-17T00:00:00Z"),
        ("30 minuets ago", "2026-11-18T09:00:00Z", "2026-11-18T09:00:00Z"),
        ("novmber 13", "2026-11-13T00:00:00Z", "2026-11-14T00:00:00Z"),
    ]

    static let sentences: [(String, String, String)] = [
        ("3 days", "2026-11-15T09:30:00Z", "2026-11-15T09:30:00Z"),
        ("it was 3 weeks ago", "2026-10-28T09:30:00Z", "2026-10-28T09:30:00Z"),
        ("I think Tuesday", "2026-11-17T00:00:00Z", "2026-11-18T00:00:00Z"),
        ("not too sure, either Monday or Tuesday", "2026-11-16T00:00:00Z", "2026-11-18T00:00:00Z"),
        ("I've not had one since October", "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"),
    ]

    static let refusals: [(String, String)] = [
        ("10/11", "ambiguous"), ("next Tuesday", "future"), ("later today", "future"), ("25th Nov", "future"),
        ("31st November", "impossible"), ("13/13/2026", "impossible"), ("2027", "unrecognised"),
        ("it's booked for Friday", "future"), ("not yesterday", "unrecognised"),
        ("got home at 3, the drip itself was at 1 yesterday", "ambiguous"),
    ]

    private func check(_ input: String, _ earliest: String, _ latest: String) {
        let result = TimeParser.parse(input, in: Self.context())
        guard case .success(let parsed) = result else {
            Issue.record("\(input) was refused: \(result)")
            return
        }
        #expect(parsed.band.earliest == TimeFixtures.date(earliest), "\(input) earliest")
        #expect(parsed.band.latest == TimeFixtures.date(latest), "\(input) latest")
    }

    @Test(arguments: calendarDates) func dates(input: String, earliest: String, latest: String) {
        check(input, earliest, latest)
    }

    @Test(arguments: weeksMonthsYears) func periods(input: String, earliest: String, latest: String) {
        check(input, earliest, latest)
    }

    @Test(arguments: openEnded) func noLowerEnd(input: String, latest: String) {
        check(input, "1900-01-01T00:00:00Z", latest)
    }

    @Test(arguments: dayWithClock) func daysWithClockTimes(input: String, earliest: String, latest: String) {
        check(input, earliest, latest)
    }

    @Test(arguments: spokenClocks) func spokenClockTimes(input: String, instant: String) {
        check(input, instant, instant)
    }

    @Test(arguments: misspellings) func misspelt(input: String, earliest: String, latest: String) {
        check(input, earliest, latest)
    }

    @Test(arguments: sentences) func insideSentences(input: String, earliest: String, latest: String) {
        check(input, earliest, latest)
    }

    @Test(arguments: refusals) func refused(input: String, kind: String) {
        let result = TimeParser.parse(input, in: Self.context())
        guard case .failure(let refusal) = result else {
            Issue.record("\(input) was read: \(result)")
            return
        }
        let name: String
        switch refusal {
        case .empty: name = "empty"
        case .future: name = "future"
        case .impossible: name = "impossible"
        case .unknownAnchor: name = "unknownAnchor"
        case .ambiguous: name = "ambiguous"
        case .unrecognised: name = "unrecognised"
        }
        #expect(name == kind, "\(input)")
    }

    @Test func ambiguousDateIsAskedBackInTheRegionsOrder() {
        var context = Self.context()
        #expect(TimeParser.parse("10/11", in: context) == .failure(.ambiguous("10/11", ["10 Nov", "11 Oct"])))
        context.dayFirst = false
        #expect(TimeParser.parse("10/11", in: context) == .failure(.ambiguous("10/11", ["11 Oct", "10 Nov"])))
        #expect(TimeRefusal.ambiguous("10/11", ["10 Nov", "11 Oct"]).message.contains("10 Nov or 11 Oct"))
    }

    @Test func hintNamesEachFamily() {
        let message = TimeRefusal.unrecognised("banana").message
        for example in ["yesterday 10am", "3 days ago", "14 Nov", "last week"] {
            #expect(message.contains(example))
        }
    }

    /// The speller leaves real words and ambiguous misspellings alone, and takes its guard from outside.
    @Test func spellerGuard() {
        let speller = TimeSpeller.standard
        #expect(speller.correct("wensday") == "wednesday")
        #expect(speller.correct("weak") == nil)
        #expect(speller.correct("mouth") == nil)
        let strict = TimeSpeller(isKnownWord: { $0 == "munday" })
        #expect(strict.correct("munday") == nil)
    }

    @Test func unknownWords() {
        for text in ["not sure", "Don't know", "idk", "unknown", "N/K"] { #expect(TimeParser.meansUnknown(text)) }
        #expect(!TimeParser.meansUnknown("yesterday"))
    }

    /// Free text: the phrase is read whole, or the symptom gets no time.
    @Test(
        arguments: [
            ("a glow since 6 November at 10am", "2026-11-06T10:00:00Z"),
            ("a glow since next tuesday", nil),
            ("a glow since later today", nil),
            ("a glow since 31st November", nil),
            ("a glow it was a week ago on Monday", nil),
        ] as [(String, String?)])
    func scanReadsWholeOrRefuses(text: String, earliest: String?) {
        let hits = TimeParser.scan(text, context: Self.context())
        #expect(hits.count == 1, "\(text)")
        let band = try? hits.first?.outcome.get().band
        #expect(band?.earliest == earliest.map(TimeFixtures.date), "\(text)")
    }

    /// Every answer read lies in the past.
    @Test func everyReadingIsPast() {
        let all =
            Self.calendarDates.map(\.0) + Self.weeksMonthsYears.map(\.0) + Self.dayWithClock.map(\.0)
            + Self.spokenClocks.map(\.0) + Self.misspellings.map(\.0) + Self.sentences.map(\.0)
        for text in all {
            if case .success(let parsed) = TimeParser.parse(text, in: Self.context()) {
                #expect(parsed.band.latest <= Self.now, "\(text)")
            }
        }
    }
}
