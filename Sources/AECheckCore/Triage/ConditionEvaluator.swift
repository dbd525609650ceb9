import Foundation

/// Evaluates a rule's condition against evidence, remembering what made it true.
///
/// Findings never mentioned are false; "not sure" answers, onsets nobody gave and anchors
/// answered "I don't know" are unknown. Time bands that straddle a boundary are unknown,
/// so a rule at or above `assume-unknown-from` takes the more urgent side.
struct ConditionEvaluator {
    let knowledge: KnowledgeBase
    let evidence: Evidence
    /// The calendar for span arithmetic, made only if a rule needs it.
    let calendars: LazyCalendar
    var calendar: Calendar { calendars.calendar }
    /// Findings that counted towards the result (present or unknown), in order.
    private(set) var used: [String] = []
    /// Plain descriptions of what was not known but mattered.
    private(set) var unknowns: [String] = []
    /// Findings missing from the evidence that count as answered "not sure" (a hypothetical
    /// without copying the evidence): the evaluation is as if each were in `evidence.findings`
    /// with status unknown and nothing else known.
    private(set) var assumedUnknown: Set<String>

    init(knowledge: KnowledgeBase, evidence: Evidence) {
        self.init(knowledge: knowledge, evidence: evidence, calendar: Self.calendar(for: evidence))
    }

    /// An evaluator sharing a calendar in the evidence's time zone (calendars are costly to
    /// make, and relevance makes many evaluators per step).
    init(knowledge: KnowledgeBase, evidence: Evidence, calendar: LazyCalendar, assumedUnknown: Set<String> = []) {
        self.knowledge = knowledge
        self.evidence = evidence
        self.calendars = calendar
        self.assumedUnknown = assumedUnknown
    }

    /// Readies the evaluator for another condition on the same evidence, as a new one would
    /// be (copying the knowledge and evidence into a new evaluator per rule is costly).
    mutating func reset(assumedUnknown: Set<String> = []) {
        used.removeAll(keepingCapacity: true)
        unknowns.removeAll(keepingCapacity: true)
        self.assumedUnknown = assumedUnknown
    }

    /// The Gregorian calendar in the evidence's time zone, made on first use.
    static func calendar(for evidence: Evidence) -> LazyCalendar {
        LazyCalendar(timeZone: evidence.timeZone)
    }

    mutating func evaluate(_ condition: Condition) -> Truth {
        switch condition {
        case .always: return .yes
        case .noneReported:
            if !assumedUnknown.isEmpty { return .no }
            return evidence.findings.values.contains { $0.status != .absent } ? .no : .yes
        case .finding(let id, let status, let qualifiers), .name(let id, let status, let qualifiers):
            return finding(id, status, qualifiers)
        case .fact(let id, let comparison, let value): return fact(id, comparison, value)
        case .factIsYes(let id): return fact(id, .equal, "yes")
        case .since(let anchor, let over, let span): return since(anchor, over: over, span)
        case .all(let items): return Truth.and(items.map { evaluate($0) })
        case .any(let items): return Truth.or(items.map { evaluate($0) })
        case .atLeast(let count, let items): return Truth.atLeast(count, items.map { evaluate($0) })
        case .not(let inner): return evaluate(inner).negated
        }
    }

    // MARK: - Findings

    private mutating func finding(_ id: String, _ test: FindingStatus, _ qualifiers: [Qualifier]) -> Truth {
        guard let found = evidence.findings[id] ?? assumed(id) else { return .no }
        var name: String { knowledge.findings[id]?.name.patient ?? id }
        switch (test, found.status) {
        case (.absent, .absent), (.unknown, .unknown): return .yes
        case (.absent, .present), (.unknown, .present), (.unknown, .absent), (.present, .absent): return .no
        case (.absent, .unknown):
            unknowns.append("not sure about \(name)")
            return .unknown
        case (.present, .unknown):
            let timing = Truth.and(qualifiers.map { qualifier(found, $0) })
            guard timing != .no else { return .no }
            unknowns.append("not sure about \(name)")
            used.append(id)
            return .unknown
        case (.present, .present):
            let timing = Truth.and(qualifiers.map { qualifier(found, $0) })
            if timing != .no { used.append(id) }
            if timing == .unknown { unknowns.append("the timing of \(name)") }
            return timing
        }
    }

    /// A finding of `assumedUnknown`, as the hypothetical evidence would hold it.
    private func assumed(_ id: String) -> FindingEvidence? {
        assumedUnknown.contains(id) ? FindingEvidence(id: id, status: .unknown) : nil
    }

    private func qualifier(_ found: FindingEvidence, _ qualifier: Qualifier) -> Truth {
        switch qualifier {
        case .trend(let trend, let negated):
            guard let actual = found.trend else { return .unknown }
            return (actual == trend) != negated ? .yes : .no
        case .onsetRecent(let span):
            guard let onset = found.onset else { return .unknown }
            return compare(onset, atLeast: span.subtracted(from: evidence.now, calendar: calendar))
        case .onsetOver(let span):
            guard let onset = found.onset else { return .unknown }
            return compare(onset, atLeast: span.subtracted(from: evidence.now, calendar: calendar)).negated
        case .onsetWithin(let span, let anchorID):
            guard let onset = found.onset, let anchor = anchorBand(anchorID) else { return .unknown }
            let start = compare(onset, atLeast: anchor)
            let end = compare(onset, atMost: anchor, plus: span)
            return Truth.and([start, end])
        case .onsetAfter(let span, let anchorID):
            guard let onset = found.onset, let anchor = anchorBand(anchorID) else { return .unknown }
            return compare(onset, atMost: anchor, plus: span).negated
        case .onsetDuringInfusion:
            guard let onset = found.onset, let start = anchorBand("infusion-start") else { return .unknown }
            let afterStart = compare(onset, atLeast: start)
            if case .bool(true) = evidence.facts["infusion-ongoing"] { return afterStart }
            let end: TimeBand
            if let known = anchorBand("infusion-end") {
                end = known
            } else if let length = knowledge.list("infusion-length").first.flatMap(TimeSpan.init) {
                end = TimeBand(
                    earliest: length.added(to: start.earliest, calendar: calendar),
                    latest: length.added(to: start.latest, calendar: calendar))
            } else {
                return Truth.and([afterStart, .unknown])
            }
            let beforeEnd = compare(onset, atMost: end, plus: nil)
            return Truth.and([afterStart, beforeEnd])
        }
    }

    private func anchorBand(_ id: String) -> TimeBand? {
        if case .known(let band) = anchor(id) { return band }
        return nil
    }

    /// An anchor's value, or that of the anchor the setting `anchor-fallback` names for it
    /// (the most recent infusion's start is the last infusion's date when only that is known).
    private func anchor(_ id: String) -> AnchorValue? {
        if let value = evidence.anchors[id] { return value }
        return knowledge.anchorFallbacks[id].flatMap { evidence.anchors[$0] }
    }

    /// onset >= bound: yes when the whole band is at or after every reading of the bound.
    private func compare(_ onset: TimeBand, atLeast bound: TimeBand) -> Truth {
        if onset.earliest >= bound.latest { return .yes }
        if onset.latest < bound.earliest { return .no }
        return .unknown
    }

    private func compare(_ onset: TimeBand, atLeast bound: Date) -> Truth {
        compare(onset, atLeast: TimeBand(instant: bound))
    }

    /// onset <= anchor + span.
    private func compare(_ onset: TimeBand, atMost anchor: TimeBand, plus span: TimeSpan?) -> Truth {
        let low = span.map { $0.added(to: anchor.earliest, calendar: calendar) } ?? anchor.earliest
        let high = span.map { $0.added(to: anchor.latest, calendar: calendar) } ?? anchor.latest
        if onset.latest <= low { return .yes }
        if onset.earliest > high { return .no }
        return .unknown
    }

    // MARK: - Facts and anchors

    private mutating func fact(_ id: String, _ comparison: Comparison, _ value: String) -> Truth {
        guard let actual = evidence.facts[id] else { return .no }
        var name: String { knowledge.facts[id]?.name.patient ?? id }
        switch actual {
        case .unsure:
            unknowns.append("not sure about \(name)")
            return .unknown
        case .choice(let choice):
            return (choice == value) == (comparison == .equal) ? .yes : .no
        case .bool(let flag):
            return ((flag ? "yes" : "no") == value) == (comparison == .equal) ? .yes : .no
        case .number(let number):
            guard let target = Double(value) else { return .no }
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

    private mutating func since(_ anchorID: String, over: Bool, _ span: TimeSpan) -> Truth {
        switch anchor(anchorID) {
        case nil: return .no
        case .unsure:
            unknowns.append("the date of \(anchorID.replacingOccurrences(of: "-", with: " "))")
            return .unknown
        case .known(let band):
            let limit = TimeBand(
                earliest: span.added(to: band.earliest, calendar: calendar),
                latest: span.added(to: band.latest, calendar: calendar))
            let result: Truth =
                if evidence.now > limit.latest { .yes } else if evidence.now <= limit.earliest { .no } else { .unknown }
            if result == .unknown {
                unknowns.append("the date of \(anchorID.replacingOccurrences(of: "-", with: " "))")
            }
            return over ? result : result.negated
        }
    }
}

/// A Gregorian calendar in one time zone, made when first asked for: most evaluations
/// need no calendar arithmetic, and the first calendar of a process is slow to make.
/// Not shared across threads (each walk and each triage has its own).
final class LazyCalendar {
    private let timeZone: TimeZone
    private var made: Calendar?

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
}
