import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// A sign's onset band against a rule's time window (issue 13, item 8): a band wholly inside
/// or wholly outside decides the test; only a band across a limit is unknown, and then the
/// limit it straddles is the one a boundary question asks about. Whole-day answers compare by
/// calendar day against windows of a day or longer. Now is Saturday 21 November 2026,
/// 14:00 in London (UTC); the infusion started at 11:00.
struct WindowBandTests {
    typealias S = InterviewTestSupport

    static let zone = TimeZone(identifier: "Europe/London")!

    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static let now = date("2026-11-21T14:00:00Z")

    struct Case: CustomTestStringConvertible, Sendable {
        /// The condition, in the knowledge's language (a made-up sign `hives` is a real finding).
        let condition: String
        /// The onset band, `EARLIEST..LATEST` (hours and minutes on 21 November unless a full
        /// ISO time is given).
        let onset: String
        let truth: Truth
        /// The limits a boundary question would ask about, as the key suffix and the edge.
        let straddles: [String]
        /// The anchors given, `infusion-start` 11:00 unless said otherwise.
        var anchors: [String: String] = ["infusion-start": "11:00..11:00"]

        init(
            _ condition: String, _ onset: String, _ truth: Truth, straddles: [String] = [],
            anchors: [String: String]? = nil
        ) {
            self.condition = condition
            self.onset = onset
            self.truth = truth
            self.straddles = straddles
            if let anchors { self.anchors = anchors }
        }

        var testDescription: String { "\(condition) [\(onset)] -> \(truth)" }

        static func band(_ text: String) -> TimeBand {
            let ends = text.components(separatedBy: "..").map { end -> Date in
                end.contains("T") ? WindowBandTests.date(end) : WindowBandTests.date("2026-11-21T\(end):00Z")
            }
            return TimeBand(earliest: ends[0], latest: ends[1])
        }
    }

    static let cases: [Case] = [
        // Within 2 hours of the start (11:00 to 13:00).
        Case("hives onset within 2h of infusion-start", "11:30..12:30", .yes),
        Case("hives onset within 2h of infusion-start", "13:00..13:00", .yes),  // on the limit
        Case("hives onset within 2h of infusion-start", "13:01..13:40", .no),  // just after
        Case("hives onset within 2h of infusion-start", "10:00..10:59", .no),  // before the start
        Case(
            "hives onset within 2h of infusion-start", "12:15..13:45", .unknown,
            straddles: ["hives/2h after infusion-start"]),
        Case(
            "hives onset within 2h of infusion-start", "10:30..11:30", .unknown,
            straddles: ["hives at infusion-start"]),
        // After 2 hours: the same limit, the other way round.
        Case("hives onset after 2h of infusion-start", "13:01..13:40", .yes),
        Case("hives onset after 2h of infusion-start", "12:00..13:00", .no),
        Case(
            "hives onset after 2h of infusion-start", "12:15..13:45", .unknown,
            straddles: ["hives/2h after infusion-start"]),
        // During the infusion (the setting infusion-length: 1 hour, so 11:00 to 12:00), or to
        // the end given.
        Case("hives onset during infusion", "11:10..11:50", .yes),
        Case("hives onset during infusion", "12:01..12:30", .no),
        Case(
            "hives onset during infusion", "11:30..12:30", .unknown, straddles: ["hives/1h after infusion-start"]),
        Case(
            "hives onset during infusion", "11:30..12:30", .unknown, straddles: ["hives at infusion-end"],
            anchors: ["infusion-start": "11:00..11:00", "infusion-end": "12:10..12:10"]),
        // Within the last day, by the hour (13:00 yesterday is the limit).
        Case("hives onset within 1d", "2026-11-20T15:00:00Z..2026-11-20T15:00:00Z", .yes),
        Case("hives onset within 1d", "2026-11-20T13:59:00Z..2026-11-20T13:59:00Z", .no),
        Case(
            "hives onset within 1d", "2026-11-20T10:00:00Z..2026-11-20T18:00:00Z", .unknown,
            straddles: ["hives/1d ago"]),
        Case("hives onset over 1d ago", "2026-11-20T13:00:00Z..2026-11-20T13:30:00Z", .yes),
        // Whole days against day-sized windows: "yesterday" is within a day and not over a day
        // ago, at any hour now; "on Thursday" is 2 days ago, not over 2 days.
        Case("hives onset within 1d", "2026-11-20T00:00:00Z..2026-11-21T00:00:00Z", .yes),
        Case("hives onset over 1d ago", "2026-11-20T00:00:00Z..2026-11-21T00:00:00Z", .no),
        Case("hives onset within 1d", "2026-11-19T00:00:00Z..2026-11-20T00:00:00Z", .no),
        Case("hives lasting over 2d", "2026-11-19T00:00:00Z..2026-11-20T00:00:00Z", .no),
        Case("hives lasting over 2d", "2026-11-18T00:00:00Z..2026-11-19T00:00:00Z", .yes),
        // "Last week" (9 to 15 November) against "within 1 week": across the limit (14 November).
        Case(
            "hives onset within 1w", "2026-11-09T00:00:00Z..2026-11-16T00:00:00Z", .unknown,
            straddles: ["hives/1w ago"]),
        // A whole-day onset against an anchor by the hour, over a day-sized window: days.
        Case(
            "hives onset within 1d of infusion-start", "2026-11-22T00:00:00Z..2026-11-23T00:00:00Z", .no,
            anchors: ["infusion-start": "2026-11-20T10:00:00Z..2026-11-20T10:00:00Z"]),
        Case(
            "hives onset within 1d of infusion-start", "2026-11-21T00:00:00Z..2026-11-22T00:00:00Z", .yes,
            anchors: ["infusion-start": "2026-11-20T10:00:00Z..2026-11-20T10:00:00Z"]),
        // A whole-day onset against an hour window keeps the hours: the day straddles.
        Case(
            "hives onset within 2h of infusion-start", "2026-11-21T00:00:00Z..2026-11-22T00:00:00Z", .unknown,
            straddles: ["hives at infusion-start", "hives/2h after infusion-start"]),
    ]

    static func evaluate(_ test: Case) -> (Truth, [Straddle]) {
        var parser = ConditionParser(test.condition)
        guard case .success(let condition) = parser.parse() else {
            Issue.record("condition does not parse: \(test.condition)")
            return (.unknown, [])
        }
        var evidence = Evidence(now: now, timeZone: zone)
        evidence.findings["hives"] = FindingEvidence(id: "hives", status: .present)
        evidence.findings["hives"]?.onset = Case.band(test.onset)
        for (anchor, band) in test.anchors { evidence.anchors[anchor] = .known(Case.band(band)) }
        let conditions = CompiledConditions([condition], knowledge: S.knowledge)
        var evaluator = ConditionEvaluator(
            conditions: conditions, evidence: conditions.slots(of: evidence), calendar: LazyCalendar(timeZone: zone))
        return (evaluator.evaluate(rule: 0), evaluator.straddles(rule: 0))
    }

    static func describe(_ straddle: Straddle) -> String {
        let edge =
            switch straddle.edge {
            case .ago: "ago"
            case .after(let anchor): "after \(anchor)"
            case .at(let anchor): "at \(anchor)"
            }
        return straddle.keySuffix + " " + edge
    }

    @Test(arguments: cases)
    func bandAgainstWindow(_ test: Case) {
        let (truth, straddles) = Self.evaluate(test)
        #expect(truth == test.truth)
        #expect(straddles.map(Self.describe) == test.straddles)
    }

    /// Each answer to a boundary question moves the band wholly to one side of its limit, so
    /// the test is decided; "not sure" leaves it as it was.
    @Test(arguments: cases.filter { $0.truth == .unknown && $0.straddles.count == 1 })
    func answerDecides(_ test: Case) throws {
        let (_, straddles) = Self.evaluate(test)
        let straddle = try #require(straddles.first)
        var truths: [String: Truth] = [:]
        for answer in ["earlier", "later", "unsure"] {
            let narrowed = straddle.narrow(Case.band(test.onset), by: answer)
            var changed = test
            let iso = ISO8601DateFormatter()
            changed = Case(
                test.condition, iso.string(from: narrowed.earliest) + ".." + iso.string(from: narrowed.latest),
                test.truth, straddles: test.straddles, anchors: test.anchors)
            truths[answer] = Self.evaluate(changed).0
        }
        #expect(truths["earlier"] != .unknown && truths["later"] != .unknown)
        #expect(truths["earlier"] != truths["later"])
        #expect(truths["unsure"] == .unknown)
    }

    /// On the real clock: a whole-day answer gives the same truth against a day-sized window at
    /// every hour of today, and an anchor given as a day ("my last infusion was on 24 October")
    /// is 4 weeks ago, not over 4 weeks, all day long.
    @Test(arguments: [
        ("hives onset within 1d", "2026-11-20T00:00:00Z..2026-11-21T00:00:00Z", Truth.yes),
        ("hives onset over 1d ago", "2026-11-20T00:00:00Z..2026-11-21T00:00:00Z", Truth.no),
        ("hives onset within 3d", "2026-11-18T00:00:00Z..2026-11-19T00:00:00Z", Truth.yes),
        ("hives onset within 3d", "2026-11-17T00:00:00Z..2026-11-18T00:00:00Z", Truth.no),
        ("since last-infusion over 4w", "", Truth.no),
        ("since last-infusion under 4w", "", Truth.yes),
        ("since last-infusion over 27d", "", Truth.yes),
    ])
    func wholeDaysAtEveryHour(_ condition: String, _ onset: String, _ truth: Truth) throws {
        var parser = ConditionParser(condition)
        guard case .success(let parsed) = parser.parse() else {
            Issue.record("condition does not parse: \(condition)")
            return
        }
        let conditions = CompiledConditions([parsed], knowledge: S.knowledge)
        for hour in 0..<24 {
            for minute in [0, 1, 59] {
                let now = Self.date("2026-11-21T00:00:00Z") + Double(hour * 3600 + minute * 60)
                var evidence = Evidence(now: now, timeZone: Self.zone)
                if !onset.isEmpty {
                    evidence.findings["hives"] = FindingEvidence(id: "hives", status: .present)
                    evidence.findings["hives"]?.onset = Case.band(onset)
                }
                // 24 October in London is still summer time (UTC+1).
                evidence.anchors["last-infusion"] = .known(Case.band("2026-10-23T23:00:00Z..2026-10-24T23:00:00Z"))
                var evaluator = ConditionEvaluator(
                    conditions: conditions, evidence: conditions.slots(of: evidence),
                    calendar: LazyCalendar(timeZone: Self.zone))
                #expect(evaluator.evaluate(rule: 0) == truth, "\(condition) at \(hour):\(minute)")
            }
        }
    }
}
