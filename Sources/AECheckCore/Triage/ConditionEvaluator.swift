import AECheckLanguage
import Foundation

/// Evaluates a rule's condition against evidence, remembering what made it true.
///
/// Findings never mentioned are false; "not sure" answers, onsets nobody gave and anchors
/// answered "I don't know" are unknown. Time bands that straddle a boundary are unknown,
/// so a rule at or above `assume-unknown-from` takes the more urgent side.
///
/// It reads conditions compiled with `CompiledConditions` and the evidence by slot.
struct ConditionEvaluator {
    let conditions: CompiledConditions
    /// `conditions.nodes`, held here for the evaluation loop.
    private let nodes: [ConditionNode]
    let evidence: EvidenceSlots
    /// The calendar for span arithmetic, made only if a rule needs it.
    let calendars: LazyCalendar
    /// Slots of the findings that counted towards the result (present or unknown), in order.
    private(set) var usedSlots: [Int] = []
    /// What was not known but mattered, in order.
    private(set) var notes: [UnknownNote] = []
    /// Slots of findings missing from the evidence that count as answered "not sure" (a
    /// hypothetical without copying the evidence): the evaluation is as if each were in the
    /// evidence with status unknown and nothing else known.
    private(set) var assumedUnknown: [Int] = []
    /// Slots of facts and anchors missing from the evidence that count as answered "not sure"
    /// ("I don't know" for an anchor), the same kind of hypothetical.
    private(set) var assumedUnsureFacts: [Int] = []
    private(set) var assumedUnsureAnchors: [Int] = []

    /// An evaluator sharing a calendar in the evidence's time zone (calendars are costly to
    /// make, and relevance makes many evaluations per step).
    init(conditions: CompiledConditions, evidence: EvidenceSlots, calendar: LazyCalendar) {
        self.conditions = conditions
        self.nodes = conditions.nodes
        self.evidence = evidence
        self.calendars = calendar
    }

    /// Findings that counted towards the result (present or unknown), in order.
    var used: [String] { usedSlots.map { conditions.findingIDs[$0] } }

    /// `used` with each finding once (where it first counted), in order.
    var usedOnce: [String] {
        var result: [String] = []
        for (position, slot) in usedSlots.enumerated() where !usedSlots[..<position].contains(slot) {
            result.append(conditions.findingIDs[slot])
        }
        return result
    }

    /// The findings of `usedOnce` that were answered "not sure" (not reported as present).
    var usedUnsure: [String] {
        var result: [String] = []
        for (position, slot) in usedSlots.enumerated() where !usedSlots[..<position].contains(slot) {
            if evidence.findings[slot]?.status == .unknown { result.append(conditions.findingIDs[slot]) }
        }
        return result
    }

    /// Plain descriptions of what was not known but mattered, in order.
    var unknowns: [String] { notes.map { conditions.text(of: $0) } }

    /// Readies the evaluator for another condition on the same evidence, as a new one would
    /// be, with other hypothetical "not sure" answers.
    mutating func reset(assumedUnknown: [Int], unsureFacts: [Int] = [], unsureAnchors: [Int] = []) {
        reset()
        self.assumedUnknown = assumedUnknown
        self.assumedUnsureFacts = unsureFacts
        self.assumedUnsureAnchors = unsureAnchors
    }

    /// Readies the evaluator for another condition on the same evidence, with no hypothetical
    /// answers (triage does this once per rule, so what is already empty is left alone).
    mutating func reset() {
        if !usedSlots.isEmpty { usedSlots.removeAll(keepingCapacity: true) }
        if !notes.isEmpty { notes.removeAll(keepingCapacity: true) }
        if !assumedUnknown.isEmpty { assumedUnknown = [] }
        if !assumedUnsureFacts.isEmpty { assumedUnsureFacts = [] }
        if !assumedUnsureAnchors.isEmpty { assumedUnsureAnchors = [] }
    }

    /// The Gregorian calendar in the evidence's time zone, made on first use.
    static func calendar(for evidence: Evidence) -> LazyCalendar {
        LazyCalendar(timeZone: evidence.timeZone)
    }

    /// The truth of rule `index` of the compiled conditions.
    mutating func evaluate(rule index: Int) -> Truth {
        evaluate(node: conditions.roots[index])
    }

    /// The truth of the condition whose top node is `nodes[index]`; children are visited in
    /// order from `index + 1`, each next one starting at the previous one's `end`.
    private mutating func evaluate(node index: Int) -> Truth {
        let node = nodes[index]
        switch node.test {
        case .always: return .yes
        case .noneReported:
            if !assumedUnknown.isEmpty { return .no }
            return evidence.anyReported ? .no : .yes
        case .finding(let slot, let status, let qualifiers):
            return finding(slot, status: status, qualifiers: qualifiers)
        case .fact(let test): return fact(test)
        case .since(let slot, let over, let span): return since(slot, over: over, span)
        case .all:
            // Every item is evaluated, in order, for what each one used.
            var result = Truth.yes
            var child = index + 1
            while child < node.end {
                result = Truth.and(result, evaluate(node: child))
                child = nodes[child].end
            }
            return result
        case .any:
            var result = Truth.no
            var child = index + 1
            while child < node.end {
                result = Truth.or(result, evaluate(node: child))
                child = nodes[child].end
            }
            return result
        case .atLeast(let count):
            var yes = 0
            var possible = 0
            var child = index + 1
            while child < node.end {
                switch evaluate(node: child) {
                case .yes: (yes, possible) = (yes + 1, possible + 1)
                case .unknown: possible += 1
                case .no: break
                }
                child = nodes[child].end
            }
            if yes >= count { return .yes }
            return possible >= count ? .unknown : .no
        case .not: return evaluate(node: index + 1).negated
        }
    }

    // MARK: - Findings

    private mutating func finding(_ slot: Int, status: FindingStatus, qualifiers: Range<Int>) -> Truth {
        guard let found = finding(slot) else { return .no }
        switch (status, found.status) {
        case (.absent, .absent), (.unknown, .unknown): return .yes
        case (.absent, .present), (.unknown, .present), (.unknown, .absent), (.present, .absent): return .no
        case (.absent, .unknown):
            notes.append(.findingNotSure(slot))
            return .unknown
        case (.present, .unknown):
            let timing = self.qualifiers(qualifiers, found)
            guard timing != .no else { return .no }
            notes.append(.findingNotSure(slot))
            usedSlots.append(slot)
            return .unknown
        case (.present, .present):
            let timing = self.qualifiers(qualifiers, found)
            if timing != .no { usedSlots.append(slot) }
            if timing == .unknown { noteUnknownQualifiers(qualifiers, found, slot: slot) }
            return timing
        }
    }

    /// A finding of the evidence, or of `assumedUnknown` as the hypothetical evidence would hold it.
    private func finding(_ slot: Int) -> FindingSlot? {
        if let found = evidence.findings[slot] { return found }
        return assumedUnknown.contains(slot) ? FindingSlot(status: .unknown) : nil
    }

    /// All the qualifiers `conditions.qualifiers[range]` hold (they only read the evidence,
    /// so the first "no" decides).
    private func qualifiers(_ range: Range<Int>, _ found: FindingSlot) -> Truth {
        var result = Truth.yes
        for index in range {
            result = Truth.and(result, qualifier(found, conditions.qualifiers[index]))
            if result == .no { return .no }
        }
        return result
    }

    /// Notes what made the qualifiers `conditions.qualifiers[range]` unknown: the course, the
    /// onset, or the anchor the onset is measured from (so the result names the real unknown).
    private mutating func noteUnknownQualifiers(_ range: Range<Int>, _ found: FindingSlot, slot: Int) {
        for index in range where qualifier(found, conditions.qualifiers[index]) == .unknown {
            let note: UnknownNote
            switch conditions.qualifiers[index] {
            case .trend: note = .findingTrend(slot)
            case .onsetWithin(_, let anchorSlot), .onsetAfter(_, let anchorSlot):
                note =
                    found.onset != nil && anchorBand(anchorSlot) == nil
                    ? .anchorDate(anchorSlot) : .findingTiming(slot)
            case .onsetDuringInfusion:
                note =
                    found.onset != nil && anchorBand(conditions.infusionStart) == nil
                    ? .anchorDate(conditions.infusionStart) : .findingTiming(slot)
            case .onsetRecent, .onsetOver, .onsetKnown: note = .findingTiming(slot)
            }
            if !notes.contains(note) { notes.append(note) }
        }
    }

    private func qualifier(_ found: FindingSlot, _ qualifier: CompiledQualifier) -> Truth {
        switch qualifier {
        case .trend(let trend, let negated):
            // A sign reported as there is there until someone says it has gone; whether it is
            // getting better, the same or worse is not known until asked.
            guard let actual = found.trend else { return trend == .gone ? (negated ? .yes : .no) : .unknown }
            let holds = actual == trend || (trend == .better && actual == .gone)
            return holds != negated ? .yes : .no
        case .onsetKnown:
            return found.onset == nil ? .no : .yes
        case .onsetRecent(let span):
            guard let onset = found.onset else { return .unknown }
            let terms = recentTerms(onset, span)
            return compare(terms.onset, atLeast: terms.bound)
        case .onsetOver(let span):
            guard let onset = found.onset else { return .unknown }
            let terms = recentTerms(onset, span)
            return compare(terms.onset, atLeast: terms.bound).negated
        case .onsetWithin(let span, let anchorSlot):
            guard let onset = found.onset, let anchor = anchorBand(anchorSlot) else { return .unknown }
            let terms = anchorTerms(onset, anchor, span)
            let start = compare(terms.onset, atLeast: terms.anchor)
            let end = compare(terms.onset, atMost: terms.anchor, plus: span)
            return Truth.and(start, end)
        case .onsetAfter(let span, let anchorSlot):
            guard let onset = found.onset, let anchor = anchorBand(anchorSlot) else { return .unknown }
            let terms = anchorTerms(onset, anchor, span)
            return compare(terms.onset, atMost: terms.anchor, plus: span).negated
        case .onsetDuringInfusion:
            guard let onset = found.onset, let start = anchorBand(conditions.infusionStart) else { return .unknown }
            let afterStart = compare(onset, atLeast: start)
            guard let end = infusionEnd(start) else {
                // Still running, or no end to compare with.
                if case .bool(true) = fact(conditions.infusionOngoing) { return afterStart }
                return Truth.and(afterStart, .unknown)
            }
            return Truth.and(afterStart, compare(onset, atMost: end.band, plus: nil))
        }
    }

    /// When the infusion ended: the anchor `infusion-end`, or the start plus the setting
    /// `infusion-length`; nil while it still runs or when neither is known. `anchor` is the
    /// anchor slot when the end was given, nil when it was worked out from the length.
    func infusionEnd(_ start: TimeBand) -> (band: TimeBand, anchor: Int?)? {
        if case .bool(true) = fact(conditions.infusionOngoing) { return nil }
        if let known = anchorBand(conditions.infusionEnd) { return (known, conditions.infusionEnd) }
        guard let length = conditions.infusionLength else { return nil }
        let band = TimeBand(
            earliest: calendars.date(adding: length, to: start.earliest),
            latest: calendars.date(adding: length, to: start.latest))
        return (band, nil)
    }

    // MARK: - Whole days

    /// Whether a comparison against a window of `span` reads calendar days: the span is a
    /// whole number of days or longer, and one side is a whole-day answer ("yesterday", "on
    /// Monday", "14 Nov"). Then "yesterday" is within 1 day whatever the hour now, and a
    /// last dose on 24 October is not over 4 weeks before 21 November.
    func readsDays(_ span: TimeSpan?, _ bands: TimeBand...) -> Bool {
        guard let span, span.amount > 0, span.unit != .minute && span.unit != .hour else { return false }
        return bands.contains { $0.isWholeDays(in: calendars.calendar) }
    }

    /// The band as the first and last calendar day it touches (each as the start of that day).
    func days(_ band: TimeBand) -> TimeBand {
        band.days(in: calendars.calendar)
    }

    /// The onset and the limit `now - span` it is compared with, as instants or as days.
    func recentTerms(_ onset: TimeBand, _ span: TimeSpan) -> (onset: TimeBand, bound: TimeBand, days: Bool) {
        if readsDays(span, onset) {
            let today = calendars.calendar.startOfDay(for: evidence.now)
            return (days(onset), TimeBand(instant: calendars.date(subtracting: span, from: today)), true)
        }
        return (onset, TimeBand(instant: calendars.date(subtracting: span, from: evidence.now)), false)
    }

    /// The onset and the anchor it is measured from, as instants or as days.
    func anchorTerms(_ onset: TimeBand, _ anchor: TimeBand, _ span: TimeSpan)
        -> (onset: TimeBand, anchor: TimeBand, days: Bool)
    {
        readsDays(span, onset, anchor) ? (days(onset), days(anchor), true) : (onset, anchor, false)
    }

    func anchorBand(_ slot: Int) -> TimeBand? {
        if case .known(let band) = anchor(slot) { return band }
        return nil
    }

    /// An anchor's value, or that of the anchor the setting `anchor-fallback` names for it
    /// (the most recent infusion's start is the last infusion's date when only that is known).
    private func anchor(_ slot: Int) -> AnchorValue? {
        if let value = ownAnchor(slot) { return value }
        return conditions.anchorFallbacks[slot].flatMap { ownAnchor($0) }
    }

    /// An anchor's own value in the evidence, or "I don't know" when assumed so.
    private func ownAnchor(_ slot: Int) -> AnchorValue? {
        if let value = evidence.anchors[slot] { return value }
        return assumedUnsureAnchors.contains(slot) ? .unsure : nil
    }

    /// onset >= bound: yes when the whole band is at or after every reading of the bound.
    func compare(_ onset: TimeBand, atLeast bound: TimeBand) -> Truth {
        if onset.earliest >= bound.latest { return .yes }
        if onset.latest < bound.earliest { return .no }
        return .unknown
    }

    func compare(_ onset: TimeBand, atLeast bound: Date) -> Truth {
        compare(onset, atLeast: TimeBand(instant: bound))
    }

    /// onset <= anchor + span.
    func compare(_ onset: TimeBand, atMost anchor: TimeBand, plus span: TimeSpan?) -> Truth {
        let low = span.map { calendars.date(adding: $0, to: anchor.earliest) } ?? anchor.earliest
        let high = span.map { calendars.date(adding: $0, to: anchor.latest) } ?? anchor.latest
        if onset.latest <= low { return .yes }
        if onset.earliest > high { return .no }
        return .unknown
    }

    // MARK: - Facts and anchors

    /// A fact's value in the evidence, or "not sure" when assumed so.
    func fact(_ slot: Int) -> FactValue? {
        if let value = evidence.facts[slot] { return value }
        return assumedUnsureFacts.contains(slot) ? .unsure : nil
    }

    private mutating func fact(_ test: FactTest) -> Truth {
        guard let actual = fact(test.slot) else { return .no }
        let comparison = test.comparison
        if test.unsure {
            // `FACT = unknown`: the person was asked and said "not sure" (a plain yes or no).
            return (actual == .unsure) == (comparison == .equal) ? .yes : .no
        }
        switch actual {
        case .unsure:
            notes.append(.factNotSure(test.slot))
            return .unknown
        case .choice(let choice):
            return (choice == conditions.factValues[test.value]) == (comparison == .equal) ? .yes : .no
        case .bool(let flag):
            // The answer written "yes" or "no", compared with the value as written.
            return (test.flag == flag) == (comparison == .equal) ? .yes : .no
        case .number(let number):
            guard let target = test.number else { return .no }
            let holds: Bool =
                switch comparison {
                case .equal: number == target
                case .notEqual: number != target
                case .less: number < target
                case .lessOrEqual: number <= target
                case .greater: number > target
                case .greaterOrEqual: number >= target
                }
            return holds ? .yes : .no
        }
    }

    private mutating func since(_ slot: Int, over: Bool, _ span: TimeSpan) -> Truth {
        switch anchor(slot) {
        case nil: return .no
        case .unsure:
            notes.append(.anchorDate(slot))
            return .unknown
        case .known(let given):
            let byDay = readsDays(span, given)
            let band = byDay ? days(given) : given
            let now = byDay ? calendars.calendar.startOfDay(for: evidence.now) : evidence.now
            let limit = TimeBand(
                earliest: calendars.date(adding: span, to: band.earliest),
                latest: calendars.date(adding: span, to: band.latest))
            let result: Truth = if now > limit.latest { .yes } else if now <= limit.earliest { .no } else { .unknown }
            if result == .unknown { notes.append(.anchorDate(slot)) }
            return over ? result : result.negated
        }
    }
}

/// A Gregorian calendar in one time zone, made when first asked for: most evaluations
/// need no calendar arithmetic, and the first calendar of a process is slow to make.
/// Sums already worked out are remembered (the same spans are added to the same instants
/// again and again). Not shared across threads (each walk and each triage has its own).
final class LazyCalendar {
    private let timeZone: TimeZone
    private var made: Calendar?
    /// Sums worked out, the first few in a list searched in order (a walk needs few, and
    /// comparing them costs less than hashing), any more in a table.
    private var firstSums: [(sum: Sum, result: Date)] = []
    private var moreSums: [Sum: Date] = [:]
    private static let listed = 32

    /// A span added to an instant, all as numbers: a span's unit hashes and compares as its
    /// name (a string), which would cost more than the rest of a lookup.
    private struct Sum: Hashable {
        var amount: Int
        var unit: Int
        var date: Date

        init(_ span: TimeSpan, _ date: Date) {
            self.amount = span.amount
            self.unit =
                switch span.unit {
                case .minute: 0
                case .hour: 1
                case .day: 2
                case .week: 3
                case .month: 4
                case .year: 5
                }
            self.date = date
        }
    }

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// A calendar already made (it must be Gregorian).
    init(calendar: Calendar) {
        self.timeZone = calendar.timeZone
        self.made = calendar
    }

    var calendar: Calendar {
        if let made { return made }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        made = calendar
        return calendar
    }

    /// `span.added(to: date, calendar: calendar)`, remembered.
    func date(adding span: TimeSpan, to date: Date) -> Date {
        let sum = Sum(span, date)
        for known in firstSums where known.sum == sum { return known.result }
        if let known = moreSums[sum] { return known }
        let result = span.added(to: date, calendar: calendar)
        if firstSums.count < Self.listed {
            firstSums.append((sum, result))
        } else {
            moreSums[sum] = result
        }
        return result
    }

    /// `span.subtracted(from: date, calendar: calendar)`, remembered.
    func date(subtracting span: TimeSpan, from date: Date) -> Date {
        self.date(adding: TimeSpan(amount: -span.amount, unit: span.unit), to: date)
    }
}

extension FindingSlot {
    /// A finding answered "not sure", with nothing else known.
    init(status: FindingStatus) {
        self.init(status: status, onset: nil, trend: nil)
    }
}
